import { afterEach, describe, expect, it } from 'vitest';
import type { Escalation } from '../../shared/domain/escalation.js';
import type { EscalationPolicies } from '../../shared/escalations/settings.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { steppingClock, type SteppingClock } from '../testing/test-clock.js';

/**
 * The demo desk on Monday 23 November 2026, 10:00 UTC: the Riga day (Olga, Jānis) works General and
 * Billing. Tier 2's policy pages the on-call engineer (Piotr, 5 min), then Network's agents on shift
 * (Piotr, 10 min), then the supervisor (Ewa, 15 min), and climbs the ladder twice.
 */
const MONDAY_MORNING = Date.parse('2026-11-23T10:00:00.000Z');
const MINUTE = 60_000;
const manualTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const piotr = { kind: 'user', userId: 'u-tier2', name: 'Piotr Zieliński' };
const ewa = { kind: 'user', userId: 'u-supervisor', name: 'Ewa Wiśniewska' };

const servers: RunningTestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
});

async function start(clock: SteppingClock, dataDir?: string): Promise<RunningTestServer> {
  const server = await startTestServer({ clock, seed: true, timers: manualTimers, ...(dataDir ? { dataDir } : {}) });
  servers.push(server);
  return server;
}

async function openTicket(server: RunningTestServer, queueId: string): Promise<{ id: string; number: number }> {
  const row = await server.context.db.selectFrom('tickets').select(['id', 'number']).where('queue_id', '=', queueId).where('status', 'in', ['new', 'open']).orderBy('number').executeTakeFirstOrThrow();
  return row;
}

async function escalate(server: RunningTestServer, email: string, ticketId: string, body: object) {
  return callApi<Escalation & { message?: string }>(server.url, `/api/v1/tickets/${ticketId}/escalations`, { method: 'POST', token: await loginAs(server.url, email), body });
}

async function act(server: RunningTestServer, email: string, id: string, action: 'ack' | 'decline', body?: object) {
  return callApi<Escalation & { message?: string }>(server.url, `/api/v1/escalations/${id}/${action}`, { method: 'POST', token: await loginAs(server.url, email), ...(body ? { body } : {}) });
}

async function stored(server: RunningTestServer, id: string): Promise<Escalation> {
  const row = await server.context.db.selectFrom('escalations').select('row_json').where('id', '=', id).executeTakeFirstOrThrow();
  return JSON.parse(row.row_json) as Escalation;
}

/** Advances the clock and lets the ladder loop do what is due, as its timer would. */
async function after(server: RunningTestServer, clock: SteppingClock, minutes: number): Promise<void> {
  clock.advance(minutes * MINUTE);
  await server.context.escalationLadders.runDue();
}

/** How long the latest page has to be acknowledged. */
const timeoutAfter = (escalation: Escalation) => Date.parse(escalation.nextTimeoutAt!) - Date.parse(escalation.pages.at(-1)!.at);

const position = (escalation: Escalation) => ({ state: escalation.state, level: escalation.level, round: escalation.round, paged: escalation.paged });

