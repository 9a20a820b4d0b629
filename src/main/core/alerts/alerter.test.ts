import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertRing, AlertStatus } from '../../../shared/alerts/alert.js';
import { makeEscalation } from '../../../shared/alerts/fixtures.js';
import type { LocalEscalation } from '../../../shared/desk-api/contract.js';
import type { Agent, User } from '../../../shared/domain/people.js';
import type { OnCallRotation, ShiftRotation } from '../../../shared/domain/shifts.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import type { Change } from '../../../shared/sync/protocol.js';
import { Replica } from '../replica/replica.js';
import { storedChange } from '../replica/stored-change.js';
import { Alerter, type Timers } from './alerter.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-alerter-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const warsawEvening: ShiftRotation = {
  id: 'tier1-follow-the-sun',
  name: 'Tier 1',
  tier: 1,
  queueIds: ['general'],
  shifts: [{ id: 'warsaw-evening', name: 'Warsaw evening', timeZone: 'Europe/Warsaw', start: '15:00', end: '23:00', weekdays: [...everyDay], memberIds: ['u-agent'] }],
};
const tier2OnCall: OnCallRotation = {
  id: 'tier2-on-call',
  name: 'Tier 2 on call',
  tier: 2,
  memberIds: ['u-tier2'],
  handover: { weekday: 'mon', time: '09:00', timeZone: 'Europe/Warsaw' },
  lengthDays: 7,
  startDate: '2025-01-06',
};

const user = (id: string, name: string, queueIds: string[]): User => ({ id, email: `${id}@demo`, name, role: 'agent', tier: 1, locale: 'pl', timeZone: 'Europe/Warsaw', queueIds });
const marta = user('u-agent', 'Marta Nowak', ['general']);
const piotr = user('u-tier2', 'Piotr Zieliński', ['network']);

/** Timers that fire when the test moves the clock, in the order they are due. */
function manualTime(start: string) {
  let now = Date.parse(start);
  let nextId = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout(run, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    clock: { now: () => now },
    timers,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = until;
    },
  };
}

let seq = 0;
function apply(replica: Replica, changes: Omit<Change, 'seq' | 'scope'>[]): void {
  replica.applyPull(changes.map((change) => storedChange({ ...change, seq: ++seq, scope: 'shared' } as Change)), { shared: seq }, null);
}
const upsert = <E extends Change['entity']>(entity: E, row: unknown) => ({ entity, op: 'upsert', row }) as Omit<Change, 'seq' | 'scope'>;
const agentRow = (person: User, status: Agent['status']): Agent => ({ id: person.id, name: person.name, role: 'agent', tier: person.tier, timeZone: person.timeZone, queueIds: person.queueIds, status });

/** A replica with the rota and both agents, and an alerter for the one signed in; `evening` works the Warsaw evening. */
function desk(signedIn: User, start: string, { file = `${crypto.randomUUID()}.sqlite`, evening = ['u-agent'] } = {}) {
  const time = manualTime(start);
  const replica = new Replica(join(root, file));
  const rotation = { ...warsawEvening, shifts: [{ ...warsawEvening.shifts[0]!, memberIds: evening }] };
  apply(replica, [upsert('shiftRotation', rotation), upsert('onCallRotation', tier2OnCall), upsert('agent', agentRow(marta, 'online')), upsert('agent', agentRow(piotr, 'online'))]);
  const rings: AlertRing[] = [];
  const statuses: AlertStatus[] = [];
  const alerter = new Alerter({ clock: time.clock, timers: time.timers, replica: () => replica, user: () => signedIn, changed: (status) => statuses.push(status), ring: (ring) => rings.push(ring) });
  const escalate = (escalation: LocalEscalation) => {
    apply(replica, [upsert('escalation', { ...escalation, pending: undefined, acknowledgementPending: undefined, declinePending: undefined })]);
    alerter.follow('escalations.changed', { ids: [escalation.id] });
    // The alerter looks once the event has gone on to the console.
    time.advance(0);
  };
  return { time, replica, alerter, rings, statuses, escalate, rung: () => rings.flatMap((ring) => ring.alerts.map((alert) => `${alert.kind}${alert.repeat ? ' again' : ''}`)) };
}

