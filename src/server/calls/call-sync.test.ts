import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPage } from '../../shared/api/rest.js';
import type { Ticket, TicketDetail } from '../../shared/domain/ticket.js';
import { steppingClock } from '../testing/test-clock.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll, pushOnce, SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const clock = steppingClock();
const pool = new SocketPool(() => server.url);

const api = <T>(path: string, init?: Parameters<typeof callApi>[2]) => callApi<T>(server.url, path, init);
const now = () => new Date(clock.now()).toISOString();

const call = (id: number, args: Record<string, unknown>) => ({
  id,
  name: 'call.log',
  createdAt: now(),
  args: { callerName: 'Laura Ozola', callerPhone: '+371 2612 3456', notes: 'Checkout fails with a 502 since 02:10; escalated to platform.', durationSeconds: 312, outcome: 'follow_up', writtenAt: now(), ...args },
});

async function ticketIn(queueId: string, status: string, email = 'agent@demo'): Promise<Ticket> {
  return (await api<TicketPage>(`/api/v1/tickets?queueId=${queueId}&status=${status}&pageSize=1`, { token: await loginAs(server.url, email) })).body.items[0]!;
}

async function detail(id: string): Promise<TicketDetail> {
  return (await api<TicketDetail>(`/api/v1/tickets/${id}`, { token: await loginAs(server.url, 'admin@demo') })).body;
}

const phoneTickets = async () => (await server.context.db.selectFrom('tickets').select('id').where('channel', '=', 'phone').execute()).map((row) => row.id);

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

describe('call.log over the sync socket', () => {
  it('opens a phone ticket once, however often it is delivered, and the console pulls it with its call', async () => {
    const socket = await pool.open('agent@demo');
    const { cursors } = await pullAll(socket);
    const before = await phoneTickets();
    const clientId = randomUUID();
    const mutations = [call(1, { subject: 'Checkout returns 502' })];
    expect(await pushOnce(socket, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect(await pushOnce(socket, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });

    const opened = (await phoneTickets()).filter((id) => !before.includes(id));
    expect(opened).toHaveLength(1);
    const { changes } = await pullAll(socket, cursors);
    // The newest of the ticket's rows: the call opened it, then answered and assigned it.
    const ticket = changes.findLast((c) => c.entity === 'ticket' && c.op === 'upsert' && c.row.id === opened[0]);
    expect(ticket?.op === 'upsert' && ticket.row).toMatchObject({ channel: 'phone', status: 'open', assigneeId: 'u-agent', queueId: 'billing' });
    const message = changes.find((c) => c.entity === 'message' && c.op === 'upsert' && c.row.ticketId === opened[0]);
    expect(message?.op === 'upsert' && message.row).toMatchObject({ authorName: 'Laura Ozola', call: { outcome: 'follow_up', durationSeconds: 312 } });
  });

  it('refuses a call on a ticket outside the agent’s queues, for a queue they do not work in, or on a closed ticket, and moves on', async () => {
    const socket = await pool.open('agent@demo');
    const platform = await ticketIn('platform', 'open', 'tier3@demo');
    const closed = await ticketIn('billing', 'closed');
    const reply = await pushOnce(socket, {
      clientId: randomUUID(),
      mutations: [call(1, { ticketId: platform.id }), call(2, { subject: 'Router reboots', queueId: 'network' }), call(3, { ticketId: closed.id }), call(4, { subject: 'Password reset by phone' })],
    });
    expect(reply.ok && reply.value.results).toEqual([
      { id: 1, status: 'rejected', rejection: expect.objectContaining({ code: 'not_found', field: 'ticketId' }) },
      { id: 2, status: 'rejected', rejection: expect.objectContaining({ code: 'forbidden', field: 'queueId' }) },
      { id: 3, status: 'rejected', rejection: expect.objectContaining({ code: 'invalid', field: 'ticketId' }) },
      { id: 4, status: 'applied' },
    ]);
    expect((await detail(platform.id)).messages.some((m) => m.call)).toBe(false);
  });

  it('comes back stale when logged offline long ago on a ticket someone else has changed since', async () => {
    const socket = await pool.open('agent@demo');
    const ticket = await ticketIn('billing', 'open');
    const loggedAt = now();
    clock.advance(2 * 3_600_000);
    await api(`/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: await loginAs(server.url, 'agent3@demo'), body: { status: 'on_hold' } });
    const before = await detail(ticket.id);

    const reply = await pushOnce(socket, { clientId: randomUUID(), mutations: [call(1, { ticketId: ticket.id, outcome: 'resolved', writtenAt: loggedAt })] });
    expect(reply.ok && reply.value.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'stale', field: 'ticket', current: 'on_hold', changedBy: 'Olga Smirnova' } });
    expect(await detail(ticket.id)).toEqual(before);
  });

  it('answers a malformed call with the field named, and applies nothing', async () => {
    const socket = await pool.open('agent@demo');
    const before = await phoneTickets();
    const badPhone = await pushOnce(socket, { clientId: randomUUID(), mutations: [call(1, { subject: 'x', callerPhone: 'unknown' })] });
    expect(!badPhone.ok && badPhone.error.message).toMatch(/^mutations\.0\.args\.callerPhone/);
    const noSubject = await pushOnce(socket, { clientId: randomUUID(), mutations: [call(1, {})] });
    expect(!noSubject.ok && noSubject.error.message).toMatch(/^mutations\.0\.args\.subject/);
    expect(await phoneTickets()).toEqual(before);
  });
});