describe('the escalation ladder', () => {
  it('climbs level by level on timeouts, repeats, survives a restart between a page and its timeout, and runs out', async () => {
    const clock = steppingClock(MONDAY_MORNING);
    let server = await start(clock);
    const ticket = await openTicket(server, 'billing');
    const started = await escalate(server, 'agent3@demo', ticket.id, { tier: 2, reason: 'Customer’s VPN drops every 10 minutes since the router firmware update.' });
    expect(started.status).toBe(201);
    const id = started.body.id;
    expect(started.body).toMatchObject({
      ticketNumber: ticket.number,
      from: { tier: 1, queueId: 'billing', queueName: 'Billing' },
      to: { tier: 2, queueId: 'network', queueName: 'Network' },
      trigger: 'manual',
      escalatedBy: { userId: 'u-agent3', name: 'Olga Smirnova' },
      policyId: 'tier2-network',
      levelCount: 3,
      roundCount: 2,
      state: 'paging',
      level: 1,
      round: 1,
      paged: [piotr],
    });
    expect(timeoutAfter(started.body)).toBe(5 * MINUTE);
    // The ticket went to Network with its history kept.
    const moved = await server.context.db.selectFrom('tickets').select(['queue_id', 'assignee_id']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(moved.queue_id).toBe('network');
    const events = await server.context.db.selectFrom('ticket_events').select('kind').where('ticket_id', '=', ticket.id).orderBy('at').execute();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['escalated', 'queue', 'escalation.paged']));

    // A minute before the timeout nothing moves.
    await after(server, clock, 4);
    expect(position(await stored(server, id))).toEqual({ state: 'paging', level: 1, round: 1, paged: [piotr] });

    // The server is down over the timeout; the stored deadline fires as soon as it is back.
    await server.stop({ keepData: true });
    servers.splice(0);
    clock.advance(3 * MINUTE);
    server = await start(clock, server.dataDir);
    await server.context.escalationLadders.runDue();
    const level2 = await stored(server, id);
    expect(position(level2)).toEqual({ state: 'paging', level: 2, round: 1, paged: [piotr] });
    expect(timeoutAfter(level2)).toBe(10 * MINUTE);
    expect(Date.parse(level2.pages[1]!.at)).toBeGreaterThanOrEqual(MONDAY_MORNING + 7 * MINUTE);

    await after(server, clock, 10);
    expect(position(await stored(server, id))).toEqual({ state: 'paging', level: 3, round: 1, paged: [ewa] });
    await after(server, clock, 15);
    expect(position(await stored(server, id))).toEqual({ state: 'paging', level: 1, round: 2, paged: [piotr] });
    await after(server, clock, 5);
    await after(server, clock, 10);
    expect(position(await stored(server, id))).toEqual({ state: 'paging', level: 3, round: 2, paged: [ewa] });
    await after(server, clock, 15);
    const exhausted = await stored(server, id);
    expect(position(exhausted)).toEqual({ state: 'exhausted', level: 3, round: 2, paged: [] });
    expect(exhausted.nextTimeoutAt).toBeNull();
    expect(exhausted.pages.map((page) => [page.round, page.level])).toEqual([[1, 1], [1, 2], [1, 3], [2, 1], [2, 2], [2, 3]]);

    // Nothing more happens however long it waits; the supervisor can still take it.
    await after(server, clock, 120);
    expect((await stored(server, id)).pages).toHaveLength(6);
    const taken = await act(server, 'supervisor@demo', id, 'ack');
    expect(taken.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: { userId: 'u-supervisor', name: 'Ewa Wiśniewska' } });
    expect(Date.parse(taken.body.acknowledgedAt!)).toBeGreaterThan(Date.parse(exhausted.updatedAt));
    const kinds = (await server.context.db.selectFrom('ticket_events').select('kind').where('ticket_id', '=', ticket.id).execute()).map((e) => e.kind);
    expect(kinds.filter((kind) => kind === 'escalation.timed_out')).toHaveLength(6);
    expect(kinds).toEqual(expect.arrayContaining(['escalation.exhausted', 'escalation.acknowledged']));
  });

  it('pages the next level at once on a decline, stops on an acknowledgement, and refuses a second taker', async () => {
    const clock = steppingClock(MONDAY_MORNING);
    const server = await start(clock);
    const ticket = await openTicket(server, 'general');
    const { body: started } = await escalate(server, 'agent2@demo', ticket.id, { queueId: 'network', reason: 'Packet loss on the customer’s uplink, traceroute attached.' });

    // Only the paged may decline, and a reason is required.
    expect((await act(server, 'agent3@demo', started.id, 'decline', { reason: 'Not mine' })).status).toBe(404);
    expect((await act(server, 'supervisor@demo', started.id, 'decline', { reason: 'Not mine' })).status).toBe(403);
    const noReason = await act(server, 'tier2@demo', started.id, 'decline', { reason: '   ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/^body\.reason/);

    // Piotr is the on-call engineer and Network's only agent: once he declines, the supervisor is paged at once.
    clock.advance(MINUTE);
    const declined = await act(server, 'tier2@demo', started.id, 'decline', { reason: 'In a datacenter cage until noon, no laptop.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'paging', level: 3, round: 1, paged: [ewa], declines: [{ userId: 'u-tier2', reason: 'In a datacenter cage until noon, no laptop.' }] });
    expect(timeoutAfter(declined.body)).toBe(15 * MINUTE);

    const taken = await act(server, 'supervisor@demo', started.id, 'ack');
    expect(taken.body).toMatchObject({ state: 'acknowledged', paged: [], nextTimeoutAt: null, acknowledgedBy: { userId: 'u-supervisor' } });
    const ticketNow = await server.context.db.selectFrom('tickets').select('assignee_id').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(ticketNow.assignee_id).toBe('u-supervisor');
    // Acknowledging again changes nothing; another taker is told who has it.
    expect((await act(server, 'supervisor@demo', started.id, 'ack')).body.acknowledgedAt).toBe(taken.body.acknowledgedAt);
    const late = await act(server, 'tier2@demo', started.id, 'ack');
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('Ewa Wiśniewska');

    // The ladder stopped: no timeout fires any more.
    await after(server, clock, 60);
    expect(await stored(server, started.id)).toMatchObject({ state: 'acknowledged', pages: [{ level: 1 }, { level: 3 }] });
  });

  it('mails the vendor at its level, with the ticket reference, and pages the supervisor beside it', async () => {
    const clock = steppingClock(MONDAY_MORNING);
    const server = await start(clock);
    const ticket = await openTicket(server, 'general');
    const { body: started } = await escalate(server, 'agent2@demo', ticket.id, { tier: 3, reason: 'Storage cluster latency above 2 s for all tenants.' });
    expect(started).toMatchObject({ to: { tier: 3, queueId: 'platform' }, policyId: 'tier3-platform', paged: [{ kind: 'user', userId: 'u-tier3', name: 'Sam Carter' }] });
    await after(server, clock, 10);
    await after(server, clock, 15);
    expect((await stored(server, started.id)).paged).toEqual([{ kind: 'vendor', name: 'Northwind Hosting', email: 'noc@northwind-hosting.example' }, ewa]);
    const mails = await server.context.db.selectFrom('outbound_messages').select(['to_address', 'subject', 'body', 'ticket_id']).where('kind', '=', 'escalation.vendor').execute();
    expect(mails).toEqual([{ to_address: 'noc@northwind-hosting.example', ticket_id: ticket.id, subject: expect.stringContaining(`[#${ticket.number}]`), body: expect.stringContaining('Storage cluster latency above 2 s') }]);
    expect(mails[0]!.body).toContain('Jānis Bērziņš');
  });

  it('out of hours, pages the on-call engineer at once for a critical ticket while the rest wait for the ladder', async () => {
    // 02:00 UTC: nobody works Network's day shift, set up here for the test.
    const clock = steppingClock(Date.parse('2026-11-24T02:00:00.000Z'));
    const server = await start(clock);
    const admin = await loginAs(server.url, 'admin@demo');
    const rotation = { id: 'tier2-days', name: 'Tier 2 days', tier: 2, queueIds: ['network'], shifts: [{ id: 'warsaw-day', name: 'Warsaw day', timeZone: 'Europe/Warsaw', start: '09:00', end: '17:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], memberIds: ['u-tier2'] }] };
    expect((await callApi(server.url, '/api/v1/shift-rotations', { method: 'POST', token: admin, body: rotation })).status).toBe(201);
    const policies: EscalationPolicies = {
      policies: [{ id: 'network-days', name: 'Network by day', queueIds: ['network'], repeat: 0, levels: [{ targets: [{ kind: 'queue', queueId: 'network' }], ackTimeoutMinutes: 10 }, { targets: [{ kind: 'users', userIds: ['u-supervisor'] }], ackTimeoutMinutes: 10 }] }],
    };
    expect((await callApi(server.url, '/api/v1/escalations/policies', { method: 'PUT', token: admin, body: policies })).status).toBe(200);

    // By hand only here: the demo's trigger would escalate the critical ticket by itself.
    expect((await callApi(server.url, '/api/v1/escalations/triggers', { method: 'PUT', token: admin, body: { rules: [] } })).status).toBe(200);
    const [routine, critical] = await server.context.db.selectFrom('tickets').select('id').where('queue_id', '=', 'general').where('status', 'in', ['new', 'open']).orderBy('number').limit(2).execute();
    for (const [ticket, priority] of [[routine!, 'medium'], [critical!, 'critical']] as const) {
      expect((await callApi(server.url, `/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: admin, body: { priority } })).status).toBe(200);
    }

    const quiet = await escalate(server, 'admin@demo', routine!.id, { tier: 2, reason: 'Can wait for the morning.' });
    expect(quiet.body).toMatchObject({ level: 2, paged: [ewa] });
    const urgent = await escalate(server, 'admin@demo', critical!.id, { tier: 2, reason: 'Core switch down in Riga.' });
    expect(urgent.body).toMatchObject({ level: 1, paged: [piotr] });
  });
});
