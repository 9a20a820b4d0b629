import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketDetail } from '../../shared/domain/ticket.js';
import { steppingClock } from '../testing/test-clock.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pushOnce, SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const createdAt = '2026-11-23T02:00:00.000Z';

beforeAll(async () => {
  server = await startTestServer({ clock: steppingClock(Date.parse(createdAt)), seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

async function billingTicket(token: string): Promise<Ticket> {
  const response = await fetch(`${server.url}/api/v1/tickets?queueId=billing&status=open&pageSize=1`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { items: Ticket[] }).items[0]!;
}

async function detail(id: string, token: string): Promise<TicketDetail> {
  return (await fetch(`${server.url}/api/v1/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<TicketDetail>;
}

const setTags = (id: number, ticketId: string, add: string[], remove: string[] = []) => ({ id, name: 'ticket.setTags', createdAt, args: { ticketId, add, remove } });

describe('ticket.setTags', () => {
  it('merges two agents’ edits as a set, lower-cased, and the REST ticket shows the tags', async () => {
    const token = await loginAs(server.url, 'agent3@demo');
    const ticket = await billingTicket(token);
    expect(ticket.tags).toEqual([]);
    const anna = await pool.open('agent3@demo');
    const olga = await pool.open('agent@demo');
    // Both started from no tags; neither edit conflicts with the other.
    expect(await pushOnce(anna, { clientId: randomUUID(), mutations: [setTags(1, ticket.id, [' VPN ', 'invoice'])] })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect(await pushOnce(olga, { clientId: randomUUID(), mutations: [setTags(1, ticket.id, ['refund', 'vpn'], ['invoice'])] })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect((await detail(ticket.id, token)).ticket.tags).toEqual(['vpn', 'refund']);
  });

  it('refuses more than 20 tags on a ticket and leaves the tags as they were', async () => {
    const token = await loginAs(server.url, 'agent3@demo');
    const ticket = await billingTicket(token);
    const socket = await pool.open('agent3@demo');
    const clientId = randomUUID();
    const many = Array.from({ length: 20 - ticket.tags.length }, (_, i) => `tag-${i}`);
    const reply = await pushOnce(socket, { clientId, mutations: [setTags(1, ticket.id, many), setTags(2, ticket.id, ['one-too-many'])] });
    expect(reply.ok && reply.value.results[0]).toEqual({ id: 1, status: 'applied' });
    expect(reply.ok && reply.value.results[1]).toMatchObject({ id: 2, status: 'rejected', rejection: { code: 'invalid', field: 'tags' } });
    expect((await detail(ticket.id, token)).ticket.tags).toHaveLength(20);
  });

  it('refuses a malformed tag at the edge: a space, an empty edit', async () => {
    const socket = await pool.open('agent3@demo');
    const ticketId = randomUUID();
    const spaced = await pushOnce(socket, { clientId: randomUUID(), mutations: [setTags(1, ticketId, ['two words'])] });
    expect(spaced.ok).toBe(false);
    const empty = await pushOnce(socket, { clientId: randomUUID(), mutations: [setTags(1, ticketId, [])] });
    expect(empty.ok).toBe(false);
  });
});
