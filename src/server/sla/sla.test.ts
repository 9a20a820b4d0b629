import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.js';
import type { TicketDetail } from '../../shared/domain/ticket.js';
import type { SlaExplanation } from '../../shared/sla/snapshot.js';
import type { SlaPolicy } from '../../shared/sla/policy.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

/** A clock the test moves by hand: warnings and breaches happen when the test says so. */
function movableClock(startIso: string): Clock & { advance(minutes: number): void } {
  let now = Date.parse(startIso);
  return { now: () => now, advance: (minutes) => void (now += minutes * 60_000) };
}

const manualTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const servers: RunningTestServer[] = [];

async function start(clock: Clock, dataDir?: string) {
  const server = await startTestServer({ clock, seed: true, timers: manualTimers, ...(dataDir ? { dataDir } : {}) });
  servers.push(server);
  return server;
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
});

async function call<T>(server: RunningTestServer, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const criticalChat = {
  subject: 'Checkout is down',
  body: 'Every payment fails.',
  requesterName: 'Laura Ozola',
  requesterEmail: 'laura@baltic-retail.example',
  channel: 'chat',
  priority: 'critical',
  customerTier: 'premium',
  type: 'incident',
};

const clockOf = (detail: TicketDetail, kind: string) => detail.ticket.sla!.clocks.find((c) => c.kind === kind)!;

describe('SLA on the server', () => {
  it('a public reply stops first response, pending pauses resolution, and the explanation says why', async () => {
    const clock = movableClock('2026-11-23T02:00:00Z');
    const server = await start(clock);
    const token = await loginAs(server.url, 'agent@demo');
    const created = await call<TicketDetail>(server, token, 'POST', '/api/v1/tickets', criticalChat);
    expect(clockOf(created.body, 'firstResponse')).toMatchObject({ state: 'running', targetMinutes: 5, dueAt: '2026-11-23T02:05:00.000Z' });

    clock.advance(3);
    const note = await call<TicketDetail>(server, token, 'POST', `/api/v1/tickets/${created.body.ticket.number}/messages`, { body: 'Looking at the gateway logs', isPublic: false });
    expect(clockOf(note.body, 'firstResponse').state).toBe('running');
    const replied = await call<TicketDetail>(server, token, 'POST', `/api/v1/tickets/${created.body.ticket.number}/messages`, { body: 'We are on it.' });
    expect(replied.status).toBe(201);
    expect(replied.body.ticket.status).toBe('open');
    expect(clockOf(replied.body, 'firstResponse')).toMatchObject({ state: 'met', elapsedMinutes: 3 });

    clock.advance(10);
    const pending = await call<TicketDetail>(server, token, 'PATCH', `/api/v1/tickets/${created.body.ticket.id}`, { status: 'pending' });
    expect(clockOf(pending.body, 'resolution')).toMatchObject({ state: 'paused', pausedBy: 'pending', elapsedMinutes: 13 });

    clock.advance(30);
    const explanation = await call<SlaExplanation>(server, token, 'GET', `/api/v1/tickets/${created.body.ticket.id}/sla`);
    expect(explanation.body.ruleId).toBe('premium-critical-chat-incident');
    const resolution = explanation.body.clocks.find((c) => c.kind === 'resolution')!;
    expect(resolution.entries.map((e) => e.kind)).toEqual(['counted', 'paused']);
    expect(resolution.entries[1]).toMatchObject({ reason: 'pending', from: '2026-11-23T02:13:00.000Z', to: '2026-11-23T02:43:00.000Z' });
  });

  it('rejects a bad change naming the field and changes nothing', async () => {
    const server = await start(movableClock('2026-11-23T02:00:00Z'));
    const token = await loginAs(server.url, 'agent@demo');
    const created = await call<TicketDetail>(server, token, 'POST', '/api/v1/tickets', criticalChat);
    const bad = await call<{ message: string }>(server, token, 'PATCH', `/api/v1/tickets/${created.body.ticket.id}`, { status: 'sleeping' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^body\.status/);
    const empty = await call<{ message: string }>(server, token, 'PATCH', `/api/v1/tickets/${created.body.ticket.id}`, {});
    expect(empty.status).toBe(400);
    const after = await call<TicketDetail>(server, token, 'GET', `/api/v1/tickets/${created.body.ticket.id}`);
    expect(after.body.ticket).toEqual(created.body.ticket);
  });

  it('a reply written offline counts from when it reached the server, and keeps both times', async () => {
    const clock = movableClock('2026-11-23T02:00:00Z');
    const server = await start(clock);
    const token = await loginAs(server.url, 'agent@demo');
    const created = await call<TicketDetail>(server, token, 'POST', '/api/v1/tickets', criticalChat);
    clock.advance(9);
    const late = await call<TicketDetail>(server, token, 'POST', `/api/v1/tickets/${created.body.ticket.id}/messages`, { body: 'Sorry, VPN dropped.', writtenAt: '2026-11-23T02:02:00.000Z' });
    const reply = late.body.messages.at(-1)!;
    expect(reply).toMatchObject({ createdAt: '2026-11-23T02:09:00.000Z', writtenAt: '2026-11-23T02:02:00.000Z' });
    expect(clockOf(late.body, 'firstResponse')).toMatchObject({ state: 'breached', stoppedAt: '2026-11-23T02:09:00.000Z' });
  });

  it('the scheduler raises warnings and breaches from stored wake-ups, also across a restart', async () => {
    const clock = movableClock('2026-11-23T02:00:00Z');
    const first = await start(clock);
    const token = await loginAs(first.url, 'agent@demo');
    const created = await call<TicketDetail>(first, token, 'POST', '/api/v1/tickets', criticalChat);
    const wake = clockOf(created.body, 'firstResponse').nextChangeAt;
    expect(wake).toBe('2026-11-23T02:03:00.000Z');

    clock.advance(4);
    await first.context.slaScheduler.runDue();
    const warned = await call<TicketDetail>(first, token, 'GET', `/api/v1/tickets/${created.body.ticket.id}`);
    expect(clockOf(warned.body, 'firstResponse')).toMatchObject({ state: 'running', warning: true, nextChangeAt: '2026-11-23T02:05:00.000Z' });

    // The server goes down before the breach and comes back after it.
    await first.stop({ keepData: true });
    servers.splice(servers.indexOf(first), 1);
    clock.advance(10);
    const second = await start(clock, first.dataDir);
    await second.context.slaScheduler.runDue();
    const breached = await call<TicketDetail>(second, await loginAs(second.url, 'agent@demo'), 'GET', `/api/v1/tickets/${created.body.ticket.id}`);
    expect(clockOf(breached.body, 'firstResponse')).toMatchObject({ state: 'breached', remainingMinutes: -9 });
  });

  it('a policy change recomputes the open clocks of affected tickets and records why; only admins may make it', async () => {
    const clock = movableClock('2026-11-23T02:00:00Z');
    const server = await start(clock);
    const admin = await loginAs(server.url, 'admin@demo');
    const agent = await loginAs(server.url, 'agent@demo');
    const created = await call<TicketDetail>(server, agent, 'POST', '/api/v1/tickets', criticalChat);
    const { body: current } = await call<{ policy: SlaPolicy; version: number }>(server, admin, 'GET', '/api/v1/sla/policy');

    const relaxed: SlaPolicy = {
      ...current.policy,
      rules: current.policy.rules.map((rule) => (rule.id === 'premium-critical-chat-incident' ? { ...rule, targets: { ...rule.targets, firstResponse: 20 } } : rule)),
    };
    expect((await call(server, agent, 'PUT', '/api/v1/sla/policy', { policy: relaxed, reason: 'contract renegotiated' })).status).toBe(403);
    const invalid = await call<{ message: string }>(server, admin, 'PUT', '/api/v1/sla/policy', { policy: { ...relaxed, rules: [{ ...relaxed.rules[0]!, calendar: 'nowhere' }] }, reason: 'oops' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toMatch(/policy\.rules\.0\.calendar/);

    const replaced = await call<{ version: number; recomputedTickets: number }>(server, admin, 'PUT', '/api/v1/sla/policy', { policy: relaxed, reason: 'contract renegotiated' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ version: current.version + 1, recomputedTickets: expect.any(Number) });
    const after = await call<TicketDetail>(server, agent, 'GET', `/api/v1/tickets/${created.body.ticket.id}`);
    expect(clockOf(after.body, 'firstResponse')).toMatchObject({ targetMinutes: 20, dueAt: '2026-11-23T02:20:00.000Z' });
    const events = await server.context.db.selectFrom('ticket_events').select(['data_json']).where('ticket_id', '=', created.body.ticket.id).where('kind', '=', 'sla.recomputed').execute();
    expect(events.map((e) => JSON.parse(e.data_json).reason)).toEqual(['contract renegotiated']);
  });
});
