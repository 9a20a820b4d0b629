import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsQuerySchema } from '../../shared/analytics/query.js';
import type { AnalyticsMetrics, AnalyticsReport } from '../../shared/analytics/report.js';
import { SlaPolicySchema } from '../../shared/sla/policy.js';
import type { TicketStatus } from '../../shared/domain/ticket.js';
import { storePolicy } from '../sla/policy-store.js';
import type { Database } from '../storage/schema.js';
import { startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { recordTicketEvent } from '../tickets/ticket-events.js';
import { AnalyticsFacts } from './fact-store.js';
import { analyticsReport } from './report.js';

/*
 * A hand-made week at a desk open Mon–Fri 09:00–17:00 UTC. One rule for every channel but monitoring:
 * first response 60, next reply 120, resolution 960 business minutes. 2026-11-20 is a Friday; the
 * report runs Monday 2026-11-23 at 17:30, by day, Friday to Monday.
 *
 * A  created Fri 16:30. Agent replies Mon 09:45 and sets pending; the customer answers Mon 11:00
 *    (open); agent replies 11:40; solved 12:00. CSAT 5 "Quick fix" at 13:00.
 *    first response: business Fri 16:30–17:00 (30) + Mon 09:00–09:45 (45) = 75 > 60: breached, at
 *      the instant the 60th minute ran out, Mon 09:30. Calendar Fri 16:30 → Mon 09:45 = 3915.
 *    next reply: 11:00 → 11:40 = 40 business, 40 calendar, met.
 *    resolution: 30 + 45 + (pending 09:45–11:00 paused) + 11:00–12:00 (60) = 135 business; calendar
 *      Fri 16:30 → Mon 12:00 = 4050. Met. Two public replies before the solve: not first-contact.
 * B  created Mon 10:00. Reply 10:20, solved 10:30; the customer writes again 14:00 (reopened),
 *    reply 14:30, solved 15:00. CSAT 2 "Had to write again" at 16:00.
 *    first response 20/20 met. next reply 14:00 → 14:30: 30/30 met. resolution 10:00–10:30 (30)
 *    + (solved 10:30–14:00 paused) + 14:00–15:00 (60) = 90 business, 300 calendar. Reopened, so
 *    not first-contact although one reply came before its first solve.
 * C  created Mon 09:00 in General (tier 1), escalated to Network (tier 2) at 09:10, reply 09:40,
 *    still open. first response 40/40 met. Resolution due Tue 17:00: not yet anything.
 * D  created Sat 10:00. Reply Mon 09:15, solved 09:20. first response business 15 (the weekend is
 *    closed), calendar Sat 10:00 → Mon 09:15 = 2835. resolution 20 business, 2840 calendar. FCR.
 * E  a monitoring alert (no SLA rule): created Mon 11:00, reply 11:10, solved 11:30. Calendar
 *    times 10 and 30, no business time, no SLA outcome. FCR.
 *
 * Monday, by hand (percentiles interpolate between ranks: p = v[k] + f·(v[k+1] − v[k]), k + f = p·(n−1)):
 *  first response calendar 10, 20, 40, 2835, 3915: median 40; p90 rank 3.6 → 2835 + 0.6·1080 = 3483
 *                 business 15, 20, 40, 75:         median 30; p90 rank 2.7 → 40 + 0.7·35 = 64.5
 *  next reply     30, 40 (both clocks):             median 35; p90 rank 0.9 → 30 + 0.9·10 = 39
 *  resolution     calendar 30, 300, 2840, 4050:    median 1570; p90 rank 2.7 → 2840 + 0.7·1210 = 3687
 *                 business 20, 90, 135:            median 90; p90 rank 1.8 → 90 + 0.8·45 = 126
 *  first solved: A, B, D, E = 4; FCR D, E = 2 (0.5); reopened B = 1 (0.25)
 *  SLA first response: met B, C, D; breached A (at Mon 09:30) → 3/1, 0.75. next reply 2/0. resolution
 *      met A, B, D → 3/0 (C is counting, due tomorrow).
 *  backlog at the day's end (now, 17:30): C → 1. Friday's end: A → 1; Saturday's and Sunday's: A, D → 2.
 *  escalation, tickets created Monday: tier 1 B, C, E, of which C escalated → 1/3; tier 2 C → 0/1.
 *  CSAT: 5 and 2 → 2 answers, average 3.5, 1 satisfied (0.5); comments newest first: B, A.
 */
const at = (text: string) => `2026-11-${text}:00.000Z`;
const clock = { now: () => Date.parse(at('23T17:30')) };
let server: RunningTestServer;
let report: AnalyticsReport;
const numbers: Record<string, number> = {};

const policy = SlaPolicySchema.parse({
  calendars: { office: { timeZone: 'UTC', hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } } },
  rules: [{ id: 'all', name: 'Every channel but alerts', match: { channel: ['email', 'web', 'chat', 'phone', 'social'] }, targets: { firstResponse: 60, nextReply: 120, resolution: 960 }, calendar: 'office' }],
});

