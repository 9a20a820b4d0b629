import type { Ticket } from '../../../../shared/domain/ticket.js';
import { priorities } from '../../../../shared/domain/ticket.js';
import { slaCountdown } from '../../../../shared/sla/countdown.js';

type UrgencyFields = Pick<Ticket, 'number' | 'priority' | 'sla'>;

const rank = {
  counting: 0, // running or breached: ordered by due time, so the most overdue comes first
  paused: 1,
  noTarget: 2,
  done: 3,
} as const;

/** The due instant of the headline clock while it counts (running or breached); null otherwise. */
export function headlineDueAt(ticket: Pick<Ticket, 'sla'>): string | null {
  const countdown = slaCountdown(ticket, 0);
  return countdown.state === 'running' || countdown.state === 'breached' ? countdown.dueAt : null;
}

function urgency(ticket: UrgencyFields): { rank: number; dueMs: number } {
  // Which clock heads the snapshot, and whether it counts, is paused, met or absent, does not depend on
  // the time; only breached versus running does, and both order by due time. So the order holds still
  // while the clock ticks.
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

/** Most urgent first: breached (most overdue first), then least time left, then paused, then no target, then done. */
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
