import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Escalation } from '../../shared/domain/escalation.js';
import type { Channel, Priority, TicketStatus } from '../../shared/domain/ticket.js';
import type { ClockReport, SlaSnapshot } from '../../shared/sla/snapshot.js';
import { wallboardSocketEvents, WallboardSnapshotSchema, type WallboardSnapshot } from '../../shared/wallboard/snapshot.js';
import type { Acked } from '../../shared/sync/protocol.js';
import { buildDesk, customerWrites, setStatus, TEST_PASSWORD } from '../testing/routing-desk.js';
import { steppingClock } from '../testing/test-clock.js';
import { SocketPool } from '../testing/test-socket.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { readWallboard } from './read-wallboard.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Monday 10 March 2025, 10:00 UTC: 11:00 in Warsaw, 06:00 in New York (on summer time since the 9th).
const N = Date.parse('2025-03-10T10:00:00Z');
const at = (offsetMs: number) => new Date(N + offsetMs).toISOString();

let server: RunningTestServer;
const sockets = new SocketPool(() => server.url);

function clock(kind: ClockReport['kind'], report: Partial<ClockReport> & { startedAt: string }): ClockReport {
  return {
    kind,
    state: 'running',
    targetMinutes: 60,
    dueAt: null,
    warnAt: null,
    stoppedAt: null,
    pausedBy: null,
    elapsedMinutes: 0,
    remainingMinutes: 0,
    warning: false,
    nextChangeAt: null,
    breaches: 0,
    ...report,
  };
}

const sla = (...clocks: ClockReport[]): SlaSnapshot => ({ ruleId: 'test', ruleName: 'Test', calendarId: '24x7', computedAt: at(-HOUR), clocks });

interface Made {
  number: number;
  queue: string;
  status: TicketStatus;
  assignee?: string;
  channel: Channel;
  priority: Priority;
  created: number;
  firstResponded?: number;
  solved?: number;
  clocks: ClockReport[];
}

async function insertTickets(tickets: Made[]): Promise<void> {
  await server.context.db
    .insertInto('tickets')
    .values(
      tickets.map((t) => ({
        id: `00000000-0000-4000-8000-000000000${t.number}`,
        number: t.number,
        subject: `Ticket ${t.number}`,
        requester_name: 'Customer',
        requester_email: 'customer@example.com',
        channel: t.channel,
        priority: t.priority,
        customer_tier: 'standard',
        type: 'question',
        status: t.status,
        queue_id: t.queue,
        assignee_id: t.assignee ?? null,
        created_at: at(t.created),
        updated_at: at(t.created),
        first_responded_at: t.firstResponded === undefined ? null : at(t.firstResponded),
        solved_at: t.solved === undefined ? null : at(t.solved),
        sla_json: JSON.stringify(sla(...t.clocks)),
        sla_wake_at: null,
        tags_json: '[]',
      })),
    )
    .execute();
}

function escalation(id: string, state: Escalation['state'], escalatedAt: number): Escalation {
  const end = { tier: 2 as const, queueId: 'network', queueName: 'Network' };
  return {
    id,
    ticketId: '00000000-0000-4000-8000-000000000101',
    ticketNumber: 101,
    ticketSubject: 'Ticket 101',
    priority: 'high',
    channel: 'email',
    customerTier: 'standard',
    from: { tier: 1, queueId: 'general', queueName: 'General' },
    to: end,
    trigger: 'manual',
    reason: 'Needs the network team',
    detail: null,
    escalatedBy: { userId: 'ann', name: 'Ann' },
    escalatedAt: at(escalatedAt),
    state,
    policyId: null,
    policyName: null,
    level: 1,
    levelCount: 1,
    round: 1,
    roundCount: 1,
    paged: state === 'paging' ? [{ kind: 'user', userId: 'cat', name: 'Cat' }] : [],
    pages: [],
    acknowledgedBy: null,
    acknowledgedAt: null,
    declines: [],
    nextTimeoutAt: null,
    updatedAt: at(escalatedAt),
  };
}

