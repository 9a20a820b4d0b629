import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketDetail } from '../../shared/domain/ticket.js';
import { steppingClock } from '../testing/test-clock.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll, pushOnce, SocketPool } from '../testing/test-socket.js';

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

describe('ticket history in the change log', () => {
  it('replicates who changed what as ticketEvent rows in the ticket’s queue scope, with the demo’s older history', async () => {
    const token = await loginAs(server.url, 'agent3@demo');
    const ticket = await billingTicket(token);
    const socket = await pool.open('agent3@demo');
    const { cursors } = await pullAll(socket);
    const before = await pullAll(socket, {});
    // The ticket's earlier history (routing when it arrived, the tags above) came with the first sync.
    expect(before.changes.some((c) => c.entity === 'ticketEvent' && c.op === 'upsert' && c.row.ticketId === ticket.id)).toBe(true);
    await pushOnce(socket, { clientId: randomUUID(), mutations: [{ id: 1, name: 'ticket.setStatus', createdAt, args: { ticketId: ticket.id, from: 'open', to: 'pending' } }] });
    const after = await pullAll(socket, cursors);
    const events = after.changes.flatMap((c) => (c.entity === 'ticketEvent' && c.op === 'upsert' ? [c] : []));
    expect(events).toHaveLength(1);
    expect(events[0]!.scope).toBe('queue:billing');
    expect(events[0]!.row).toMatchObject({ ticketId: ticket.id, kind: 'status', actor: { name: 'Olga Smirnova' }, data: { from: 'open', to: 'pending' } });
  });

  it('sends a ticket’s whole history to the queue it moves to', async () => {
    const token = await loginAs(server.url, 'supervisor@demo');
    const ticket = await billingTicket(token);
    const moved = await fetch(`${server.url}/api/v1/tickets/${ticket.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ queueId: 'general' }) });
    expect(moved.status).toBe(200);
    const socket = await pool.open('supervisor@demo');
    const { changes } = await pullAll(socket);
    const inGeneral = changes.filter((c) => c.scope === 'queue:general' && c.entity === 'ticketEvent' && c.op === 'upsert' && c.row.ticketId === ticket.id);
    const kinds = inGeneral.map((c) => (c.op === 'upsert' && c.entity === 'ticketEvent' ? c.row.kind : ''));
    // The move, and what happened before it in Billing.
    expect(kinds).toContain('queue');
    expect(kinds.length).toBeGreaterThan(1);
    const queueEvent = inGeneral.find((c) => c.op === 'upsert' && c.entity === 'ticketEvent' && c.row.kind === 'queue');
    expect(queueEvent?.op === 'upsert' && queueEvent.entity === 'ticketEvent' && queueEvent.row.data).toMatchObject({ from: 'billing', to: 'general', toName: expect.any(String) });
  });
});

describe('OpenAPI', () => {
  it('documents the ticket’s tags and the upload of reply files', async () => {
    const body = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses?: unknown }>> };
    expect(JSON.stringify(body.paths['/api/v1/tickets/{id}']?.get?.responses)).toContain('"tags"');
    expect(body.paths['/api/v1/uploads/{id}']?.put).toBeDefined();
  });
});
