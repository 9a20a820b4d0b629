import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPage } from '../../shared/api/rest.js';
import type { TicketDetail } from '../../shared/domain/ticket.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

let server: RunningTestServer;
let marta: string;

const api = <T = Record<string, unknown>>(path: string, init?: Parameters<typeof callApi>[2]) => callApi<T>(server.url, path, init);
const logCall = (body: unknown, token = marta) => api<TicketDetail & { message: string; error: string }>('/api/v1/calls', { method: 'POST', token, body });

const newCall = {
  callerName: 'Anna Kowalska',
  callerPhone: '+48 22 123 45 67',
  subject: 'Invoice shows the wrong VAT number',
  notes: 'Called about invoice 2026/11/0042: our old VAT number is printed. Sent the correction form while on the line.',
  durationSeconds: 272,
  outcome: 'resolved',
};

/** Everything a refused call must leave untouched. */
async function footprint() {
  const { db } = server.context;
  const count = async (table: 'tickets' | 'messages' | 'ticket_events') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { tickets: await count('tickets'), messages: await count('messages'), events: await count('ticket_events') };
}

async function ticketIn(queueId: string, status: string, token = marta) {
  return (await api<TicketPage>(`/api/v1/tickets?queueId=${queueId}&status=${status}&pageSize=1`, { token })).body.items[0]!;
}

const firstResponse = (detail: TicketDetail) => detail.ticket.sla?.clocks.find((clock) => clock.kind === 'firstResponse');

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
  marta = await loginAs(server.url, 'agent@demo');
});
afterAll(() => server.stop());

