import type { Ticket } from '../../../../shared/domain/ticket.js';
import { priorities } from '../../../../shared/domain/ticket.js';
import { slaCountdown } from '../../../../shared/sla/countdown.js';

type UrgencyFields = Pick<
  Ticket,
  'number' | 'priority' | 'status' | 'firstResponseDueAt' | 'firstRespondedAt' | 'resolutionDueAt' | 'solvedAt'
>;

const rank = {
  counting: 0, // running or breached: ordered by due time, so the most overdue comes first
  paused: 1,
  noTarget: 2,
  done: 3,
} as const;

function urgency(ticket: UrgencyFields): { rank: number; dueMs: number } {
  // Whether a countdown is counting, paused, met or absent does not depend on the time; only breached
  // versus running does, and both order by due time. So the order holds still while the clock ticks.
  const countdown = slaCountdown(ticket, 0);
  switch (countdown.state) {
    case 'running':
    case 'breached':
      return { rank: rank.counting, dueMs: Date.parse(countdown.dueAt) };
    case 'paused':
      return { rank: rank.paused, dueMs: 0 };
    case 'none':
      return { rank: rank.noTarget, dueMs: 0 };
    case 'met':
      return { rank: rank.done, dueMs: 0 };
  }
}

/** Most urgent first: breached (most overdue first), then least time left, then paused, then done. */
export function compareByUrgency(a: UrgencyFields, b: UrgencyFields): number {
  const ua = urgency(a);
  const ub = urgency(b);
  return (
    ua.rank - ub.rank ||
    ua.dueMs - ub.dueMs ||
    priorities.indexOf(a.priority) - priorities.indexOf(b.priority) ||
    a.number - b.number
  );
}
