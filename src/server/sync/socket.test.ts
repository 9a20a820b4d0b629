import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Clock } from '../../shared/clock.js';
import { socketEvents, type PullReply } from '../../shared/sync/protocol.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { openSyncSocket, pullOnce } from '../testing/test-socket.js';

const clock: Clock = { now: () => Date.parse('2026-11-23T02:30:00Z') };
let server: RunningTestServer;
const sockets: Socket[] = [];

async function open(email: string): Promise<Socket> {
  const socket = await openSyncSocket(server.url, email);
  sockets.push(socket);
  return socket;
}

const pull = pullOnce;

async function pullAll(socket: Socket): Promise<PullReply['changes']> {
  const changes: PullReply['changes'] = [];
  let since = 0;
  for (;;) {
    const reply = await pull(socket, { since, limit: 100 });
    if (!reply.ok) throw new Error(reply.error.message);
    changes.push(...reply.value.changes);
    since = reply.value.cursor;
    if (!reply.value.hasMore) return changes;
  }
}

async function createTicket(queueId: string): Promise<string> {
  const token = await loginAs(server.url, 'admin@demo');
  const response = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ subject: `Poke test ${queueId}`, body: 'x', requesterName: 'R', requesterEmail: 'r@x.example', queueId }),
  });
  return ((await response.json()) as { ticket: { id: string } }).ticket.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.stop();
});

describe('sync socket', () => {
  it('refuses a handshake without a valid token', async () => {
    const socket = connect(server.url, { auth: { token: 'forged' }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
  });

  it('pulls in bounded pages only the changes of the user’s queues', async () => {
    const socket = await open('agent3@demo');
    const first = await pull(socket, { since: 0, limit: 10 });
    expect(first.ok && first.value.changes.length).toBe(10);
    expect(first.ok && first.value.hasMore).toBe(true);
    const changes = await pullAll(socket);
    const ticketScopes = new Set(changes.filter((c) => c.entity === 'ticket' || c.entity === 'message').map((c) => c.scope));
    expect([...ticketScopes]).toEqual(['queue:billing']);
    expect(changes.some((c) => c.entity === 'queue')).toBe(true);
  });

  it('answers a malformed pull with an error naming the field', async () => {
    const socket = await open('agent3@demo');
    const reply = await pull(socket, { since: -4 });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/^since/);
  });

  it('pokes the rooms of the changed queue and no other', async () => {
    const billing = await open('agent3@demo');
    const network = await open('tier2@demo');
    const pokedNetwork: unknown[] = [];
    network.on(socketEvents.poke, (poke) => pokedNetwork.push(poke));
    const poked = new Promise<{ seq: number }>((resolve) => billing.once(socketEvents.poke, resolve));
    const id = await createTicket('billing');
    const { seq } = await poked;
    const reply = await pull(billing, { since: seq - 2 });
    expect(reply.ok && reply.value.changes.map((c) => (c.op === 'upsert' ? c.row.id : c.rowId))).toContain(id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pokedNetwork).toEqual([]);
  });
});
