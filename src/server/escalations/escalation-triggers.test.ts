import { afterEach, describe, expect, it } from 'vitest';
import type { Escalation } from '../../shared/domain/escalation.js';
import type { TicketDetail } from '../../shared/domain/ticket.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { steppingClock, type SteppingClock } from '../testing/test-clock.js';
import { demoTriggers } from './demo-settings.js';

/** Monday 23 November 2026, 10:00 UTC, with the demo desk's triggers (demo-settings.ts), all switched on. */
const MONDAY_MORNING = Date.parse('2026-11-23T10:00:00.000Z');
const manualTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const servers: RunningTestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
});

async function start(clock: SteppingClock): Promise<RunningTestServer> {
  const server = await startTestServer({ clock, seed: true, timers: manualTimers });
  servers.push(server);
  const everyRule = { ...demoTriggers, rules: demoTriggers.rules.map((rule) => ({ ...rule, enabled: true })) };
  expect((await callApi(server.url, '/api/v1/escalations/triggers', { method: 'PUT', token: await loginAs(server.url, 'admin@demo'), body: everyRule })).status).toBe(200);
  return server;
}

const request = {
  subject: 'Invoice shows the wrong VAT number',
  body: 'Our invoice for November carries last year’s VAT number.',
  requesterName: 'Anna Kowalska',
  requesterEmail: 'anna@hurtownia-lux.example',
  channel: 'email',
  priority: 'medium',
  customerTier: 'standard',
  type: 'question',
  queueId: 'general',
};

async function open(server: RunningTestServer, fields: Partial<typeof request> = {}): Promise<TicketDetail['ticket']> {
  const created = await callApi<TicketDetail>(server.url, '/api/v1/tickets', { method: 'POST', token: await loginAs(server.url, 'agent@demo'), body: { ...request, ...fields } });
  expect(created.status).toBe(201);
  return created.body.ticket;
}

async function escalationsOf(server: RunningTestServer, ticketId: string): Promise<Escalation[]> {
  const rows = await server.context.db.selectFrom('escalations').select('row_json').where('ticket_id', '=', ticketId).orderBy('escalated_at').execute();
  return rows.map((row) => JSON.parse(row.row_json) as Escalation);
}

const system = { userId: null, name: 'Shiftdesk' };