describe('the alerter', () => {
  it('pages the on-call engineer at 3 a.m. and rings again every 30 s until someone acknowledges', () => {
    const { time, alerter, rings, escalate, rung } = desk(piotr, '2026-11-24T02:00:00Z');
    alerter.refresh();
    escalate(makeEscalation());
    expect(rings[0]).toMatchObject({ locale: 'pl', alerts: [{ kind: 'page', ticketNumber: 1042, actor: 'Marta Nowak', sound: { family: 'escalation', priority: 'high', channel: 'chat' }, repeat: false }] });
    expect(alerter.refresh()).toMatchObject({ duty: { onCall: true }, quiet: [], ringing: 1 });

    time.advance(29_000);
    expect(rung()).toEqual(['page']);
    time.advance(1_000);
    expect(rung()).toEqual(['page', 'page again']);
    time.advance(30_000);
    expect(rung()).toEqual(['page', 'page again', 'page again']);

    escalate(makeEscalation({ state: 'acknowledged', paged: [], acknowledgedBy: { userId: 'u-tier3', name: 'Sam Carter' }, acknowledgedAt: '2026-11-24T02:01:10.000Z', nextTimeoutAt: null }));
    time.advance(120_000);
    expect(rung()).toEqual(['page', 'page again', 'page again']);
    expect(alerter.refresh()).toMatchObject({ ringing: 0 });
  });

  it('stops ringing the moment the engineer declines here, before the server has heard', () => {
    const { time, alerter, escalate, rung, replica } = desk(piotr, '2026-11-24T02:00:00Z');
    escalate(makeEscalation());
    // As the core records it: into the outbox, shown at once through the overlay.
    const clientId = replica.outbox.clientIdFor(piotr.id);
    replica.outbox.enqueue(clientId, { name: 'escalation.decline', args: { escalationId: makeEscalation().id, reason: 'On another outage' }, createdAt: '2026-11-24T02:00:10.000Z' });
    replica.refreshOverlay(clientId, piotr);
    alerter.follow('escalations.changed', { ids: [makeEscalation().id] });
    time.advance(0);
    expect(alerter.refresh()).toMatchObject({ ringing: 0 });
    time.advance(120_000);
    expect(rung()).toEqual(['page']);
  });

  it('holds the news for an agent off shift and shows the digest when her shift starts', () => {
    // 03:00 in Warsaw: Marta's evening shift (15:00–23:00) is long over and she holds no pager.
    const { time, alerter, escalate, rings, statuses } = desk(marta, '2026-11-24T02:00:00Z');
    alerter.refresh();
    escalate(makeEscalation({ state: 'acknowledged', paged: [], acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, acknowledgedAt: '2026-11-24T02:03:00.000Z', nextTimeoutAt: null }));
    expect(rings).toEqual([]);
    const quiet = alerter.refresh()!;
    expect(quiet).toMatchObject({ quiet: ['offShift'], duty: { onShift: false, onCall: false }, nextChangeAt: '2026-11-24T14:00:00.000Z', digestDue: false });
    expect(quiet.held.map((alert) => `${alert.kind} ${alert.actor}`)).toEqual(['acknowledged Piotr Zieliński']);

    // 15:00 in Warsaw: her shift starts; nobody asks, the alerter looks at the hand-over itself.
    time.advance(12 * 3_600_000);
    expect(statuses.at(-1)).toMatchObject({ quiet: [], duty: { onShift: true }, digestDue: true });
    expect(rings).toEqual([]);

    const read = alerter.dismissDigest(quiet.held.map((alert) => alert.id))!;
    expect(read).toMatchObject({ held: [], digestDue: false });
  });

  it('lets a critical page through off shift, and holds the rest', () => {
    // A tier-2 engineer who works the Warsaw evening and holds no pager: off shift at 3 a.m.
    const { alerter, escalate, rung } = desk({ ...piotr, id: 'u-off', name: 'Off Duty' }, '2026-11-24T02:00:00Z', { evening: ['u-agent', 'u-off'] });
    alerter.refresh();
    const offDuty = { kind: 'user' as const, userId: 'u-off', name: 'Off Duty' };
    escalate(makeEscalation({ id: 'a1111111-1111-4111-8111-111111111111', paged: [offDuty], pages: [{ at: '2026-11-24T02:00:01.000Z', level: 1, round: 1, targets: [offDuty] }] }));
    escalate(makeEscalation({ id: 'b2222222-2222-4222-8222-222222222222', priority: 'critical', paged: [offDuty], pages: [{ at: '2026-11-24T02:00:02.000Z', level: 1, round: 1, targets: [offDuty] }] }));
    expect(rung()).toEqual(['page']);
    const status = alerter.refresh()!;
    expect(status).toMatchObject({ quiet: ['offShift'], ringing: 1 });
    expect(status.held.map((alert) => alert.priority)).toEqual(['high']);
  });

  it('rings a page still waiting after a restart, but not news it told before', () => {
    const file = 'restart.sqlite';
    const first = desk(marta, '2026-11-24T16:00:00Z', { file });
    first.alerter.refresh();
    const paged = { kind: 'user' as const, userId: 'u-agent', name: 'Marta Nowak' };
    first.escalate(makeEscalation({ id: 'c3333333-3333-4333-8333-333333333333', escalatedBy: { userId: 'u-agent3', name: 'Olga Smirnova' }, paged: [paged], pages: [{ at: '2026-11-24T16:00:01.000Z', level: 1, round: 1, targets: [paged] }] }));
    first.escalate(makeEscalation({ state: 'acknowledged', paged: [], acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, acknowledgedAt: '2026-11-24T16:00:30.000Z', nextTimeoutAt: null }));
    expect(first.rung()).toEqual(['page', 'acknowledged']);
    first.alerter.stop();
    first.replica.close();

    const again = desk(marta, '2026-11-24T16:05:00Z', { file });
    again.alerter.refresh();
    expect(again.rung()).toEqual(['page']);
  });

  it('shows a new ticket in the agent’s queue silently, and chimes once she turned ticket sounds on', () => {
    const { alerter, replica, rings, time } = desk(marta, '2026-11-24T16:00:00Z');
    alerter.refresh();
    const ticket = (number: number): Ticket => ({
      id: crypto.randomUUID(),
      number,
      subject: 'Printer offline',
      requesterName: 'Ilze Kalniņa',
      requesterEmail: 'ilze@example.test',
      channel: 'email',
      priority: 'medium',
      customerTier: 'standard',
      type: 'incident',
      status: 'new',
      queueId: 'general',
      assigneeId: null,
      createdAt: new Date(time.clock.now()).toISOString(),
      updatedAt: new Date(time.clock.now()).toISOString(),
      firstRespondedAt: null,
      solvedAt: null,
      sla: null,
    }) as unknown as Ticket;
    const arrive = (row: Ticket) => {
      time.advance(1_000);
      apply(replica, [upsert('ticket', { ...row, createdAt: new Date(time.clock.now()).toISOString() })]);
      alerter.follow('tickets.changed', { ids: [row.id] });
      time.advance(500);
    };
    // By default only escalations make a sound (issue 7: a calm night).
    arrive(ticket(2001));
    expect(rings.at(-1)?.alerts).toMatchObject([{ kind: 'newTicket', ticketNumber: 2001, sound: null }]);
    alerter.configure({ nonEscalationSounds: true });
    arrive(ticket(2002));
    expect(rings.at(-1)?.alerts).toMatchObject([{ kind: 'newTicket', ticketNumber: 2002, sound: { family: 'notice', priority: 'medium', channel: 'email' } }]);
    expect(rings).toHaveLength(2);
  });

  it('signed out, nothing rings and nothing is answered', () => {
    let signedIn: User | null = piotr;
    const time = manualTime('2026-11-24T02:00:00Z');
    const replica = new Replica(join(root, 'signed-out.sqlite'));
    apply(replica, [upsert('onCallRotation', tier2OnCall), upsert('escalation', { ...makeEscalation(), pending: undefined, acknowledgementPending: undefined, declinePending: undefined })]);
    const rings: AlertRing[] = [];
    const alerter = new Alerter({ clock: time.clock, timers: time.timers, replica: () => replica, user: () => signedIn, changed: () => undefined, ring: (ring) => rings.push(ring) });
    alerter.refresh();
    expect(rings).toHaveLength(1);
    signedIn = null;
    alerter.follow('session.changed', {});
    time.advance(300_000);
    expect(rings).toHaveLength(1);
    expect(alerter.refresh()).toBeNull();
  });
});
