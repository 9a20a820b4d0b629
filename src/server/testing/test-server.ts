import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock.js';
import { createServer, type ServerDeps, type ShiftdeskServer } from '../app.js';
import { startSmtpReceiver, type SmtpReceiverOptions } from '../intake/email/smtp-receiver.js';
import { seedDemoData } from '../demo/seed.js';
import type { Timers } from '../scheduling/deadline-loop.js';
import { openSqliteDatabase } from '../storage/database.js';

export interface RunningTestServer extends ShiftdeskServer {
  url: string;
  dataDir: string;
  /** The SMTP receiver's port, when one was asked for. */
  smtpPort?: number;
  /** Stops the server; the data folder is kept when `keepData` is set so a restart can reuse it. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** A real server on a free loopback port with its own SQLite file: what integration tests run against. */
export async function startTestServer(options: {
  clock: Clock;
  seed?: boolean;
  dataDir?: string;
  timers?: Timers;
  port?: number;
  /** The mail channel's settings, as main.ts takes them from the environment. */
  mail?: Pick<ServerDeps, 'deliverers' | 'mailDomain' | 'mailPollSeconds'>;
  /** Starts the SMTP receiver on a free loopback port. */
  smtp?: Partial<Pick<SmtpReceiverOptions, 'recipients' | 'maxBytes'>>;
}): Promise<RunningTestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'shiftdesk-server-'));
  const db = openSqliteDatabase(dataDir);
  const server = await createServer({ db, clock: options.clock, updatesDir: join(dataDir, 'updates'), ...(options.timers ? { timers: options.timers } : {}), ...options.mail });
  // A data folder that already has its demo data (a restart) is not seeded twice.
  const seeded = (await server.context.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
  if (options.seed && !seeded) await seedDemoData(server.context);
  const smtp = options.smtp ? await startSmtpReceiver(server.context, { port: 0, host: '127.0.0.1', recipients: null, ...options.smtp }) : null;
  if (smtp) server.app.addHook('preClose', () => smtp.close());
  const url = await server.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  return {
    ...server,
    url,
    dataDir,
    ...(smtp ? { smtpPort: smtp.port } : {}),
    async stop({ keepData = false } = {}) {
      await server.app.close();
      await db.destroy();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function loginAs(url: string, email: string, password = 'shiftdesk'): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** One REST call as an integration sends it: JSON in and out, a bearer token if given. */
export async function callApi<T = Record<string, unknown>>(url: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as T };
}
