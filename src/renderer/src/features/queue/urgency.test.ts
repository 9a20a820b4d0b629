import { makeTicket } from '../../testing/fake-desk.js';
import { slaClock, slaSnapshot } from '../../testing/sla-fixtures.js';
import { compareByUrgency } from './urgency.js';

/** A ticket whose first response is due in `dueIn` minutes (negative: breached that long ago). */
const firstResponseDueIn = (dueIn: number, overrides: Parameters<typeof makeTicket>[0] = {}) =>
  makeTicket({ sla: slaSnapshot([slaClock('firstResponse', { dueIn }), slaClock('resolution')]), ...overrides });

describe('urgency order', () => {
  it('puts breached first, then least time left, then paused, then no target, solved and closed last', () => {
    const metClocks = slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { state: 'met' })]);
    const closed = makeTicket({ status: 'closed', sla: metClocks });
    const solved = makeTicket({ status: 'solved', sla: metClocks });
    const paused = makeTicket({
      status: 'pending',
      sla: slaSnapshot([slaClock('firstResponse', { state: 'paused', pausedBy: 'pending' }), slaClock('resolution', { state: 'paused' })]),
    });
    const noTarget = makeTicket({ sla: null });
    const later = firstResponseDueIn(120);
    const soon = firstResponseDueIn(5);
    const breachedLongAgo = firstResponseDueIn(-90);
    const breachedJustNow = firstResponseDueIn(-1);

    const sorted = [closed, later, paused, breachedJustNow, solved, noTarget, soon, breachedLongAgo].sort(compareByUrgency);

    expect(sorted.map((t) => t.number)).toEqual(
      [breachedLongAgo, breachedJustNow, soon, later, paused, noTarget, closed, solved].map((t) => t.number),
    );
  });

  it('uses the resolution clock once the first response is sent', () => {
    const responded = makeTicket({
      sla: slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { targetMinutes: 480, dueIn: 300 })]),
    });
    const waiting = firstResponseDueIn(60);

    expect([responded, waiting].sort(compareByUrgency)).toEqual([waiting, responded]);
  });

  it('lets an unanswered customer (next reply) outrank the resolution clock', () => {
    const customerWaiting = makeTicket({
      sla: slaSnapshot([
        slaClock('firstResponse', { state: 'met' }),
        slaClock('nextReply', { targetMinutes: 60, dueIn: 20 }),
        slaClock('resolution', { targetMinutes: 480, dueIn: 400 }),
      ]),
    });
    const resolutionOnly = makeTicket({
      sla: slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { targetMinutes: 480, dueIn: 40 })]),
    });

    expect([resolutionOnly, customerWaiting].sort(compareByUrgency)).toEqual([customerWaiting, resolutionOnly]);
  });

  it('ignores the internal update clock: a ticket with only that target has no SLA countdown', () => {
    const internalOnly = makeTicket({ sla: slaSnapshot([slaClock('periodicUpdate', { dueIn: -30 })]) });
    const paused = makeTicket({ status: 'pending', sla: slaSnapshot([slaClock('resolution', { state: 'paused' })]) });
    const solved = makeTicket({ status: 'solved', sla: slaSnapshot([slaClock('resolution', { state: 'met' })]) });

    expect([solved, internalOnly, paused].sort(compareByUrgency)).toEqual([paused, internalOnly, solved]);
  });

  it('breaks ties by priority, then by number', () => {
    const sla = slaSnapshot([slaClock('firstResponse', { dueIn: 30 })]);
    const low = makeTicket({ priority: 'low', sla });
    const critical = makeTicket({ priority: 'critical', sla });
    const critical2 = makeTicket({ priority: 'critical', sla });

    expect([critical2, low, critical].sort(compareByUrgency)).toEqual([critical, critical2, low]);
  });
});
