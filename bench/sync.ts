import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/shared/clock.js';
import { DeskCore } from '../src/main/core/desk-core.js';
import { FileSecretStore } from '../src/main/core/session/secret-store.js';
import { loginAs, startTestServer } from '../src/server/testing/test-server.js';
import { queueRowsOf } from '../src/shared/queue/queue-listing.js';

/**
 * Sync benchmarks on a real server and replica: how long a fresh console takes to replicate the demo
 * desk, and how long a ticket created over REST takes to reach a signed-in console.
 */
const ROUNDS = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const server = await startTestServer({ clock: systemClock, seed: true });
const root = mkdtempSync(join(tmpdir(), 'shiftdesk-bench-'));
const core = new DeskCore({ dataDir: root, serverUrl: server.url, clock: systemClock, secrets: new FileSecretStore(join(root, 's.json')) });

const online = new Promise<void>((resolve) => core.onEvent((event, payload) => event === 'connection.changed' && (payload as { status: string }).status === 'online' && resolve()));
const syncStart = performance.now();
await core.api['session.login']({ email: 'supervisor@demo', password: 'shiftdesk' });
await online;
const initialSyncMs = performance.now() - syncStart;
const replicated = (await core.api['tickets.list']({})).count;

const token = await loginAs(server.url, 'admin@demo');
const latencies: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const subject = `Bench ticket ${round}`;
  const started = performance.now();
  const arrived = new Promise<void>((resolve) => {
    const stop = core.onEvent((event) => {
      if (event !== 'tickets.changed') return;
      void core.api['tickets.list']({}).then((listing) => {
        if (queueRowsOf(listing).some((t) => t.subject === subject)) {
          stop();
          resolve();
        }
      });
    });
  });
  await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ subject, body: 'bench', requesterName: 'Bench', requesterEmail: 'bench@example.com' }),
  });
  await arrived;
  latencies.push(performance.now() - started);
}
latencies.sort((a, b) => a - b);

const result = {
  benchmark: 'sync',
  date: new Date().toISOString(),
  machine: { node: process.version, platform: process.platform },
  initialSync: { tickets: replicated, ms: Math.round(initialSyncMs) },
  restCreateToConsole: { rounds: ROUNDS, p50Ms: +percentile(latencies, 50).toFixed(1), p95Ms: +percentile(latencies, 95).toFixed(1), maxMs: +latencies.at(-1)!.toFixed(1) },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/sync.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));

core.close();
await server.stop();
rmSync(root, { recursive: true, force: true });
