import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../shared/domain/ticket.js';
import { steppingClock } from '../testing/test-clock.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullOnce, pushOnce, SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const open = (email: string) => pool.open(email);

const push = pushOnce;
const pull = pullOnce;

async function ticketIn(queueId: string, token: string): Promise<TicketDetail['ticket']> {
  const response = await fetch(`${server.url}/api/v1/tickets?queueId=${queueId}&status=open&pageSize=1`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { items: TicketDetail['ticket'][] }).items[0]!;
}

async function detail(id: string, token: string): Promise<TicketDetail> {
  return (await fetch(`${server.url}/api/v1/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<TicketDetail>;
}

const writtenAt = '2026-11-23T02:00:00.000Z';

beforeAll(async () => {
  // Shortly after the replies here were written: older, on a ticket someone moved on, they would be stale.
  server = await startTestServer({ clock: steppingClock(Date.parse(writtenAt) + 5 * 60_000), seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

describe('mutations over the sync socket', () => {
  it('applies each mutation once, in order, and answers a duplicate with the stored result', async () => {
    const socket = await open('agent3@demo');
    const token = await loginAs(server.url, 'agent3@demo');
    const ticket = await ticketIn('billing', token);
    const clientId = randomUUID();
    const before = (await detail(ticket.id, token)).messages.length;
    const mutations = [
      { id: 1, name: 'ticket.note', createdAt: writtenAt, args: { ticketId: ticket.id, body: 'Checked the invoice run', writtenAt } },
      { id: 2, name: 'ticket.setStatus', createdAt: writtenAt, args: { ticketId: ticket.id, from: 'open', to: 'pending' } },
    ];
    expect(await push(socket, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }] } });
    expect(await push(socket, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }] } });
    const after = await detail(ticket.id, token);
    expect(after.messages.length).toBe(before + 1);
    expect(after.ticket.status).toBe('pending');
    const pulled = await pull(socket, { cursors: {}, limit: 1000, clientId });
    expect(pulled.ok && pulled.value.lastMutationId).toBe(2);
  });

  it('tells the client where to resume when a mutation arrives before its predecessor', async () => {
    const socket = await open('agent3@demo');
    const ticket = await ticketIn('billing', await loginAs(server.url, 'agent3@demo'));
    const reply = await push(socket, { clientId: randomUUID(), mutations: [{ id: 3, name: 'ticket.note', createdAt: writtenAt, args: { ticketId: ticket.id, body: 'x', writtenAt } }] });
    expect(reply).toEqual({ ok: true, value: { results: [], expectedId: 1 } });
  });

  it('refuses a stale status change with the fresh value and who made it, and moves on', async () => {
    const socket = await open('agent@demo');
    const token = await loginAs(server.url, 'agent@demo');
    const ticket = await ticketIn('billing', token);
    const other = await loginAs(server.url, 'agent3@demo');
    await fetch(`${server.url}/api/v1/tickets/${ticket.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${other}` }, body: JSON.stringify({ status: 'on_hold' }) });
    const clientId = randomUUID();
    const reply = await push(socket, {
      clientId,
      mutations: [
        { id: 1, name: 'ticket.setStatus', createdAt: writtenAt, args: { ticketId: ticket.id, from: 'open', to: 'solved' } },
        { id: 2, name: 'ticket.reply', createdAt: writtenAt, args: { ticketId: ticket.id, body: 'Replies never conflict.', writtenAt } },
      ],
    });
    expect(reply.ok && reply.value.results[0]).toMatchObject({ id: 1, status: 'rejected', rejection: { code: 'conflict', field: 'status', current: 'on_hold', changedBy: 'Olga Smirnova' } });
    expect(reply.ok && reply.value.results[1]).toEqual({ id: 2, status: 'applied' });
    expect((await detail(ticket.id, token)).ticket.status).toBe('on_hold');
  });

  it('refuses a mutation on a ticket outside the agent’s queues', async () => {
    const socket = await open('agent3@demo');
    const network = await ticketIn('network', await loginAs(server.url, 'tier2@demo'));
    const reply = await push(socket, { clientId: randomUUID(), mutations: [{ id: 1, name: 'ticket.note', createdAt: writtenAt, args: { ticketId: network.id, body: 'peek', writtenAt } }] });
    expect(reply.ok && reply.value.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'not_found' } });
  });

  it('answers a malformed push with the field named, and applies nothing', async () => {
    const socket = await open('agent3@demo');
    const token = await loginAs(server.url, 'agent3@demo');
    const ticket = await ticketIn('billing', token);
    const before = await detail(ticket.id, token);
    const reply = await push(socket, { clientId: randomUUID(), mutations: [{ id: 1, name: 'ticket.setStatus', createdAt: writtenAt, args: { ticketId: ticket.id, from: 'open', to: 'asleep' } }] });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/^mutations\.0\.args\.to/);
    expect(await detail(ticket.id, token)).toEqual(before);
  });

  it('a ticket moved out of a queue leaves its consoles, and arrives with its thread in the new one', async () => {
    const billing = await open('agent3@demo');
    const network = await open('tier2@demo');
    const admin = await loginAs(server.url, 'admin@demo');
    const ticket = await ticketIn('billing', admin);
    const billingBefore = await pull(billing, { cursors: {}, limit: 1000 });
    const networkBefore = await pull(network, { cursors: {}, limit: 1000 });
    // Unassigned as it moves: an assignee outside the new queue would keep it through their own scope.
    const moved = await fetch(`${server.url}/api/v1/tickets/${ticket.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ queueId: 'network', assigneeId: null }) });
    expect(moved.status).toBe(200);
    const billingAfter = await pull(billing, { cursors: billingBefore.ok ? billingBefore.value.cursors : {}, limit: 1000 });
    const networkAfter = await pull(network, { cursors: networkBefore.ok ? networkBefore.value.cursors : {}, limit: 1000 });
    // The move's history line reaches Billing just before the ticket leaves it (and is forgotten with it).
    expect(billingAfter.ok && billingAfter.value.changes.filter((c) => c.entity !== 'ticketEvent')).toEqual([expect.objectContaining({ entity: 'ticket', op: 'delete', rowId: ticket.id, scope: 'queue:billing' })]);
    const arrived = networkAfter.ok ? networkAfter.value.changes : [];
    // Routing may place it with a network agent as it arrives: the same ticket upserted again.
    expect([...new Set(arrived.filter((c) => c.entity === 'ticket' && c.op === 'upsert').map((c) => (c.op === 'upsert' ? c.row.id : '')))]).toEqual([ticket.id]);
    expect(arrived.filter((c) => c.entity === 'message').length).toBe((await detail(ticket.id, admin)).messages.length);
  });
});