describe('automatic escalation triggers', () => {
  it('escalates a new ticket whose subject reports an outage, in the customer’s language, to tier 2', async () => {
    const server = await start(steppingClock(MONDAY_MORNING));
    const ticket = await open(server, { subject: 'Awaria: brak internetu w biurze', body: 'Od rana nie działa nam internet.' });
    const [escalation] = await escalationsOf(server, ticket.id);
    expect(escalation).toMatchObject({ trigger: 'keyword', detail: 'awaria', reason: 'Customer reports an outage', escalatedBy: system, from: { queueId: 'general' }, to: { queueId: 'network' }, state: 'paging' });
    // The answer to the intake shows the ticket where it is now.
    expect(ticket.queueId).toBe('network');
    // Words are matched whole: "Download" does not hold "down", nor anything else on the list.
    const quiet = await open(server, { subject: 'Download of the invoice fails', body: 'The PDF link times out.' });
    expect(await escalationsOf(server, quiet.id)).toEqual([]);
  });

  it('escalates a critical alert, a critical ticket and a premium customer’s urgent one as they open', async () => {
    const server = await start(steppingClock(MONDAY_MORNING));
    const critical = await open(server, { priority: 'critical' });
    expect(await escalationsOf(server, critical.id)).toEqual([expect.objectContaining({ trigger: 'critical', detail: null, reason: 'Critical incident' })]);
    const alert = await open(server, { priority: 'critical', channel: 'monitoring' });
    expect(await escalationsOf(server, alert.id)).toEqual([expect.objectContaining({ trigger: 'critical', reason: 'Critical alert from monitoring' })]);
    const premium = await open(server, { priority: 'high', customerTier: 'premium' });
    expect(await escalationsOf(server, premium.id)).toEqual([expect.objectContaining({ trigger: 'premium', reason: 'Premium customer with urgent work' })]);
    const ordinary = await open(server, { priority: 'high' });
    expect(await escalationsOf(server, ordinary.id)).toEqual([]);
  });

  it('notices an SLA breach when the SLA scheduler recomputes the clocks, and escalates for it once', async () => {
    const clock = steppingClock(MONDAY_MORNING);
    const server = await start(clock);
    const ticket = await open(server, { priority: 'high' });
    const due = Date.parse(ticket.sla!.clocks.find((c) => c.kind === 'firstResponse')!.dueAt!);
    clock.advance(due - clock.now() - 60_000);
    await server.context.slaScheduler.runDue();
    expect(await escalationsOf(server, ticket.id)).toEqual([]);

    clock.advance(2 * 60_000);
    await server.context.slaScheduler.runDue();
    const [breach] = await escalationsOf(server, ticket.id);
    expect(breach).toMatchObject({ trigger: 'sla_breach', detail: 'firstResponse', reason: 'SLA breached on an urgent ticket', to: { tier: 2 } });

    // Recomputing again (the clock still breached) fires nothing new.
    clock.advance(60 * 60_000);
    await server.context.slaScheduler.runDue();
    await server.context.tickets.change(ticket.id, { actor: { userId: 'u-admin', name: 'Alex Morgan' }, type: 'incident' });
    expect(await escalationsOf(server, ticket.id)).toHaveLength(1);
  });

  it('never escalates a ticket twice for the same cause, but does for another one, and stops ladders of solved tickets', async () => {
    const server = await start(steppingClock(MONDAY_MORNING));
    const ticket = await open(server, { subject: 'Outage at the Riga office' });
    const [first] = await escalationsOf(server, ticket.id);
    const admin = await loginAs(server.url, 'admin@demo');
    expect((await callApi(server.url, `/api/v1/escalations/${first!.id}/ack`, { method: 'POST', token: await loginAs(server.url, 'tier2@demo') })).status).toBe(200);

    // Back at tier 1, the customer reports the outage again: that cause has escalated this ticket already.
    expect((await callApi(server.url, `/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: admin, body: { queueId: 'general' } })).status).toBe(200);
    await server.context.tickets.change(ticket.id, { actor: { userId: null, name: 'Anna Kowalska' }, message: { body: 'The outage is back since 11:00.', isPublic: true, authorKind: 'customer' } });
    expect(await escalationsOf(server, ticket.id)).toHaveLength(1);

    // Raised to critical is a cause of its own.
    expect((await callApi(server.url, `/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: admin, body: { priority: 'critical' } })).status).toBe(200);
    const [, second] = await escalationsOf(server, ticket.id);
    expect(second).toMatchObject({ trigger: 'critical', state: 'paging' });

    // Solved before anyone took it: nobody is woken for it any more.
    expect((await callApi(server.url, `/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: admin, body: { status: 'solved' } })).status).toBe(200);
    expect((await escalationsOf(server, ticket.id))[1]).toMatchObject({ state: 'resolved', paged: [], nextTimeoutAt: null });
  });

  it('supersedes a ladder still paging when the ticket is escalated again', async () => {
    const server = await start(steppingClock(MONDAY_MORNING));
    const ticket = await open(server);
    const agent = await loginAs(server.url, 'agent@demo');
    const first = await callApi<Escalation>(server.url, `/api/v1/tickets/${ticket.id}/escalations`, { method: 'POST', token: agent, body: { tier: 2, reason: 'Needs a network engineer.' } });
    const second = await callApi<Escalation>(server.url, `/api/v1/tickets/${ticket.id}/escalations`, { method: 'POST', token: await loginAs(server.url, 'tier2@demo'), body: { tier: 3, reason: 'Storage, not network.' } });
    expect(second.body).toMatchObject({ from: { queueId: 'network' }, to: { queueId: 'platform' }, state: 'paging' });
    const stored = await escalationsOf(server, ticket.id);
    expect(stored.find((e) => e.id === first.body.id)).toMatchObject({ state: 'superseded', paged: [], nextTimeoutAt: null });
  });
});