function handoff(id: string, incomingStart: number, acknowledged: boolean) {
  return {
    id,
    queue_id: 'general',
    author_id: 'bob',
    author_name: 'Bob',
    body: 'All quiet',
    created_at: at(incomingStart - 10 * MINUTE),
    written_at: null,
    rotation_id: 'desk',
    shift_id: 'night',
    shift_end: at(incomingStart),
    incoming_start: at(incomingStart),
    acknowledge_by: at(incomingStart + 30 * MINUTE),
    acknowledged_at: acknowledged ? at(incomingStart + 5 * MINUTE) : null,
    supervisors_alerted_at: null,
    alert_due_at: null,
  };
}

beforeAll(async () => {
  server = await startTestServer({ clock: steppingClock(N) });
  await buildDesk(server, {
    queues: { general: { tier: 1 }, network: { tier: 2 } },
    people: [
      { id: 'ann', name: 'Ann', queues: ['general'], routing: { capacity: { chat: 2, email: 6 } } },
      { id: 'bob', name: 'Bob', queues: ['general'] },
      { id: 'cat', name: 'Cat', queues: ['network'] },
      { id: 'dan', name: 'Dan', queues: ['network'] },
      { id: 'sue', name: 'Sue', role: 'supervisor' },
      { id: 'adm', name: 'Adm', role: 'admin' },
    ],
  });
  const everyDay = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const rota = await callApi(server.url, '/api/v1/shift-rotations', {
    method: 'POST',
    token: await loginAs(server.url, 'adm@test', TEST_PASSWORD),
    body: {
      id: 'desk',
      name: 'Desk',
      tier: 1,
      queueIds: ['general'],
      shifts: [
        { id: 'day', name: 'Day', timeZone: 'UTC', start: '08:00', end: '16:00', weekdays: everyDay, memberIds: ['ann'] },
        { id: 'night', name: 'Night', timeZone: 'UTC', start: '20:00', end: '04:00', weekdays: everyDay, memberIds: ['bob'] },
      ],
    },
  });
  expect(rota.status).toBe(201);
  await setStatus(server, 'ann', 'away');
  await setStatus(server, 'cat', 'online');
  await setStatus(server, 'dan', 'offline');

  await insertTickets([
    // At risk, unassigned, due in 10 minutes.
    { number: 101, queue: 'general', status: 'new', channel: 'email', priority: 'high', created: -50 * MINUTE, clocks: [clock('firstResponse', { startedAt: at(-50 * MINUTE), dueAt: at(10 * MINUTE), warnAt: at(-5 * MINUTE) })] },
    // Answered in 60 minutes today; the customer wrote again 20 minutes ago.
    {
      number: 102, queue: 'general', status: 'open', assignee: 'ann', channel: 'chat', priority: 'critical', created: -3 * HOUR, firstResponded: -2 * HOUR,
      clocks: [
        clock('firstResponse', { state: 'met', startedAt: at(-3 * HOUR), dueAt: at(-HOUR), stoppedAt: at(-2 * HOUR) }),
        clock('nextReply', { startedAt: at(-20 * MINUTE), dueAt: at(25 * MINUTE), warnAt: at(15 * MINUTE) }),
      ],
    },
    // First response breached 30 minutes ago and still owed.
    { number: 103, queue: 'general', status: 'open', assignee: 'ann', channel: 'email', priority: 'medium', created: -90 * MINUTE, clocks: [clock('firstResponse', { state: 'breached', startedAt: at(-90 * MINUTE), dueAt: at(-30 * MINUTE), warnAt: at(-45 * MINUTE) })] },
    // Waiting on the customer: nothing counts.
    {
      number: 104, queue: 'general', status: 'pending', assignee: 'ann', channel: 'email', priority: 'low', created: -26 * HOUR, firstResponded: -25 * HOUR,
      clocks: [clock('firstResponse', { state: 'met', startedAt: at(-26 * HOUR), dueAt: at(-24 * HOUR), stoppedAt: at(-25 * HOUR) }), clock('resolution', { state: 'paused', startedAt: at(-26 * HOUR), pausedBy: 'pending' })],
    },
    // Solved: answered in 40 minutes today.
    { number: 105, queue: 'network', status: 'solved', assignee: 'cat', channel: 'web', priority: 'high', created: -70 * MINUTE, firstResponded: -30 * MINUTE, solved: -10 * MINUTE, clocks: [clock('firstResponse', { state: 'met', startedAt: at(-70 * MINUTE), dueAt: at(-10 * MINUTE), stoppedAt: at(-30 * MINUTE) })] },
    { number: 106, queue: 'network', status: 'new', channel: 'phone', priority: 'critical', created: -10 * MINUTE, clocks: [clock('firstResponse', { startedAt: at(-10 * MINUTE), dueAt: at(50 * MINUTE), warnAt: at(40 * MINUTE) })] },
    // Answered in 30 minutes at 02:00 UTC: today in Warsaw, yesterday evening in New York.
    {
      number: 107, queue: 'network', status: 'open', assignee: 'cat', channel: 'chat', priority: 'high', created: -8.5 * HOUR, firstResponded: -8 * HOUR,
      clocks: [clock('firstResponse', { state: 'met', startedAt: at(-8.5 * HOUR), dueAt: at(-7.5 * HOUR), stoppedAt: at(-8 * HOUR) }), clock('resolution', { startedAt: at(-8.5 * HOUR), dueAt: at(2 * HOUR), warnAt: at(HOUR) })],
    },
    // First response breached yesterday; resolution at risk, due in 5 minutes.
    {
      number: 108, queue: 'network', status: 'open', assignee: 'cat', channel: 'chat', priority: 'medium', created: -21 * HOUR, firstResponded: -19 * HOUR,
      clocks: [
        clock('firstResponse', { state: 'breached', startedAt: at(-21 * HOUR), dueAt: at(-20 * HOUR), stoppedAt: at(-19 * HOUR) }),
        clock('resolution', { startedAt: at(-21 * HOUR), dueAt: at(5 * MINUTE), warnAt: at(-10 * MINUTE) }),
        clock('periodicUpdate', { startedAt: at(-HOUR), dueAt: at(MINUTE) }),
      ],
    },
  ]);
  const { db } = server.context;
  await db.insertInto('escalations').values(
    [escalation('10000000-0000-4000-8000-000000000001', 'paging', -5 * MINUTE), escalation('10000000-0000-4000-8000-000000000002', 'exhausted', -30 * MINUTE), escalation('10000000-0000-4000-8000-000000000003', 'acknowledged', -40 * MINUTE)].map((e) => ({
      id: e.id, ticket_id: e.ticketId, cause: null, state: e.state, deadline_at: null, escalated_at: e.escalatedAt, updated_at: e.updatedAt, row_json: JSON.stringify(e), ladder_json: '{}',
    })),
  ).execute();
  await db.insertInto('handoff_notes').values([handoff('h-waiting', -HOUR, false), handoff('h-taken', -2 * HOUR, true), handoff('h-old', -30 * HOUR, false)]).execute();
  await db.insertInto('handoff_notes').values({ ...handoff('h-plain', -HOUR, false), rotation_id: null, shift_id: null, shift_end: null, incoming_start: null, acknowledge_by: null }).execute();
  await db.insertInto('csat_answers').values([
    { ticket_id: '00000000-0000-4000-8000-000000000105', score: 5, comment: null, agent_id: 'cat', answered_at: at(-HOUR) },
    { ticket_id: '00000000-0000-4000-8000-000000000104', score: 2, comment: 'slow', agent_id: 'ann', answered_at: at(-2 * HOUR) },
    { ticket_id: '00000000-0000-4000-8000-000000000108', score: 4, comment: null, agent_id: 'cat', answered_at: at(-20 * HOUR) },
  ]).execute();
});
afterEach(() => sockets.closeAll());
afterAll(() => server.stop());