type Step = { at: string; say?: 'customer' | 'agent'; status?: TicketStatus; escalateTo?: string };

async function ticket(trx: Transaction<Database>, name: string, created: string, steps: Step[], extra: { channel?: 'monitoring'; csat?: [number, string, string] } = {}) {
  const { ticket: stored } = await server.context.tickets.insert(trx, {
    subject: `Ticket ${name}`,
    body: 'Help',
    requesterName: `Customer ${name}`,
    requesterEmail: `${name.toLowerCase()}@example.com`,
    channel: extra.channel ?? 'email',
    priority: 'medium',
    customerTier: 'standard',
    type: 'question',
    queueId: 'general',
    createdAt: at(created),
    quiet: true,
  });
  numbers[name] = stored.number;
  const actor = { userId: 'u-ana', name: 'Ana' };
  await server.context.tickets.applyChange(trx, stored.id, { at: at(created), actor, assigneeId: 'u-ana', quiet: true });
  for (const step of steps) {
    if (step.escalateTo) {
      await recordTicketEvent(trx, stored.id, 'escalated', at(step.at), 'u-ana', { from: 'general', to: step.escalateTo, trigger: 'manual', reason: 'needs tier 2' });
      await server.context.tickets.applyChange(trx, stored.id, { at: at(step.at), actor, queueId: step.escalateTo, quiet: true });
      continue;
    }
    await server.context.tickets.applyChange(trx, stored.id, {
      at: at(step.at),
      actor: step.say === 'customer' ? { userId: null, name: `Customer ${name}` } : actor,
      ...(step.say ? { message: { body: 'Words', isPublic: true, authorKind: step.say } } : {}),
      ...(step.status ? { status: step.status } : {}),
      quiet: true,
    });
  }
  if (extra.csat) {
    const [score, comment, answered] = extra.csat;
    await trx.insertInto('csat_answers').values({ ticket_id: stored.id, score, comment, agent_id: 'u-ana', answered_at: at(answered) }).execute();
  }
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  const { db } = server.context;
  await db.transaction().execute(async (trx) => {
    await storePolicy(trx, policy, 'the hand-made week', null, at('01T00:00'));
    await trx.insertInto('queues').values([{ id: 'general', name: 'General', tier: 1, created_at: at('01T00:00') }, { id: 'network', name: 'Network', tier: 2, created_at: at('01T00:00') }]).onConflict((oc) => oc.doNothing()).execute();
    await trx.insertInto('users').values({ id: 'u-ana', email: 'ana@example.com', name: 'Ana', password_hash: 'x', role: 'agent', tier: 1, locale: 'en', time_zone: 'UTC', created_at: at('01T00:00') }).execute();
    await ticket(trx, 'A', '20T16:30', [{ at: '23T09:45', say: 'agent', status: 'pending' }, { at: '23T11:00', say: 'customer', status: 'open' }, { at: '23T11:40', say: 'agent' }, { at: '23T12:00', status: 'solved' }], { csat: [5, 'Quick fix', '23T13:00'] });
    await ticket(trx, 'B', '23T10:00', [{ at: '23T10:20', say: 'agent' }, { at: '23T10:30', status: 'solved' }, { at: '23T14:00', say: 'customer', status: 'open' }, { at: '23T14:30', say: 'agent' }, { at: '23T15:00', status: 'solved' }], { csat: [2, 'Had to write again', '23T16:00'] });
    await ticket(trx, 'C', '23T09:00', [{ at: '23T09:10', escalateTo: 'network' }, { at: '23T09:40', say: 'agent' }]);
    await ticket(trx, 'D', '21T10:00', [{ at: '23T09:15', say: 'agent' }, { at: '23T09:20', status: 'solved' }]);
    await ticket(trx, 'E', '23T11:00', [{ at: '23T11:10', say: 'agent' }, { at: '23T11:30', status: 'solved' }], { channel: 'monitoring' });
  });
  await new AnalyticsFacts(db, server.context.sla, clock.now).refresh();
  report = await analyticsReport(db, AnalyticsQuerySchema.parse({ from: '2026-11-20', to: '2026-11-23' }), clock.now());
});
afterAll(() => server.stop());

