import { priorities, type Priority } from '../domain/ticket.js';
import type { SlaHeadline } from '../sla/countdown.js';

const priorityIndex = Object.fromEntries(priorities.map((priority, index) => [priority, index])) as Record<Priority, number>;
const rankOf = { counting: 0, paused: 1, none: 2, met: 3 } as const satisfies Record<SlaHeadline['state'], number>;

/**
 * The SLA column's order as one number (ties go by ticket number): counting clocks first, the most
 * overdue or least time left first, then paused, no target, done; priority breaks equal due times.
 * Rank and due instant share the number because due instants are below 4e12 ms; the largest key,
 * 6.4e13, is an exact integer both in a double and in SQLite (the replica keeps it per ticket).
 */
export function slaOrderKey(headline: SlaHeadline, priority: Priority): number {
  return (rankOf[headline.state] * 4e12 + (headline.state === 'counting' ? headline.dueMs : 0)) * 4 + priorityIndex[priority];
}

/**
 * The places of rows in a queue's default order (most urgent SLA first, then by number), given each
 * row's slaOrderKey and number. The desktop core works it out, off the window's thread, so the
 * console's first sort of a large desk finds the work done.
 */
export function defaultQueueOrder(keys: ArrayLike<number>, numbers: ArrayLike<number>): number[] {
  const indexes = Array.from({ length: keys.length }, (_, index) => index);
  return indexes.sort((a, b) => keys[a]! - keys[b]! || numbers[a]! - numbers[b]!);
}