describe('logging phone calls over REST', () => {
  it('requires an agent’s token', async () => {
    expect((await api('/api/v1/calls', { method: 'POST', body: newCall })).status).toBe(401);
    expect((await api('/api/v1/calls', { method: 'POST', body: newCall, token: 'demo-intake-token' })).status).toBe(401);
  });

  it('opens a phone ticket in the agent’s first queue, in the caller’s words, answered and assigned to the agent', async () => {
    const { status, body } = await logCall(newCall);
    expect(status).toBe(201);
    const { ticket, messages } = body;
    expect(ticket).toMatchObject({
      channel: 'phone',
      subject: newCall.subject,
      requesterName: 'Anna Kowalska',
      requesterEmail: 'phone-48221234567@shiftdesk.invalid',
      queueId: 'billing',
      status: 'solved',
      assigneeId: 'u-agent',
      priority: 'medium',
      type: 'question',
      firstRespondedAt: ticket.createdAt,
    });
    expect(messages).toEqual([
      expect.objectContaining({
        authorKind: 'customer',
        authorName: 'Anna Kowalska',
        body: newCall.notes,
        isPublic: true,
        via: 'phone',
        call: { callerName: 'Anna Kowalska', callerPhone: '+48 22 123 45 67', durationSeconds: 272, outcome: 'resolved' },
      }),
    ]);
    expect(firstResponse(body)?.state).toBe('met');
    // The call was the contact: nothing is queued to tell the caller their request arrived.
    const notices = await server.context.db.selectFrom('outbound_messages').select('kind').where('ticket_id', '=', ticket.id).execute();
    expect(notices.filter((notice) => notice.kind.startsWith('ack'))).toEqual([]);
  });

  it('keeps the caller’s address, queue, priority and type when given', async () => {
    const { status, body } = await logCall({ ...newCall, callerEmail: 'anna@hurtownia-lux.example', queueId: 'general', priority: 'high', type: 'incident', outcome: 'follow_up' });
    expect(status).toBe(201);
    expect(body.ticket).toMatchObject({ requesterEmail: 'anna@hurtownia-lux.example', queueId: 'general', priority: 'high', type: 'incident', status: 'open', assigneeId: 'u-agent' });
  });

  it('a voicemail opens a new, unassigned ticket whose first-response clock still runs', async () => {
    const { body } = await logCall({ ...newCall, outcome: 'voicemail', durationSeconds: 41 });
    expect(body.ticket).toMatchObject({ status: 'new', assigneeId: null, firstRespondedAt: null });
    expect(firstResponse(body)?.state).toBe('running');
  });

  it('on an existing ticket adds the call to the thread, stops the first-response clock and sets the status from the outcome', async () => {
    const opened = await api<TicketDetail>('/api/v1/tickets', {
      method: 'POST',
      token: marta,
      body: { subject: 'Card declined twice', body: 'My card is declined at checkout.', requesterName: 'Jonas Petraitis', requesterEmail: 'jonas@example.com', queueId: 'billing' },
    });
    expect(firstResponse(opened.body)?.state).toBe('running');

    const { status, body } = await logCall({ ticketId: opened.body.ticket.id, callerName: 'Jonas Petraitis', callerPhone: '+370 612 34567', notes: 'Asked him to send the bank’s decline code.', durationSeconds: 95, outcome: 'waiting_on_customer' });
    expect(status).toBe(201);
    expect(body.ticket).toMatchObject({ id: opened.body.ticket.id, status: 'pending', assigneeId: null, channel: 'web' });
    expect(body.ticket.firstRespondedAt).not.toBeNull();
    expect(firstResponse(body)?.state).toBe('met');
    expect(body.messages.at(-1)).toMatchObject({ authorKind: 'customer', authorName: 'Jonas Petraitis', via: 'phone', call: { outcome: 'waiting_on_customer', durationSeconds: 95 } });

    // The customer leaves a voicemail: back to work, and nobody answered it.
    const voicemail = await logCall({ ticketId: opened.body.ticket.id, callerName: 'Jonas Petraitis', callerPhone: '+370 612 34567', notes: 'Voicemail: the code is 05.', durationSeconds: 20, outcome: 'voicemail' });
    expect(voicemail.body.ticket.status).toBe('open');
    expect(voicemail.body.messages).toHaveLength(3);
  });

  it.each([
    [{ ...newCall, subject: undefined }, /^body\.subject/],
    [{ ...newCall, subject: '   ' }, /^body\.subject/],
    [{ ...newCall, callerName: '' }, /^body\.callerName/],
    [{ ...newCall, callerPhone: 'call me maybe' }, /^body\.callerPhone/],
    [{ ...newCall, callerPhone: '12' }, /^body\.callerPhone/],
    [{ ...newCall, callerEmail: 'not an address' }, /^body\.callerEmail/],
    [{ ...newCall, notes: ' ' }, /^body\.notes/],
    [{ ...newCall, durationSeconds: -1 }, /^body\.durationSeconds/],
    [{ ...newCall, durationSeconds: 4.5 }, /^body\.durationSeconds/],
    [{ ...newCall, durationSeconds: 90_000 }, /^body\.durationSeconds/],
    [{ ...newCall, outcome: 'hung_up' }, /^body\.outcome/],
    [{ ...newCall, priority: 'urgent' }, /^body\.priority/],
    [{ ...newCall, ticketId: 'not-a-uuid' }, /^body\.ticketId/],
    [{ ...newCall, writtenAt: new Date().toISOString() }, /^body/],
    [{ ...newCall, ticketId: randomUUID() }, /^body\.subject: only for a call that opens a new ticket/],
    [{ ...newCall, queueId: 'nowhere' }, /^body\.queueId: no queue "nowhere"/],
  ])('refuses a bad call naming the field and writes nothing (%#)', async (body, message) => {
    const before = await footprint();
    const reply = await logCall(body);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(message);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a queue the agent does not work in (403), an unknown or unseen ticket (404) and a closed one (400), writing nothing', async () => {
    const before = await footprint();
    const onTicket = (ticketId: string) => ({ ticketId, callerName: 'Laura Ozola', callerPhone: '+371 2000 0000', notes: 'Asked about the outage.', durationSeconds: 60, outcome: 'follow_up' });
    expect(await logCall({ ...newCall, queueId: 'platform' })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await logCall(onTicket(randomUUID()))).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const platformTicket = await ticketIn('platform', 'open', await loginAs(server.url, 'tier3@demo'));
    expect(await logCall(onTicket(platformTicket.id))).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const closed = await ticketIn('billing', 'closed');
    const refused = await logCall(onTicket(closed.id));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^body\.ticketId: #\d+ is closed/);
    expect(await footprint()).toEqual(before);
  });

  it('is in the OpenAPI document, with the shared schema', async () => {
    const { body } = await api<{ paths: Record<string, Record<string, { requestBody?: unknown; tags?: string[] }>>; tags: { name: string }[] }>('/api/v1/openapi.json');
    expect(body.paths['/api/v1/calls']?.post?.tags).toEqual(['calls']);
    expect(JSON.stringify(body.paths['/api/v1/calls']?.post?.requestBody)).toContain('"waiting_on_customer"');
    expect(body.tags.map((tag) => tag.name)).toContain('calls');
  });
});
