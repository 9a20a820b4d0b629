import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ticket, TicketDetail } from '../../shared/domain/ticket.js';
import type { NewTicket } from '../tickets/ticket-store.js';
import type { MutationResult } from '../../shared/sync/mutations.js';
import { steppingClock } from '../testing/test-clock.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { openSyncSocket, pullOnce, pushOnce } from '../testing/test-socket.js';

const minutes = (n: number) => n * 60_000;
const clock = steppingClock();
let server: RunningTestServer;
/** Marta Nowak (general, billing) writes away from the server; Olga Smirnova (billing) works on. */
let marta: Socket;
let olga: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
  marta = await openSyncSocket(server.url, 'agent@demo');
  olga = await loginAs(server.url, 'agent3@demo');
  admin = await loginAs(server.url, 'admin@demo');
});
afterAll(async () => {
  marta.disconnect();
  await server.stop();
});

async function billingTicket(fields: Partial<NewTicket> = {}): Promise<Ticket> {
  const detail = await server.context.tickets.create({
    subject: 'Charged twice for March',
    body: 'My card was charged twice for the March invoice.',
    requesterName: 'Anna Kowalska',
    requesterEmail: 'anna@example.test',
    channel: 'email',
    priority: 'medium',
    customerTier: 'standard',
    type: 'question',
    queueId: 'billing',
    ...fields,
  });
  return detail.ticket;
}

const writtenNow = () => new Date(clock.now()).toISOString();

function reply(id: number, ticketId: string, writtenAt: string, name: 'ticket.reply' | 'ticket.note' = 'ticket.reply') {
  return { id, name, createdAt: writtenAt, args: { ticketId, body: 'We refunded the second charge.', writtenAt } };
}

async function push(clientId: string, mutations: unknown[]): Promise<MutationResult[]> {
  const answer = await pushOnce(marta, { clientId, mutations });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.results;
}

