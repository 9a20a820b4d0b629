import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { FileSecretStore } from '../../src/main/core/session/secret-store.js';
import { loginAs, startTestServer, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { listedTickets } from '../support/listed-tickets.js';

const clock = { now: () => Date.now() };
let running: RunningTestServer;
const dirs: string[] = [];

beforeAll(async () => {
  running = await startTestServer({ clock, seed: true });
});
afterAll(async () => {
  await running.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function core(dataDir: string, serverUrl = running.url): DeskCore {
  return new DeskCore({ dataDir, serverUrl, clock, secrets: new FileSecretStore(join(dataDir, 'session.json')) });
}

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-rebuild-'));
  dirs.push(dir);
  return dir;
}

describe('rebuilding a replica that cannot be used', () => {
  it('a replica this console cannot migrate is rebuilt from the server; its unsent change still goes out and the handoff draft is kept', async () => {
    const dataDir = freshDir();
    const first = core(dataDir);
    await first.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    await expect.poll(async () => (await listedTickets(first)).length, { timeout: 10_000 }).toBeGreaterThan(10);
    const ticket = (await listedTickets(first))[0]!;
    first.close();
    const offline = core(dataDir, 'http://127.0.0.1:9');
    await offline.api['mutations.enqueue']({ name: 'ticket.note', args: { ticketId: ticket.id, body: 'Saved across a broken replica' } });
    await offline.api['handoffs.saveDraft']({ queueId: 'billing', body: 'A handoff half written', shift: null });
    offline.close();

    // As if a newer console had upgraded the file and the agent went back to this version.
    const file = new Database(join(dataDir, 'replica.sqlite'));
    file.pragma('user_version = 99');
    file.close();

    const rebuilt = core(dataDir);
    try {
      expect(rebuilt.rebuilt).toMatchObject({ savedMutations: 1, reason: expect.stringMatching(/newer/) });
      expect(existsSync(rebuilt.rebuilt!.brokenFile)).toBe(true);
      expect(await rebuilt.api['handoffs.draft']({})).toMatchObject({ queueId: 'billing', body: 'A handoff half written' });
      await expect.poll(async () => (await rebuilt.api['outbox.get']({})).waiting, { timeout: 10_000 }).toBe(0);
      const token = await loginAs(running.url, 'agent3@demo');
      const onServer = (await (await fetch(`${running.url}/api/v1/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { messages: { body: string }[] };
      expect(onServer.messages.at(-1)?.body).toBe('Saved across a broken replica');
      expect((await listedTickets(rebuilt)).length).toBeGreaterThan(10);
    } finally {
      rebuilt.close();
    }
  });

  it('a replica file that is not a database at all is replaced, and the console works', async () => {
    const dataDir = freshDir();
    writeFileSync(join(dataDir, 'replica.sqlite'), randomBytes(8192));
    const desk = core(dataDir);
    try {
      expect(desk.rebuilt).toMatchObject({ savedMutations: 0 });
      await desk.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
      await expect.poll(async () => (await listedTickets(desk)).length, { timeout: 10_000 }).toBeGreaterThan(10);
    } finally {
      desk.close();
    }
  });
});
