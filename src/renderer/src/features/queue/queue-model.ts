import { channels, customerTiers, priorities, ticketStatuses, type Ticket } from '../../../../shared/domain/ticket.js';
import { slaCountdown } from '../../../../shared/sla/countdown.js';
import type { QueueFilters, QueueSort, QueueViewSpec, SlaState } from '../../../../shared/queue/queue-view.js';
import { defaultQueueSort } from '../../../../shared/queue/queue-view.js';

/**
 * What the queue needs of a ticket to sort and filter it, worked out once per ticket row (rows are
 * replaced, never changed, when a ticket changes): with 100,000 tickets a sort makes ~1.7 million
 * comparisons and must not parse dates or search clocks in each.
 */
interface TicketFacts {
  /** counting (running or breached) 0, paused 1, no target 2, met 3: see urgency.ts. */
  slaRank: number;
  /** Due and warning instants of a counting headline clock; Infinity when there is none. */
  dueMs: number;
  warnMs: number;
  priority: number;
  subject: string;
  requester: string;
}

const facts = new WeakMap<Ticket, TicketFacts>();
const priorityIndex = indexOf(priorities);
const channelIndex = indexOf(channels);
const statusIndex = indexOf(ticketStatuses);
// Premium first when sorted ascending: it is the tier with the tighter targets.
const tierIndex = indexOf([...customerTiers].reverse());

function indexOf<T extends string>(values: readonly T[]): Record<T, number> {
  return Object.fromEntries(values.map((value, index) => [value, index])) as Record<T, number>;
}

export function factsOf(ticket: Ticket): TicketFacts {
  let known = facts.get(ticket);
  if (known) return known;
  // Which clock heads the snapshot, and whether it counts, does not depend on the time.
  const countdown = slaCountdown(ticket, 0);
  const clock = countdown.state === 'running' || countdown.state === 'breached' ? ticket.sla?.clocks.find((c) => c.kind === countdown.target && c.dueAt === countdown.dueAt) : undefined;
  const rank = { running: 0, breached: 0, paused: 1, none: 2, met: 3 }[countdown.state];
  known = {
    slaRank: rank,
    dueMs: countdown.state === 'running' || countdown.state === 'breached' ? Date.parse(countdown.dueAt) : Infinity,
    warnMs: clock?.warnAt ? Date.parse(clock.warnAt) : Infinity,
    priority: priorityIndex[ticket.priority],
    subject: ticket.subject.toLocaleLowerCase(),
    requester: `${ticket.requesterName} ${ticket.requesterEmail}`.toLocaleLowerCase(),
  };
  facts.set(ticket, known);
  return known;
}

/** The state the queue shows for the ticket's headline clock at `nowMs` (as SlaCountdown draws it). */
export function slaStateAt(ticket: Ticket, nowMs: number): SlaState {
  const f = factsOf(ticket);
  switch (f.slaRank) {
    case 0:
      return nowMs > f.dueMs ? 'breached' : nowMs >= f.warnMs ? 'dueSoon' : 'running';
    case 1:
      return 'paused';
    case 2:
      return 'none';
    default:
      return 'met';
  }
}

export interface SortContext {
  /** Queue names' order, for sorting by queue. */
  queueOrder: ReadonlyMap<string, number>;
}

type Compare = (a: Ticket, b: Ticket) => number;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function comparator(sort: QueueSort, context: SortContext): Compare {
  const byNumber: Compare = (a, b) => a.number - b.number;
  const then = (first: Compare): Compare => (a, b) => first(a, b) || a.number - b.number;
  const ascending: Compare = (() => {
    switch (sort.column) {
      case 'number':
        return byNumber;
      case 'subject':
        return then((a, b) => collator.compare(a.subject, b.subject));
      case 'requester':
        return then((a, b) => collator.compare(a.requesterName, b.requesterName));
      case 'channel':
        return then((a, b) => channelIndex[a.channel] - channelIndex[b.channel]);
      case 'priority':
        return then((a, b) => priorityIndex[a.priority] - priorityIndex[b.priority]);
      case 'customerTier':
        return then((a, b) => tierIndex[a.customerTier] - tierIndex[b.customerTier]);
      case 'status':
        return then((a, b) => statusIndex[a.status] - statusIndex[b.status]);
      // Unassigned first: that is the work nobody has picked up yet.
      case 'assignee':
        return then((a, b) => Number(a.assigneeId !== null) - Number(b.assigneeId !== null));
      case 'queue':
        return then((a, b) => (context.queueOrder.get(a.queueId) ?? Infinity) - (context.queueOrder.get(b.queueId) ?? Infinity));
      case 'sla':
        // Most urgent first: breached (most overdue first), then least time left, paused, no target, done.
        return (a, b) => {
          const fa = factsOf(a);
          const fb = factsOf(b);
          return fa.slaRank - fb.slaRank || (fa.dueMs === fb.dueMs ? 0 : fa.dueMs < fb.dueMs ? -1 : 1) || fa.priority - fb.priority || a.number - b.number;
        };
    }
  })();
  return sort.desc ? (a, b) => ascending(b, a) : ascending;
}

