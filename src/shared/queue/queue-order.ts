import { priorities, type Ticket } from '../domain/ticket.js';

/**
 * What a queue needs of a ticket's SLA to order and filter it: the headline clock's rank and its due
 * and warning instants. The headline is the customer-facing clock slaCountdown shows, most pressing
 * first; none of this depends on the time, so it is worked out once per ticket row.
 */
export interface SlaFacts {
  /** counting (running or breached) 0, paused 1, no target 2, met 3. */
  rank: number;
  /** Due and warning instants of a counting headline clock; Infinity when there is none. */
  dueMs: number;
  warnMs: number;
}

const headlineOrder = ['firstResponse', 'nextReply', 'resolution'] as const;
const priorityIndex = Object.fromEntries(priorities.map((priority, index) => [priority, index])) as Record<Ticket['priority'], number>;

/** slaCountdown's headline clock without its per-call arrays: this runs for every ticket of the desk. */
export function slaFacts(ticket: Pick<Ticket, 'sla'>): SlaFacts {
  const clocks = ticket.sla?.clocks ?? [];
  let headline: (typeof clocks)[number] | undefined;
  for (const kind of headlineOrder) {
    headline = clocks.find((c) => c.kind === kind && c.stoppedAt === null && c.state !== 'met');
    if (headline) break;
  }
  if (!headline) return { rank: clocks.some((c) => c.kind !== 'periodicUpdate') ? 3 : 2, dueMs: Infinity, warnMs: Infinity };
  if (headline.state === 'paused' || headline.dueAt === null) return { rank: 1, dueMs: Infinity, warnMs: Infinity };
  return { rank: 0, dueMs: Date.parse(headline.dueAt), warnMs: headline.warnAt === null ? Infinity : Date.parse(headline.warnAt) };
}

/**
 * The SLA column's order as one number (ties go by ticket number): counting clocks first, the most
 * overdue or least time left first, then paused, no target, done; priority breaks equal due times.
 * Rank and due instant share the number because due instants are below 4e12 ms.
 */
export function slaOrderKey(facts: SlaFacts, priority: Ticket['priority']): number {
  return (facts.rank * 4e12 + (facts.rank === 0 ? facts.dueMs : 0)) * 4 + priorityIndex[priority];
}

/**
 * Tickets in a queue's default order (most urgent SLA first). The desktop core answers its list in
 * this order, off the window's thread, so the console's first sort of a large desk finds the work done
 * and finishes in one pass.
 */
export function inDefaultQueueOrder<T extends Pick<Ticket, 'sla' | 'priority' | 'number'>>(tickets: readonly T[]): T[] {
  const keys = new Float64Array(tickets.length);
  const indexes = new Array<number>(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    keys[i] = slaOrderKey(slaFacts(tickets[i]!), tickets[i]!.priority);
    indexes[i] = i;
  }
  indexes.sort((a, b) => keys[a]! - keys[b]! || tickets[a]!.number - tickets[b]!.number);
  return indexes.map((index) => tickets[index]!);
}