const day = (key: string): AnalyticsMetrics => report.buckets.find((bucket) => bucket.period === key)!.metrics;

describe('analytics over a hand-made week', () => {
  it('times first responses, next replies and resolutions in business and calendar minutes', () => {
    const monday = day('2026-11-23');
    expect(monday.firstResponse).toEqual({ count: 5, businessCount: 4, business: { median: 30, p90: 64.5 }, calendar: { median: 40, p90: 3483 } });
    expect(monday.nextReply).toEqual({ count: 2, businessCount: 2, business: { median: 35, p90: 39 }, calendar: { median: 35, p90: 39 } });
    expect(monday.resolution).toEqual({ count: 4, businessCount: 3, business: { median: 90, p90: 126 }, calendar: { median: 1570, p90: 3687 } });
  });

  it('counts first-contact resolution and reopens over the tickets first solved that day', () => {
    const monday = day('2026-11-23');
    expect(monday.solved).toBe(4);
    expect(monday.firstContactResolution).toEqual({ solved: 4, resolved: 2, rate: 0.5 });
    expect(monday.reopen).toEqual({ solved: 4, reopened: 1, rate: 0.25 });
  });

  it('counts SLA clocks where they were met or ran out, and leaves a counting clock alone', () => {
    expect(day('2026-11-23').sla).toEqual({
      firstResponse: { met: 3, breached: 1, rate: 0.75 },
      nextReply: { met: 2, breached: 0, rate: 1 },
      resolution: { met: 3, breached: 0, rate: 1 },
    });
    expect(day('2026-11-20').sla.firstResponse).toEqual({ met: 0, breached: 0, rate: null });
  });

  it('keeps the backlog at each day’s end, across the weekend', () => {
    expect(report.buckets.map((bucket) => [bucket.period, bucket.metrics.created, bucket.metrics.backlog])).toEqual([
      ['2026-11-20', 1, 1],
      ['2026-11-21', 1, 2],
      ['2026-11-22', 0, 2],
      ['2026-11-23', 3, 1],
    ]);
  });

  it('rates escalations per tier over the tickets created that day', () => {
    expect(day('2026-11-23').escalation).toEqual([
      { tier: 1, tickets: 3, escalated: 1, rate: 1 / 3 },
      { tier: 2, tickets: 1, escalated: 0, rate: 0 },
      { tier: 3, tickets: 0, escalated: 0, rate: null },
    ]);
  });

  it('averages CSAT and lists the comments newest first with their ticket and agent', () => {
    expect(day('2026-11-23').csat).toEqual({ answers: 2, average: 3.5, satisfied: 1, satisfiedRate: 0.5 });
    expect(report.csatCommentsTotal).toBe(2);
    expect(report.csatComments.map(({ ticketNumber, score, comment, agentName, at: answered }) => ({ ticketNumber, score, comment, agentName, answered }))).toEqual([
      { ticketNumber: numbers.B, score: 2, comment: 'Had to write again', agentName: 'Ana', answered: at('23T16:00') },
      { ticketNumber: numbers.A, score: 5, comment: 'Quick fix', agentName: 'Ana', answered: at('23T13:00') },
    ]);
  });

  it('totals the range with percentiles of their own and the backlog at its end', () => {
    expect(report.totals).toHaveLength(1);
    const total = report.totals[0]!.metrics;
    expect([total.created, total.solved, total.backlog]).toEqual([5, 4, 1]);
    expect(total.firstResponse.calendar).toEqual({ median: 40, p90: 3483 });
  });

  it('follows the ticket: a new message marks it for its facts in the same transaction', async () => {
    const { db } = server.context;
    const c = await db.selectFrom('tickets').select('id').where('number', '=', numbers.C!).executeTakeFirstOrThrow();
    await server.context.tickets.change(c.id, { at: at('23T17:00'), actor: { userId: 'u-ana', name: 'Ana' }, status: 'solved', quiet: true });
    expect(await db.selectFrom('analytics_dirty').select('ticket_id').execute()).toEqual([{ ticket_id: c.id }]);
    await new AnalyticsFacts(db, server.context.sla, clock.now).refresh();
    const after = await analyticsReport(db, AnalyticsQuerySchema.parse({ from: '2026-11-23', to: '2026-11-23' }), clock.now());
    expect(after.totals[0]!.metrics.backlog).toBe(0);
    // C solved at 17:00 after 09:00–17:00 of office time: 480 business minutes, met.
    expect(after.totals[0]!.metrics.resolution.count).toBe(5);
    expect(after.totals[0]!.metrics.sla.resolution).toEqual({ met: 4, breached: 0, rate: 1 });
  });
});
