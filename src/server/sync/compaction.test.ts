import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { PullReply } from '../../shared/sync/protocol.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { openSyncSocket, pullOnce } from '../testing/test-socket.js';
import { compactChangeLog } from './compaction.js';

let now = Date.parse('2026-11-23T02:00:00Z');
const clock = { now: () => now };
let server: RunningTestServer;
let socket: Socket;

const pull = async (request: unknown): Promise<PullReply> => {
  const reply = await pullOnce(socket, request);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
};

async function pullAll(): Promise<PullReply[]> {
  const pages: PullReply[] = [];
  for (let cursors = {}; ; ) {
    const page = await pull({ cursors, limit: 1000 });
    pages.push(page);
    if (page.reset || !page.hasMore) return pages;
    cursors = page.cursors;
  }
}

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
  socket = await openSyncSocket(server.url, 'supervisor@demo');
});
afterAll(async () => {
  socket.disconnect();
  await server.stop();
});

describe('change-log compaction', () => {
  it('drops superseded changes, so the log from 0 is a snapshot of the present', async () => {
    const before = (await pullAll()).flatMap((p) => p.changes);
    const result = await compactChangeLog(server.context.db, clock, 30);
    expect(result.superseded).toBeGreaterThan(0);
    const after = (await pullAll()).flatMap((p) => p.changes);
    expect(after.length).toBe(before.length - result.superseded);
    // The same final state either way: the last change of every row survives.
    const finalState = (changes: typeof before) => {
      const rows = new Map<string, unknown>();
      for (const c of changes) rows.set(`${c.scope}/${c.entity}/${c.op === 'upsert' ? c.row.id : c.rowId}`, c.op === 'upsert' ? c.row : null);
      return rows;
    };
    expect(finalState(after)).toEqual(finalState(before));
  });

  it('keeps deletions for the retention period, then sends older cursors back to 0', async () => {
    const admin = await loginAs(server.url, 'admin@demo');
    const { items } = (await (await fetch(`${server.url}/api/v1/tickets?queueId=billing&pageSize=1`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { items: { id: string }[] };
    const oldCursors = (await pullAll()).at(-1)!.cursors;
    await fetch(`${server.url}/api/v1/tickets/${items[0]!.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ queueId: 'network' }) });

    expect((await compactChangeLog(server.context.db, clock, 30)).tombstones).toBe(0);
    expect((await pull({ cursors: oldCursors })).reset).toBe(false);

    now += 31 * 86_400_000;
    const result = await compactChangeLog(server.context.db, clock, 30);
    expect(result.tombstones).toBe(1);
    expect(result.floor).toBeGreaterThan(Math.max(...Object.values(oldCursors)));
    expect(await pull({ cursors: oldCursors })).toMatchObject({ reset: true, cursors: {}, changes: [] });
    const atFloor = Object.fromEntries(Object.keys(oldCursors).map((scope) => [scope, result.floor]));
    expect((await pull({ cursors: atFloor })).reset).toBe(false);
  });

  it('sends a client from another epoch (another database) back to 0', async () => {
    expect(await pull({ cursors: {}, epoch: 'some-other-server' })).toMatchObject({ reset: true });
    expect((await pull({ cursors: {}, epoch: server.context.epoch })).reset).toBe(false);
  });
});
