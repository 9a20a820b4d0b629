import { queueListingOf, queueRowsOf } from '../../../../shared/queue/queue-listing.js';
import { queueRowOf, type QueueRow } from '../../../../shared/queue/queue-row.js';
import { agent, dueIn, makeTicket, testNow, tier1, tier2 } from '../../testing/fake-desk.js';
import { slaClock, slaSnapshot } from '../../testing/sla-fixtures.js';
import { createSortCache } from './queue-hooks.js';
import { builtInViews, countMatching, slaStateAt, sortTickets, ticketFilter, type FilterContext } from './queue-model.js';

const context = { queueOrder: new Map<string, number>() };
/** A ticket as the queue holds it. */
const row = (overrides: Parameters<typeof makeTicket>[0] = {}) => queueRowOf(makeTicket(overrides));
const byUrgency = (a: QueueRow, b: QueueRow) => {
  const order = sortTickets(new Map([a, b].map((t) => [t.id, t])), { column: 'sla', desc: false }, context, null);
  return order[0] === a ? -1 : 1;
};
const compareByUrgency = byUrgency;

/** A ticket whose first response is due in `dueIn` minutes (negative: breached that long ago). */
const firstResponseDueIn = (dueIn: number, overrides: Parameters<typeof makeTicket>[0] = {}) =>
  row({ sla: slaSnapshot([slaClock('firstResponse', { dueIn }), slaClock('resolution')]), ...overrides });

describe('the SLA column’s order (most urgent first)', () => {
  it('puts breached first, then least time left, then paused, then no target, solved and closed last', () => {
    const metClocks = slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { state: 'met' })]);
    const closed = row({ status: 'closed', sla: metClocks });
    const solved = row({ status: 'solved', sla: metClocks });
    const paused = row({
      status: 'pending',
      sla: slaSnapshot([slaClock('firstResponse', { state: 'paused', pausedBy: 'pending' }), slaClock('resolution', { state: 'paused' })]),
    });
    const noTarget = row({ sla: null });
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
    const responded = row({
      sla: slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { targetMinutes: 480, dueIn: 300 })]),
    });
    const waiting = firstResponseDueIn(60);

    expect([responded, waiting].sort(compareByUrgency)).toEqual([waiting, responded]);
  });

  it('lets an unanswered customer (next reply) outrank the resolution clock', () => {
    const customerWaiting = row({
      sla: slaSnapshot([
        slaClock('firstResponse', { state: 'met' }),
        slaClock('nextReply', { targetMinutes: 60, dueIn: 20 }),
        slaClock('resolution', { targetMinutes: 480, dueIn: 400 }),
      ]),
    });
    const resolutionOnly = row({
      sla: slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { targetMinutes: 480, dueIn: 40 })]),
    });

    expect([resolutionOnly, customerWaiting].sort(compareByUrgency)).toEqual([customerWaiting, resolutionOnly]);
  });

  it('ignores the internal update clock: a ticket with only that target has no SLA countdown', () => {
    const internalOnly = row({ sla: slaSnapshot([slaClock('periodicUpdate', { dueIn: -30 })]) });
    const paused = row({ status: 'pending', sla: slaSnapshot([slaClock('resolution', { state: 'paused' })]) });
    const solved = row({ status: 'solved', sla: slaSnapshot([slaClock('resolution', { state: 'met' })]) });

    expect([solved, internalOnly, paused].sort(compareByUrgency)).toEqual([paused, internalOnly, solved]);
  });

  it('breaks ties by priority, then by number', () => {
    const sla = slaSnapshot([slaClock('firstResponse', { dueIn: 30 })]);
    const low = row({ priority: 'low', sla });
    const critical = row({ priority: 'critical', sla });
    const critical2 = row({ priority: 'critical', sla });

    expect([critical2, low, critical].sort(compareByUrgency)).toEqual([critical, critical2, low]);
  });
});