async function as(token: string, method: 'PATCH' | 'POST', path: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/tickets/${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

async function thread(ticketId: string): Promise<TicketDetail['messages']> {
  return ((await (await fetch(`${server.url}/api/v1/tickets/${ticketId}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as TicketDetail).messages;
}

describe('replies and notes written long ago, on tickets that moved on', () => {
  it('come back stale when another agent solved the ticket meanwhile, and nothing is appended', async () => {
    const ticket = await billingTicket();
    const writtenAt = writtenNow();
    clock.advance(minutes(5));
    await as(olga, 'PATCH', ticket.id, { status: 'solved' });
    clock.advance(minutes(40));

    const [result] = await push(randomUUID(), [reply(1, ticket.id, writtenAt)]);

    expect(result).toMatchObject({ id: 1, status: 'rejected', rejection: { code: 'stale', field: 'ticket', current: 'solved', changedBy: 'Olga Smirnova' } });
    expect((await thread(ticket.id)).map((m) => m.body)).toEqual(['My card was charged twice for the March invoice.']);
  });

  it('come back stale when the customer wrote again meanwhile', async () => {
    const ticket = await billingTicket();
    const writtenAt = writtenNow();
    clock.advance(minutes(10));
    await server.context.tickets.change(ticket.id, { actor: { userId: null, name: 'Anna Kowalska' }, message: { body: 'Any news?', isPublic: true, authorKind: 'customer' } });
    clock.advance(minutes(120));

    const [result] = await push(randomUUID(), [reply(1, ticket.id, writtenAt, 'ticket.note')]);

    expect(result).toMatchObject({ status: 'rejected', rejection: { code: 'stale', field: 'thread', current: 'new', changedBy: 'Anna Kowalska' } });
  });

  it('come back stale when another agent changed the status meanwhile', async () => {
    const ticket = await billingTicket();
    const writtenAt = writtenNow();
    clock.advance(minutes(1));
    await as(olga, 'PATCH', ticket.id, { status: 'pending' });
    clock.advance(minutes(31));

    const [result] = await push(randomUUID(), [reply(1, ticket.id, writtenAt)]);

    expect(result).toMatchObject({ status: 'rejected', rejection: { code: 'stale', field: 'ticket', current: 'pending', changedBy: 'Olga Smirnova' } });
  });

  it('another agent’s public reply moves the ticket on; their internal note does not', async () => {
    const noted = await billingTicket();
    const answered = await billingTicket();
    const writtenAt = writtenNow();
    clock.advance(minutes(3));
    await as(olga, 'POST', `${noted.id}/messages`, { body: 'Refund batch runs on Fridays.', isPublic: false });
    await as(olga, 'POST', `${answered.id}/messages`, { body: 'Looking into it now.', isPublic: true });
    clock.advance(minutes(60));

    const results = await push(randomUUID(), [reply(1, noted.id, writtenAt), reply(2, answered.id, writtenAt)]);

    expect(results[0]).toEqual({ id: 1, status: 'applied' });
    expect(results[1]).toMatchObject({ id: 2, status: 'rejected', rejection: { code: 'stale', field: 'thread', changedBy: 'Olga Smirnova' } });
  });
});

describe('replies and notes appended as always', () => {
  it('within 30 minutes, even though another agent changed the ticket meanwhile', async () => {
    const ticket = await billingTicket();
    const writtenAt = writtenNow();
    clock.advance(minutes(1));
    await as(olga, 'PATCH', ticket.id, { status: 'on_hold' });
    clock.advance(minutes(28));

    expect(await push(randomUUID(), [reply(1, ticket.id, writtenAt)])).toEqual([{ id: 1, status: 'applied' }]);
    expect((await thread(ticket.id)).at(-1)).toMatchObject({ body: 'We refunded the second charge.', writtenAt });
  });

  it('hours later, on a ticket only this agent touched meanwhile, even one she solved', async () => {
    const ticket = await billingTicket();
    const writtenAt = writtenNow();
    const herself = await loginAs(server.url, 'agent@demo');
    clock.advance(minutes(2));
    await as(herself, 'POST', `${ticket.id}/messages`, { body: 'Refund on its way.', isPublic: true });
    await as(herself, 'PATCH', ticket.id, { priority: 'high' });
    await as(herself, 'PATCH', ticket.id, { status: 'solved' });
    clock.advance(minutes(180));

    expect(await push(randomUUID(), [reply(1, ticket.id, writtenAt, 'ticket.note')])).toEqual([{ id: 1, status: 'applied' }]);
  });

  it('hours later, when only the SLA clocks were recomputed and the system changed the ticket', async () => {
    // Premium critical chat: five minutes to answer, so two hours on the clocks have moved.
    const ticket = await billingTicket({ channel: 'chat', priority: 'critical', customerTier: 'premium' });
    const writtenAt = writtenNow();
    clock.advance(minutes(120));
    const { db } = server.context;
    await db.transaction().execute((trx) => server.context.tickets.recomputeSla(trx, ticket.id, { text: 'Holiday calendar published', policyVersion: 1, userId: null }));
    await server.context.tickets.change(ticket.id, { actor: { userId: null, name: 'Shiftdesk' }, type: 'incident' });
    const events = await db.selectFrom('ticket_events').select(['kind', 'actor']).where('ticket_id', '=', ticket.id).execute();
    expect(events).toEqual(expect.arrayContaining([{ kind: 'sla.recomputed', actor: null }, { kind: 'attributes', actor: null }]));

    expect(await push(randomUUID(), [reply(1, ticket.id, writtenAt)])).toEqual([{ id: 1, status: 'applied' }]);
  });
});

describe('a stale refusal in the client’s queue', () => {
  it('is answered again from the stored result on a duplicate delivery, and the next mutation applies', async () => {
    const ticket = await billingTicket();
    const writtenAt = writtenNow();
    clock.advance(minutes(1));
    await as(olga, 'PATCH', ticket.id, { status: 'solved' });
    clock.advance(minutes(45));
    const clientId = randomUUID();

    const first = await push(clientId, [reply(1, ticket.id, writtenAt)]);
    expect(first[0]).toMatchObject({ status: 'rejected', rejection: { code: 'stale' } });
    // Judged again now, the refusal would say the ticket is open: a repeat answers the stored one.
    await as(olga, 'PATCH', ticket.id, { status: 'open' });
    const again = await push(clientId, [reply(1, ticket.id, writtenAt), reply(2, ticket.id, writtenNow(), 'ticket.note')]);

    expect(again).toEqual([first[0], { id: 2, status: 'applied' }]);
    expect((await thread(ticket.id)).filter((m) => m.body === 'We refunded the second charge.')).toHaveLength(1);
    const pulled = await pullOnce(marta, { cursors: {}, limit: 1, clientId });
    expect(pulled.ok && pulled.value.lastMutationId).toBe(2);
  });
});
