import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/shared/clock.js';
import type { DeskResult } from '../../src/shared/desk-api/bridge.js';
import { WorkerDesk } from '../../src/main/core/worker/worker-desk.js';
import { startTestServer, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { nextEvent } from '../support/desk-events.js';
import { queueRowsOf, type QueueListing } from '../../src/shared/queue/queue-listing.js';

let server: RunningTestServer;
const root = mkdtempSync(join(tmpdir(), 'shiftdesk-worker-'));

beforeAll(async () => {
  server = await startTestServer({ clock: systemClock, seed: true });
});
afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

function value<T>(result: DeskResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('the desktop core in a worker thread', () => {
  it('answers calls, validates them, forwards events, and comes back after the thread dies with nothing lost', async () => {
    const dataDir = join(root, 'console');
    const desk = await WorkerDesk.start({ dataDir, serverUrl: server.url, secretsFile: join(dataDir, 'session.json') });
    try {
      const online = nextEvent(desk, 'connection.changed', (state: { status: string }) => state.status === 'online');
      value(await desk.call('session.login', { email: 'agent@demo', password: 'shiftdesk' }));
      await online;
      const tickets = queueRowsOf(value<QueueListing>(await desk.call('tickets.list', {})));
      expect(tickets.length).toBeGreaterThan(0);

      // Refused in the worker, by the shared dispatcher, before any core code runs.
      const bad = await desk.call('tickets.get', { id: 42 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(!bad.ok && bad.error.message).toMatch(/^id/);
      expect(await desk.call('tickets.burn', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

      // A note is written and the thread dies at once: the next call waits for a new thread, which
      // opens the same replica and session, and the note still reaches the server exactly once.
      const ticketId = tickets[0]!.id;
      value(await desk.call('mutations.enqueue', { name: 'ticket.note', args: { ticketId, body: 'Written just before the core crashed' } }));
      const worker = (desk as unknown as { worker: Worker }).worker;
      await worker.terminate();
      const again = queueRowsOf(value<QueueListing>(await desk.call('tickets.list', {})));
      expect(again.map((t) => t.id).sort()).toEqual(tickets.map((t) => t.id).sort());
      expect(value<{ user: { email: string } } | null>(await desk.call('session.get', {}))?.user.email).toBe('agent@demo');
      const notesOnServer = async () => (await server.context.tickets.find(['general', 'billing', 'network', 'platform'], ticketId))!.messages.filter((m) => m.body === 'Written just before the core crashed').length;
      await expect.poll(notesOnServer, { timeout: 10_000 }).toBe(1);
      await expect.poll(async () => value<{ waiting: number }>(await desk.call('outbox.get', {})).waiting).toBe(0);
    } finally {
      await desk.close();
    }
  });
});
