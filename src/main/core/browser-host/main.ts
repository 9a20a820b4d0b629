import { resolve } from 'node:path';
import { z } from 'zod';
import { handoffDraftMinutesFrom } from '../handoff-settings.js';
import { WorkerDesk } from '../worker/worker-desk.js';
import { startBrowserHost } from './host.js';

/** Runs the desktop core in plain Node and serves the console to a browser: the host without Electron. */
const env = z
  .object({
    SHIFTDESK_SERVER_URL: z.url().default('http://127.0.0.1:4780'),
    SHIFTDESK_CONSOLE_PORT: z.coerce.number().int().min(0).max(65_535).default(4781),
    SHIFTDESK_CONSOLE_DATA: z.string().default('.shiftdesk/console'),
    SHIFTDESK_RENDERER_DIR: z.string().default('out/renderer'),
  })
  .parse(process.env);

const dataDir = resolve(env.SHIFTDESK_CONSOLE_DATA);
const core = await WorkerDesk.start({ dataDir, serverUrl: env.SHIFTDESK_SERVER_URL, secretsFile: resolve(dataDir, 'session.json'), handoffDraftMinutes: handoffDraftMinutesFrom(process.env) });
const host = await startBrowserHost({ core, rendererDir: resolve(env.SHIFTDESK_RENDERER_DIR), port: env.SHIFTDESK_CONSOLE_PORT });
console.log(`shiftdesk: console ready at ${host.url}`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  // The replica and outbox are written before anything is acknowledged, so a forced exit after the
  // grace period loses nothing a user wrote.
  setTimeout(() => {
    console.error('shiftdesk: the console host did not close in 5 s, exiting anyway');
    process.exit(1);
  }, 5_000).unref();
  await host.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