async function read(offsetMs: number, zone = 'Europe/Warsaw'): Promise<{ snapshot: WallboardSnapshot; nextChangeMs: number }> {
  const reading = await readWallboard(server.context.db, server.context.shifts, N + offsetMs, [zone]);
  return { snapshot: WallboardSnapshotSchema.parse(reading.snapshots.get(zone)), nextChangeMs: reading.nextChangeMs };
}

describe('the wallboard snapshot', () => {
  it('counts each queue: waiting, unassigned, at risk, breached and the customer who has waited longest', async () => {
    const { snapshot } = await read(0);
    expect(snapshot.queues).toEqual([
      { queueId: 'general', name: 'General', tier: 1, waiting: 3, unassigned: 1, atRisk: 1, breached: 1, oldestWaiting: { ticketNumber: 103, since: at(-90 * MINUTE) } },
      // 108 owes no reply: it has waited since it came in.
      { queueId: 'network', name: 'Network', tier: 2, waiting: 3, unassigned: 1, atRisk: 1, breached: 0, oldestWaiting: { ticketNumber: 108, since: at(-21 * HOUR) } },
    ]);
  });

  it('expects breaches per 15, 30 and 60 minutes by tier, channel and priority, each ticket once', async () => {
    const { expectedBreaches } = (await read(0)).snapshot;
    expect(expectedBreaches.total).toEqual([2, 3, 4]);
    expect(expectedBreaches.byTier).toEqual([
      { tier: 1, counts: [1, 2, 2] },
      { tier: 2, counts: [1, 1, 2] },
      { tier: 3, counts: [0, 0, 0] },
    ]);
    const nonZero = <K extends string>(rows: ({ counts: number[] } & Record<K, string>)[], key: K) => Object.fromEntries(rows.filter((r) => r.counts[2]! > 0).map((r) => [r[key], r.counts]));
    expect(nonZero(expectedBreaches.byChannel, 'channel')).toEqual({ email: [1, 1, 1], chat: [1, 2, 2], phone: [0, 0, 1] });
    expect(nonZero(expectedBreaches.byPriority, 'priority')).toEqual({ critical: [0, 1, 2], high: [1, 1, 1], medium: [1, 1, 1] });
  });

  it('moves with the clock: eleven minutes on, two more have breached and fewer are expected', async () => {
    const { snapshot } = await read(11 * MINUTE);
    expect(snapshot.queues.map((q) => [q.queueId, q.atRisk, q.breached])).toEqual([
      ['general', 0, 2],
      ['network', 0, 1],
    ]);
    // 102 is due in 14 minutes, 106 in 39.
    expect(snapshot.expectedBreaches.total).toEqual([1, 1, 2]);
  });

  it('says when the clock alone next changes a figure: 108 comes due in five minutes', async () => {
    expect((await read(0)).nextChangeMs).toBe(N + 5 * MINUTE);
  });

  it('lists the queue members on shift, with status and load against capacity; those in no rotation only while present', async () => {
    const { agents } = (await read(0)).snapshot;
    expect(agents).toEqual([
      { id: 'cat', name: 'Cat', tier: 1, status: 'online', shiftEndsAt: null, tickets: 2, channels: [{ channel: 'chat', load: 2, capacity: 2 }], utilisation: 1 },
      {
        id: 'ann', name: 'Ann', tier: 1, status: 'away', shiftEndsAt: '2025-03-10T16:00:00.000Z', tickets: 2,
        channels: [{ channel: 'chat', load: 1, capacity: 2 }, { channel: 'email', load: 1, capacity: 6 }], utilisation: 0.5,
      },
    ]);
  });

  it('lists escalations waiting for acknowledgement oldest first, and unacknowledged handovers of the last day', async () => {
    const { snapshot } = await read(0);
    expect(snapshot.escalations.map((e) => [e.state, e.paged, e.toQueueName])).toEqual([
      ['exhausted', [], 'Network'],
      ['paging', ['Cat'], 'Network'],
    ]);
    expect(snapshot.escalationCount).toBe(2);
    expect(snapshot.handoffs).toEqual([{ id: 'h-waiting', authorName: 'Bob', queueName: 'General', incomingStart: at(-HOUR), acknowledgeBy: at(-30 * MINUTE) }]);
    expect(snapshot.handoffCount).toBe(1);
  });

  it("counts today in the supervisor's time zone: first-response compliance, median first response and CSAT", async () => {
    expect((await read(0, 'Europe/Warsaw')).snapshot.today).toEqual({
      timeZone: 'Europe/Warsaw',
      since: '2025-03-09T23:00:00.000Z',
      firstResponseMet: 3,
      firstResponseBreached: 1,
      medianFirstResponseMinutes: 40,
      csatAnswers: 2,
      csatSatisfied: 1,
    });
    // In New York the day began at 04:00 UTC: 107's answer at 02:00 was yesterday evening.
    expect((await read(0, 'America/New_York')).snapshot.today).toMatchObject({ since: '2025-03-10T04:00:00.000Z', firstResponseMet: 2, firstResponseBreached: 1, medianFirstResponseMinutes: 50, csatAnswers: 2 });
  });
});

