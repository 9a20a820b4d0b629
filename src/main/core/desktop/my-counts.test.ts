import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/domain/ticket.js';
import type { MyTicketCounts } from '../../../shared/desk-api/desktop-methods.js';
import { fakeTimers } from './fake-timers.js';
import { COUNTS_SETTLE_MS, countMine, MyCounts } from './my-counts.js';

const now = Date.parse('2026-11-24T02:00:00.000Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

/** A ticket whose first response is due in `dueIn` minutes, with the warning `warnBefore` minutes earlier. */
function ticket(overrides: Partial<Ticket> & { dueIn?: number; warnBefore?: number } = {}): Ticket {
  const { dueIn = 60, warnBefore = 15, ...rest } = overrides;
  return {
    id: randomUUID(), number: 1000, subject: 'VPN drops every hour', requesterName: 'Ilze', requesterEmail: 'ilze@example.test',
    channel: 'email', priority: 'high', customerTier: 'standard', type: 'incident', status: 'open', queueId: 'tier1',
    assigneeId: 'u-olga', createdAt: at(-30), updatedAt: at(-30), firstRespondedAt: null, solvedAt: null, tags: [],
    sla: {
      ruleId: 'r', ruleName: 'Standard', calendarId: 'c', computedAt: at(-30),
      clocks: [{
        kind: 'firstResponse', state: 'running', targetMinutes: 90, startedAt: at(-30), dueAt: at(dueIn), warnAt: at(dueIn - warnBefore),
        stoppedAt: null, pausedBy: null, elapsedMinutes: 30, remainingMinutes: dueIn, warning: false, nextChangeAt: at(dueIn - warnBefore), breaches: 0,
      }],
    },
    ...rest,
  };
}

describe('my ticket counts', () => {
  it('counts my unfinished tickets, and those in SLA warning or breached as at risk', () => {
    const tickets = [
      ticket({ dueIn: 60 }), // running, warning at +45
      ticket({ dueIn: 10 }), // in warning
      ticket({ dueIn: -5 }), // breached
      ticket({ status: 'pending', sla: null }),
      ticket({ status: 'solved', dueIn: -5 }), // finished: not counted
      ticket({ assigneeId: 'u-sam', dueIn: -5 }), // a colleague's
      ticket({ assigneeId: null }),
    ];
    expect(countMine(tickets, 'u-olga', now)).toEqual({ counts: { open: 4, atRisk: 2 }, nextChangeAt: now + 45 * 60_000 });
  });

  it('recounts once after a burst of changes, and again when a running clock reaches its warning', () => {
    const clock = fakeTimers(now);
    const advance = clock.advance;
    let reads = 0;
    const told: MyTicketCounts[] = [];
    const counts = new MyCounts({
      tickets: () => (reads++, [ticket({ dueIn: 20, warnBefore: 10 }), ticket({ dueIn: 90 })]),
      userId: () => 'u-olga',
      now: clock.now,
      timers: clock.timers,
      changed: (value) => told.push(value),
    });

    for (let i = 0; i < 50; i++) counts.follow('tickets.changed');
    counts.follow('queues.changed');
    advance(COUNTS_SETTLE_MS);
    expect(reads).toBe(1);
    expect(told).toEqual([{ open: 2, atRisk: 0 }]);

    // Nothing arrives; ten minutes on the first ticket's warning starts.
    advance(10 * 60_000 - COUNTS_SETTLE_MS);
    expect(told).toEqual([{ open: 2, atRisk: 0 }, { open: 2, atRisk: 1 }]);
    // A recount that finds the same numbers says nothing.
    counts.follow('tickets.changed');
    advance(COUNTS_SETTLE_MS);
    expect(told).toHaveLength(2);
    counts.stop();
    expect(clock.pending()).toBe(0);
  });
});