describe('tickets assigned outside the assignee’s queues', () => {
  it('reach the assignee through their own scope, and leave when reassigned', async () => {
    const tier2 = await open('tier2@demo');
    const admin = await loginAs(server.url, 'admin@demo');
    const tier2Token = await loginAs(server.url, 'tier2@demo');
    const ticket = await ticketIn('billing', admin);
    const patch = (body: unknown) => fetch(`${server.url}/api/v1/tickets/${ticket.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify(body) });
    const start = await pull(tier2, { cursors: {}, limit: 1000 });
    let cursor = start.ok ? start.value.cursors : {};
    const next = async () => {
      const reply = await pull(tier2, { cursors: cursor, limit: 1000 });
      if (!reply.ok) throw new Error(reply.error.message);
      cursor = reply.value.cursors;
      return reply.value.changes;
    };

    expect((await fetch(`${server.url}/api/v1/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${tier2Token}` } })).status).toBe(404);
    expect((await patch({ assigneeId: 'u-tier2' })).status).toBe(200);
    const arrived = await next();
    expect(arrived.filter((c) => c.entity === 'ticket').map((c) => [c.scope, c.op])).toEqual([['user:u-tier2', 'upsert']]);
    expect(arrived.filter((c) => c.entity === 'message').length).toBe((await detail(ticket.id, admin)).messages.length);
    expect((await fetch(`${server.url}/api/v1/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${tier2Token}` } })).status).toBe(200);

    expect((await patch({ assigneeId: 'u-agent3' })).status).toBe(200);
    // The reassignment's history line comes first, while the ticket is still theirs; the delete takes it away.
    expect((await next()).map((c) => [c.scope, c.entity, c.op])).toEqual([['user:u-tier2', 'ticketEvent', 'upsert'], ['user:u-tier2', 'ticket', 'delete']]);
    expect((await fetch(`${server.url}/api/v1/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${tier2Token}` } })).status).toBe(404);
    expect((await patch({ assigneeId: 'nobody' })).status).toBe(400);
  });
});