describe('the wallboard over the sync socket', () => {
  const watch = (socket: Awaited<ReturnType<SocketPool['open']>>, body: unknown) => socket.timeout(5000).emitWithAck(wallboardSocketEvents.watch, body) as Promise<Acked<WallboardSnapshot>>;

  it('is refused to agents and to a zone that does not exist', async () => {
    const agent = await sockets.open('ann@test');
    expect(await watch(agent, { timeZone: 'Europe/Warsaw' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'the wallboard is for supervisors and admins' } });
    const supervisor = await sockets.open('sue@test');
    expect(await watch(supervisor, { timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'timeZone: unknown IANA time zone' } });
  });

  it('answers a supervisor at once, then pushes a new snapshot within two seconds of a change', async () => {
    const supervisor = await sockets.open('sue@test');
    const first = await watch(supervisor, { timeZone: 'Europe/Warsaw' });
    if (!first.ok) throw new Error(first.error.message);
    const general = (snapshot: WallboardSnapshot) => snapshot.queues.find((q) => q.queueId === 'general')!;
    const pushed = new Promise<{ snapshot: WallboardSnapshot; ms: number }>((resolve) => {
      const started = performance.now();
      supervisor.on(wallboardSocketEvents.snapshot, (raw: unknown) => {
        const snapshot = WallboardSnapshotSchema.parse(raw);
        if (general(snapshot).waiting > general(first.value).waiting) resolve({ snapshot, ms: performance.now() - started });
      });
    });
    await customerWrites(server, { subject: 'Printer on fire', queueId: 'general' });
    const { snapshot, ms } = await pushed;
    expect(general(snapshot).waiting).toBe(general(first.value).waiting + 1);
    expect(ms).toBeLessThan(2000);
  });

  it('pushes when the clock alone moves a figure: a warning time passing with no commit at all', async () => {
    const soon = server.context.clock.now() + 1500;
    await insertTickets([
      { number: 109, queue: 'network', status: 'new', channel: 'email', priority: 'low', created: -MINUTE, clocks: [clock('firstResponse', { startedAt: at(-MINUTE), dueAt: at(2 * HOUR), warnAt: new Date(soon).toISOString() })] },
    ]);
    const supervisor = await sockets.open('sue@test');
    const first = await watch(supervisor, { timeZone: 'Europe/Warsaw' });
    if (!first.ok) throw new Error(first.error.message);
    const atRisk = (snapshot: WallboardSnapshot) => snapshot.queues.find((q) => q.queueId === 'network')!.atRisk;
    const moved = await new Promise<WallboardSnapshot>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('no snapshot with 109 at risk within 3 s')), 3000);
      supervisor.on(wallboardSocketEvents.snapshot, (raw: unknown) => {
        const snapshot = WallboardSnapshotSchema.parse(raw);
        if (atRisk(snapshot) > atRisk(first.value)) {
          clearTimeout(timeout);
          resolve(snapshot);
        }
      });
    });
    expect(atRisk(moved)).toBe(atRisk(first.value) + 1);
    expect(Date.parse(moved.computedAt)).toBeGreaterThanOrEqual(soon);
  });

  it('stops pushing to a console that stopped watching', async () => {
    const admin = await sockets.open('adm@test');
    expect((await watch(admin, { timeZone: 'UTC' })).ok).toBe(true);
    await admin.timeout(5000).emitWithAck(wallboardSocketEvents.unwatch, {});
    let pushes = 0;
    admin.on(wallboardSocketEvents.snapshot, () => (pushes += 1));
    await customerWrites(server, { subject: 'Another one', queueId: 'general' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(pushes).toBe(0);
  });
});