/**
 * Every ticket in the sort's order. Given the previous answer for the same sort, it starts from that
 * order (changed rows in place, new ones at the end), which the engine's merge sort finishes in about
 * one pass: a change to a few tickets does not re-sort 100,000 from scratch.
 */
export function sortTickets(tickets: ReadonlyMap<string, Ticket>, sort: QueueSort, context: SortContext, previous: readonly Ticket[] | null): Ticket[] {
  let order: Ticket[];
  if (previous) {
    order = [];
    const placed = new Set<string>();
    for (const old of previous) {
      const current = tickets.get(old.id);
      if (current && !placed.has(old.id)) {
        order.push(current);
        placed.add(old.id);
      }
    }
    for (const ticket of tickets.values()) if (!placed.has(ticket.id)) order.push(ticket);
  } else order = [...tickets.values()];
  return order.sort(comparator(sort, context));
}

export interface FilterContext {
  myId: string | null;
  /** The instant SLA states are judged at (the queue's slow clock, not the per-second one). */
  slaNow: number;
  /** Tickets with an escalation paging this agent or held by them. */
  escalatedToMe: ReadonlySet<string>;
  /** The ids the full-text search found; null when there is no search. */
  searchIds: ReadonlySet<string> | null;
}

type Check = (ticket: Ticket) => boolean;

/** One test for all the filters, built once per change of filters, not once per ticket. */
export function ticketFilter(filters: QueueFilters, context: FilterContext): Check {
  const checks: Check[] = [];
  const text = (value: string | undefined) => value?.trim().toLocaleLowerCase() ?? '';
  const anyOf = <T,>(values: readonly T[] | undefined, pick: (ticket: Ticket) => T) => {
    if (!values || values.length === 0) return;
    const set = new Set(values);
    checks.push((ticket) => set.has(pick(ticket)));
  };

  const number = text(filters.number).replace(/^#/, '');
  if (number) checks.push((ticket) => String(ticket.number).includes(number));
  const subject = text(filters.subject);
  if (subject) checks.push((ticket) => factsOf(ticket).subject.includes(subject));
  const requester = text(filters.requester);
  if (requester) checks.push((ticket) => factsOf(ticket).requester.includes(requester));
  anyOf(filters.channel, (ticket) => ticket.channel);
  anyOf(filters.priority, (ticket) => ticket.priority);
  anyOf(filters.customerTier, (ticket) => ticket.customerTier);
  anyOf(filters.status, (ticket) => ticket.status);
  anyOf(filters.queue, (ticket) => ticket.queueId);
  anyOf(filters.sla, (ticket) => slaStateAt(ticket, context.slaNow));
  if (filters.assignee && filters.assignee.length > 0) {
    const wanted = new Set(filters.assignee);
    checks.push((ticket) => {
      if (ticket.assigneeId === null) return wanted.has('unassigned');
      return (ticket.assigneeId === context.myId && wanted.has('me')) || wanted.has(`user:${ticket.assigneeId}`);
    });
  }
  if (filters.escalatedToMe) checks.push((ticket) => context.escalatedToMe.has(ticket.id));
  const { searchIds } = context;
  if (searchIds) checks.push((ticket) => searchIds.has(ticket.id));

  if (checks.length === 0) return () => true;
  return (ticket) => {
    for (const check of checks) if (!check(ticket)) return false;
    return true;
  };
}

export function countMatching(tickets: Iterable<Ticket>, check: Check): number {
  let count = 0;
  for (const ticket of tickets) if (check(ticket)) count++;
  return count;
}

const working = ['new', 'open', 'pending', 'on_hold'] as const;

/** The views every agent has. "At risk" is a running clock past its warning threshold. */
export const builtInViews = {
  mine: { filters: { assignee: ['me'], status: [...working] }, sort: defaultQueueSort, search: '' },
  unassigned: { filters: { assignee: ['unassigned'], status: [...working] }, sort: defaultQueueSort, search: '' },
  atRisk: { filters: { sla: ['dueSoon'] }, sort: defaultQueueSort, search: '' },
  breached: { filters: { sla: ['breached'] }, sort: defaultQueueSort, search: '' },
  escalatedToMe: { filters: { escalatedToMe: true }, sort: defaultQueueSort, search: '' },
} as const satisfies Record<string, QueueViewSpec>;
export type BuiltInViewId = keyof typeof builtInViews;
export const builtInViewIds = Object.keys(builtInViews) as BuiltInViewId[];

export const allTicketsSpec: QueueViewSpec = { filters: {}, sort: defaultQueueSort, search: '' };

/** Whether two specs show the same thing (filters with no values count as absent). */
export function sameSpec(a: QueueViewSpec, b: QueueViewSpec): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

export function normalized(spec: QueueViewSpec): QueueViewSpec {
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec.filters).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    filters[key] = Array.isArray(value) ? [...value].sort() : typeof value === 'string' ? value.trim() : value;
  }
  return { filters: filters as QueueFilters, sort: spec.sort, search: spec.search.trim() };
}
