import { describe, expect, it } from 'vitest';
import { channels, customerTiers, priorities, ticketStatuses, type Ticket } from '../../../../shared/domain/ticket.js';
import { makeTicket } from '../../testing/fake-desk.js';
import { slaClock, slaSnapshot } from '../../testing/sla-fixtures.js';
import { testNow } from '../../testing/test-time.js';
import { countdownAt, slaCountdown } from '../../../../shared/sla/countdown.js';
import { queueListingOf, queueRowsOf, type QueueListing } from '../../../../shared/queue/queue-listing.js';
import { packChoices, queueRowOf, unpackChoices } from '../../../../shared/queue/queue-row.js';

const tickets: Ticket[] = [
  makeTicket({ number: 10, subject: 'Paused on the customer', sla: slaSnapshot([slaClock('firstResponse', { state: 'paused', pausedBy: 'pending' })]) }),
  makeTicket({ number: 11, subject: 'Breached "quoted" \\ subject\u0001', sla: slaSnapshot([slaClock('firstResponse', { dueIn: -30 })]) }),
  makeTicket({ number: 12, subject: 'Żółw — Черепаха — Bruņurupucis 🐢', assigneeId: null, sla: null }),
  makeTicket({ number: 13, subject: 'Running, resolution headline', assigneeId: 'u-2', sla: slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { dueIn: 90 })]) }),
  makeTicket({ number: 14, subject: 'All met', sla: slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { state: 'met' })]) }),
  makeTicket({ number: 15, subject: 'Due sooner', priority: 'critical', sla: slaSnapshot([slaClock('firstResponse', { dueIn: 5 })]) }),
];

describe('queue rows', () => {
  it('carry the headline clock, which counts down as the full snapshot does', () => {
    for (const ticket of tickets) {
      const row = queueRowOf(ticket);
      for (const at of [testNow - 3_600_000, testNow, testNow + 86_400_000]) expect(countdownAt(row.sla, at)).toEqual(slaCountdown(ticket, at));
    }
  });

  it('pack every combination of choices into a number and back', () => {
    const base = queueRowOf(tickets[0]!);
    for (const channel of channels)
      for (const priority of priorities)
        for (const customerTier of customerTiers)
          for (const status of ticketStatuses) {
            const row = { ...base, channel, priority, customerTier, status };
            expect(unpackChoices(packChoices(row))).toMatchObject({ channel, priority, customerTier, status, slaState: 'paused', slaTarget: 'firstResponse', pausedBy: 'pending' });
          }
    expect(() => unpackChoices(7)).toThrow(/not a queue row's choices/); // channel 7 does not exist
    expect(() => unpackChoices(1 << 15)).toThrow(/not a queue row's choices/);
  });
});

describe('queue listing', () => {
  it('brings back every row, in the default order: counting clocks by due time, then paused, none, met', () => {
    const rows = queueRowsOf(roundTrip(queueListingOf(tickets.map(queueRowOf))));
    expect(rows.map((row) => row.number)).toEqual([11, 15, 13, 10, 12, 14]);
    expect(rows).toEqual([11, 15, 13, 10, 12, 14].map((number) => queueRowOf(tickets.find((t) => t.number === number)!)));
  });

  it('sends a value that repeats once: a desk’s queues, agents and returning customers', () => {
    const listing = queueListingOf(tickets.map(queueRowOf));
    expect(JSON.parse(listing.shared.queueId.values)).toEqual([...new Set(tickets.map((t) => t.queueId))]);
    expect(JSON.parse(listing.shared.assigneeId.values)).toEqual([...new Set(tickets.map((t) => t.assigneeId))]);
  });

  it('keeps text the JSON would have to escape, and any script', () => {
    const rows = queueRowsOf(roundTrip(queueListingOf(tickets.map(queueRowOf))));
    expect(rows.map((row) => row.subject)).toContain('Breached "quoted" \\ subject\u0001');
    expect(rows.map((row) => row.subject)).toContain('Żółw — Черепаха — Bruņurupucis 🐢');
  });

  it('refuses a listing whose columns do not hold together', () => {
    const listing = queueListingOf(tickets.map(queueRowOf));
    expect(() => queueRowsOf({ ...listing, columns: { ...listing.columns, subject: '["one"]' } })).toThrow(/column subject does not have 6 values/);
    expect(() => queueRowsOf({ ...listing, columns: { ...listing.columns, number: JSON.stringify(['1', '2', '3', '4', '5', '6']) } })).toThrow(/is not a queue row/);
    expect(() => queueRowsOf({ ...listing, order: [0, 0, 1, 2, 3, 4] })).toThrow(/names row 0 twice/);
    expect(() => queueRowsOf({ ...listing, order: [0, 1, 2, 3, 4, 9] })).toThrow(/out of range/);
    expect(() => queueRowsOf({ ...listing, columns: { ...listing.columns, choices: JSON.stringify([0, 0, 0, 0, 0, 7]) } })).toThrow(/not a queue row's choices/);
    const names = listing.shared.requesterName;
    expect(() => queueRowsOf({ ...listing, shared: { ...listing.shared, requesterName: { ...names, refs: '[0, 0, 0, 0, 0, 9]' } } })).toThrow(/row 5 is not a queue row/);
    expect(() => queueRowsOf({ ...listing, shared: { ...listing.shared, requesterName: { ...names, refs: '[0]' } } })).toThrow(/column requesterName does not have 6 values/);
  });
});

/** As the listing crosses a thread: the browser host sends it as JSON. */
function roundTrip(listing: QueueListing): QueueListing {
  return JSON.parse(JSON.stringify(listing)) as QueueListing;
}
