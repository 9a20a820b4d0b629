import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Clock } from '../../shared/clock.js';
import { ChangesPushSchema, socketEvents, type ChangesPush, type PullReply } from '../../shared/sync/protocol.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll, pullOnce, SocketPool } from '../testing/test-socket.js';

const clock: Clock = { now: () => Date.parse('2026-11-23T02:30:00Z') };
let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const open = (email: string) => pool.open(email);

const pull = pullOnce;

function collectPushes(socket: Socket): ChangesPush[] {
  const pushes: ChangesPush[] = [];
  socket.on(socketEvents.changes, (raw: unknown) => pushes.push(ChangesPushSchema.parse(raw)));
  return pushes;
}

const rowIds = (changes: PullReply['changes']) => changes.map((c) => (c.op === 'upsert' ? c.row.id : c.rowId));

async function createTicket(queueId: string): Promise<string> {
  const token = await loginAs(server.url, 'admin@demo');
  const response = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ subject: `Push test ${queueId}`, body: 'x', requesterName: 'R', requesterEmail: 'r@x.example', queueId }),
  });
  return ((await response.json()) as { ticket: { id: string } }).ticket.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

describe('sync socket', () => {
  it('refuses a handshake without a valid token', async () => {
    const socket = connect(server.url, { auth: { token: 'forged' }, transports: ['websocket'], reconnection: false });
    pool.track(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
  });

  it('pulls in bounded pages only the changes of the user’s queues', async () => {
    const socket = await open('agent3@demo');
    const first = await pull(socket, { cursors: {}, limit: 10 });
    expect(first.ok && first.value.changes.length).toBe(10);
    expect(first.ok && first.value.hasMore).toBe(true);
    const { changes, cursors } = await pullAll(socket);
    const ticketScopes = new Set(changes.filter((c) => c.entity === 'ticket' || c.entity === 'message').map((c) => c.scope));
    expect([...ticketScopes]).toEqual(['queue:billing']);
    expect(changes.some((c) => c.entity === 'queue')).toBe(true);
    expect(Object.keys(cursors).sort()).toEqual(['queue:billing', 'shared', 'user:u-agent3']);
    // Caught up: the next pull brings nothing.
    expect((await pullAll(socket, cursors)).changes).toEqual([]);
  });

  it('pulls each scope from its own cursor: a scope never seen starts from its beginning', async () => {
    const socket = await open('agent3@demo');
    const { cursors } = await pullAll(socket);
    const { changes } = await pullAll(socket, { ...cursors, 'queue:billing': 0 });
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes.map((c) => c.scope))).toEqual(new Set(['queue:billing']));
  });

  it('gives every console the SLA policy in force, and pushes a new version of it', async () => {
    const socket = await open('agent2@demo');
    const { changes } = await pullAll(socket);
    const held = changes.filter((c) => c.entity === 'slaPolicy');
    expect(held.map((c) => c.op === 'upsert' && c.row.id)).toEqual(['current']);
    const current = held[0]!.op === 'upsert' ? (held[0]!.row as { version: number; policy: { rules: unknown[] } }) : null;
    const pushes = collectPushes(socket);
    const admin = await loginAs(server.url, 'admin@demo');
    const replaced = await fetch(`${server.url}/api/v1/sla/policy`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ policy: current!.policy, reason: 'same rules, new version' }),
    });
    expect(replaced.status).toBe(200);
    await expect
      .poll(() => pushes.flatMap((p) => p.changes).find((c) => c.entity === 'slaPolicy'))
      .toMatchObject({ scope: 'shared', op: 'upsert', row: { id: 'current', version: current!.version + 1 } });
  });

  it('answers a malformed pull with an error naming the field', async () => {
    const socket = await open('agent3@demo');
    const reply = await pull(socket, { cursors: { 'queue:billing': -4 } });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/^cursors\.queue:billing/);
  });

  it('pushes a commit to the rooms of its scope only, chained to the scope’s previous change', async () => {
    const billing = await open('agent3@demo');
    const network = await open('tier2@demo');
    const { changes: held, cursors } = await pullAll(billing);
    const toBilling = collectPushes(billing);
    const toNetwork = collectPushes(network);
    const first = await createTicket('billing');
    const second = await createTicket('billing');
    await expect.poll(() => toBilling.length).toBe(2);
    const [a, b] = toBilling as [ChangesPush, ChangesPush];
    expect(a.scope).toBe('queue:billing');
    // The first push names the scope's last change the console already holds, so it applies on arrival...
    expect(a.prevSeq).toBe(Math.max(...held.filter((c) => c.scope === 'queue:billing').map((c) => c.seq)));
    expect(a.prevSeq).toBeLessThanOrEqual(cursors['queue:billing']!);
    // ...and each following push starts where the last one ended.
    expect(b.prevSeq).toBe(a.lastSeq);
    expect(rowIds(a.changes)).toContain(first);
    expect(rowIds(b.changes)).toContain(second);
    // What was pushed is exactly what a pull from the same cursor returns.
    const pulled = await pullAll(billing, cursors);
    expect([...a.changes, ...b.changes]).toEqual(pulled.changes);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(toNetwork).toEqual([]);
  });

  it('a move between two queues reaches a console in both rooms in the order it was made', async () => {
    const supervisor = await open('supervisor@demo');
    const pushes = collectPushes(supervisor);
    const id = await createTicket('billing');
    const token = await loginAs(server.url, 'admin@demo');
    await fetch(`${server.url}/api/v1/tickets/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ queueId: 'network' }),
    });
    await expect.poll(() => pushes.flatMap((p) => p.changes).filter((c) => c.entity === 'ticket').length).toBe(3);
    const changes = pushes.flatMap((p) => p.changes);
    expect(changes.map((c) => c.seq)).toEqual([...changes.map((c) => c.seq)].sort((x, y) => x - y));
    const ticketChanges = changes.filter((c) => c.entity === 'ticket').map((c) => `${c.op} ${c.scope}`);
    expect(ticketChanges).toEqual(['upsert queue:billing', 'delete queue:billing', 'upsert queue:network']);
  });
});