describe('the desktop core’s list order', () => {
  it('is the SLA column’s order, so the console’s first sort finds the work done', () => {
    const met = slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { state: 'met' })]);
    const tickets = [
      row({ status: 'solved', sla: met }),
      firstResponseDueIn(45, { priority: 'low' }),
      row({ status: 'pending', sla: slaSnapshot([slaClock('resolution', { state: 'paused' })]) }),
      firstResponseDueIn(45, { priority: 'critical' }),
      row({ sla: null }),
      firstResponseDueIn(-30),
      firstResponseDueIn(45, { priority: 'critical' }),
    ];
    const sorted = sortTickets(new Map(tickets.map((t) => [t.id, t])), { column: 'sla', desc: false }, context, null);

    // The core's listing comes in the same order, whatever order the replica read the rows in.
    expect(queueRowsOf(queueListingOf(tickets.toReversed())).map((t) => t.number)).toEqual(sorted.map((t) => t.number));
    expect(queueRowsOf(queueListingOf(tickets))[0]).toEqual(tickets[5]); // the breached one
  });
});

describe('the view’s sort cache', () => {
  const defaultSort = { column: 'sla', desc: false } as const;
  const dueIn = [30, 10, 20].map((minutes) => firstResponseDueIn(minutes));
  const asListed = new Map(dueIn.map((t) => [t.id, t]));

  it('takes a list still in the core’s order as it is for the default sort, without sorting it', () => {
    // Deliberately not in SLA order: taken as it is, it shows that no sort ran.
    expect(createSortCache()(asListed, defaultSort, context, true)).toEqual(dueIn);
  });

  it('takes the list as it is when it arrives after the view has shown the empty, loading queue', () => {
    const sortFor = createSortCache();
    expect(sortFor(new Map(), defaultSort, context, false)).toEqual([]);
    expect(sortFor(asListed, defaultSort, context, true)).toEqual(dueIn);
  });

  it('sorts once the list has changed since the core gave it, and for any other order', () => {
    expect(createSortCache()(asListed, defaultSort, context, false).map((t) => t.id)).toEqual([dueIn[1]!.id, dueIn[2]!.id, dueIn[0]!.id]);
    expect(createSortCache()(asListed, { column: 'sla', desc: true }, context, true).map((t) => t.id)).toEqual([dueIn[0]!.id, dueIn[2]!.id, dueIn[1]!.id]);
  });
});

describe('sorting 100,000 tickets again after a change', () => {
  it('starts from the last order, places changed and new tickets where they belong, and drops the ones gone', () => {
    const tickets = [30, 10, 20].map((minutes) => row({ sla: slaSnapshot([slaClock('firstResponse', { dueIn: minutes })]) }));
    const map = new Map(tickets.map((t) => [t.id, t]));
    const first = sortTickets(map, { column: 'sla', desc: false }, context, null);
    expect(first.map((t) => t.id)).toEqual([tickets[1]!.id, tickets[2]!.id, tickets[0]!.id]);

    const overdue = { ...tickets[0]!, sla: row({ sla: slaSnapshot([slaClock('firstResponse', { dueIn: -5 })]) }).sla };
    const arrived = row({ sla: slaSnapshot([slaClock('firstResponse', { dueIn: 15 })]) });
    const next = new Map([[overdue.id, overdue], [tickets[1]!.id, tickets[1]!], [arrived.id, arrived]]);
    const again = sortTickets(next, { column: 'sla', desc: false }, context, first);
    expect(again.map((t) => t.id)).toEqual([overdue.id, tickets[1]!.id, arrived.id]);
    expect(again[0]).toBe(overdue); // the new row, not the old one
  });

  it('sorts text in the agent’s alphabet and flips for descending, numbers breaking ties', () => {
    const names = ['Żaneta', 'adam', 'Łukasz', 'Bogdan'].map((requesterName) => row({ requesterName }));
    const sorted = sortTickets(new Map(names.map((t) => [t.id, t])), { column: 'requester', desc: false }, context, null);
    expect(sorted.map((t) => t.requesterName)).toEqual(['adam', 'Bogdan', 'Łukasz', 'Żaneta']);
    const reversed = sortTickets(new Map(names.map((t) => [t.id, t])), { column: 'requester', desc: true }, context, null);
    expect(reversed.map((t) => t.requesterName)).toEqual(['Żaneta', 'Łukasz', 'Bogdan', 'adam']);
  });
});

describe('queue filters', () => {
  const base: FilterContext = { myId: agent.id, slaNow: testNow, escalatedToMe: new Set(), searchIds: null };
  const warned = slaSnapshot([{ ...slaClock('firstResponse', { targetMinutes: 60, dueIn: 10 }), warnAt: dueIn(-5) }]);
  const tickets = [
    row({ number: 5001, subject: 'VPN drops', requesterName: 'Ilze Ozola', channel: 'chat', priority: 'critical', assigneeId: agent.id }),
    row({ number: 5002, subject: 'Invoice copy', requesterEmail: 'kasia@faktury.example', channel: 'email', queueId: tier2.id, sla: slaSnapshot([slaClock('firstResponse', { dueIn: -3 })]) }),
    row({ number: 6003, subject: 'Printer', channel: 'phone', status: 'solved', assigneeId: 'u-colleague', sla: warned }),
  ];
  const matching = (filters: Parameters<typeof ticketFilter>[0], extra: Partial<FilterContext> = {}) => tickets.filter(ticketFilter(filters, { ...base, ...extra })).map((t) => t.number);

  it('matches words in number, subject and requester (name or email), ignoring case', () => {
    expect(matching({ number: '#500' })).toEqual([5001, 5002]);
    expect(matching({ subject: 'vpn' })).toEqual([5001]);
    expect(matching({ requester: 'FAKTURY' })).toEqual([5002]);
    expect(matching({ requester: 'ozola', subject: 'invoice' })).toEqual([]);
  });

  it('matches any of the values ticked in a list, for every list column', () => {
    expect(matching({ channel: ['chat', 'email'] })).toEqual([5001, 5002]);
    expect(matching({ priority: ['critical'] })).toEqual([5001]);
    expect(matching({ status: ['solved'] })).toEqual([6003]);
    expect(matching({ queue: [tier1.id] })).toEqual([5001, 6003]);
    expect(matching({ assignee: ['me'] })).toEqual([5001]);
    expect(matching({ assignee: ['unassigned', 'user:u-colleague'] })).toEqual([5002, 6003]);
    expect(matching({ customerTier: ['premium'] })).toEqual([]);
    expect(matching({ channel: [] })).toEqual([5001, 5002, 6003]); // nothing ticked: no filter
  });

  it('judges SLA states at the given instant: a due soon clock turns breached once its due time passes', () => {
    expect(matching({ sla: ['breached'] })).toEqual([5002]);
    expect(matching({ sla: ['dueSoon'] })).toEqual([6003]);
    expect(matching({ sla: ['running'] })).toEqual([5001]);
    expect(slaStateAt(tickets[2]!, testNow + 11 * 60_000)).toBe('breached');
    expect(matching({ sla: ['breached'] }, { slaNow: testNow + 11 * 60_000 })).toEqual([5002, 6003]);
  });

  it('keeps the search’s tickets and those escalated to the agent when asked', () => {
    expect(matching({}, { searchIds: new Set([tickets[1]!.id]) })).toEqual([5002]);
    expect(matching({ escalatedToMe: true }, { escalatedToMe: new Set([tickets[2]!.id]) })).toEqual([6003]);
  });

  it('counts the built-in views: mine and unassigned leave finished work out', () => {
    const views = ['mine', 'unassigned', 'atRisk', 'breached', 'escalatedToMe'] as const;
    const counts = [0, 0, 0, 0, 0];
    expect(countMatching(tickets.values(), views.map((view) => ticketFilter(builtInViews[view].filters, base)), counts)).toBe(true);
    expect(counts).toEqual([1, 1, 1, 1, 0]);
  });

  it('stops a count where asked and goes on from there', () => {
    const many = Array.from({ length: 2500 }, (_, index) => ({ ...tickets[0]!, id: `t${index}`, priority: index % 2 === 0 ? ('high' as const) : ('low' as const) }));
    const iterator = many.values();
    const counts = [0];
    const high = ticketFilter({ priority: ['high'] }, base);
    expect(countMatching(iterator, [high], counts, () => true)).toBe(false);
    expect(counts).toEqual([500]);
    expect(countMatching(iterator, [high], counts)).toBe(true);
    expect(counts).toEqual([1250]);
  });
});
