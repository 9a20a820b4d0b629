import { channels, customerTiers, priorities, ticketStatuses } from '../../../../shared/domain/ticket.js';
import type { QueueRow } from '../../../../shared/queue/queue-row.js';
import type { QueueFilters, QueueSort, QueueViewSpec, SlaState } from '../../../../shared/queue/queue-view.js';
import { defaultQueueSort } from '../../../../shared/queue/queue-view.js';
import { slaOrderKey } from '../../../../shared/queue/queue-order.js';

const priorityIndex = indexOf(priorities);
const channelIndex = indexOf(channels);
const statusIndex = indexOf(ticketStatuses);
// Premium first when sorted ascending: it is the tier with the tighter targets.
const tierIndex = indexOf([...customerTiers].reverse());

function indexOf<T extends string>(values: readonly T[]): Record<T, number> {
  return Object.fromEntries(values.map((value, index) => [value, index])) as Record<T, number>;
}

/** The state the queue shows for the ticket's headline clock at `nowMs` (as SlaCountdown draws it). */
export function slaStateAt(ticket: QueueRow, nowMs: number): SlaState {
  const { sla } = ticket;
  if (sla.state !== 'counting') return sla.state;
  return nowMs > sla.dueMs ? 'breached' : sla.warnMs !== null && nowMs >= sla.warnMs ? 'dueSoon' : 'running';
}

export interface SortContext {
  /** Queue names' order, for sorting by queue. */
  queueOrder: ReadonlyMap<string, number>;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The column's order as numbers, one per ticket: a sort of 100,000 makes ~1.7 million comparisons,
 * which must be array reads, not lookups. Text columns have none (they compare with the collator).
 */
function numericKey(sort: QueueSort, context: SortContext): ((ticket: QueueRow) => number) | null {
  switch (sort.column) {
    case 'number':
      return (ticket) => ticket.number;
    case 'channel':
      return (ticket) => channelIndex[ticket.channel];
    case 'priority':
      return (ticket) => priorityIndex[ticket.priority];
    case 'customerTier':
      return (ticket) => tierIndex[ticket.customerTier];
    case 'status':
      return (ticket) => statusIndex[ticket.status];
    // Unassigned first: that is the work nobody has picked up yet.
    case 'assignee':
      return (ticket) => Number(ticket.assigneeId !== null);
    case 'queue':
      return (ticket) => context.queueOrder.get(ticket.queueId) ?? Number.MAX_SAFE_INTEGER;
    case 'sla':
      return (ticket) => slaOrderKey(ticket.sla, ticket.priority);
    case 'subject':
    case 'requester':
      return null;
  }
}

/**
 * Every ticket in the sort's order, ties broken by number. Given the previous answer for the same
 * sort, it starts from that order (changed rows in place, new ones at the end), which the engine's
 * merge sort finishes in about one pass: a change to a few tickets does not re-sort from scratch.
 */
export function sortTickets(tickets: ReadonlyMap<string, QueueRow>, sort: QueueSort, context: SortContext, previous: readonly QueueRow[] | null): QueueRow[] {
  let order: QueueRow[];
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
    if (placed.size < tickets.size) for (const ticket of tickets.values()) if (!placed.has(ticket.id)) order.push(ticket);
  } else order = [...tickets.values()];

  const direction = sort.desc ? -1 : 1;
  const key = numericKey(sort, context);
  if (key === null) {
    const text = sort.column === 'subject' ? (t: QueueRow) => t.subject : (t: QueueRow) => t.requesterName;
    return order.sort((a, b) => direction * (collator.compare(text(a), text(b)) || a.number - b.number));
  }
  const keys = new Float64Array(order.length);
  const numbers = new Float64Array(order.length);
  const indexes = new Array<number>(order.length);
  for (let i = 0; i < order.length; i++) {
    keys[i] = key(order[i]!);
    numbers[i] = order[i]!.number;
    indexes[i] = i;
  }
  indexes.sort((a, b) => direction * (keys[a]! - keys[b]! || numbers[a]! - numbers[b]!));
  return indexes.map((index) => order[index]!);
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

export type Check = (ticket: QueueRow) => boolean;

/** The test of no filters at all: the queue then shows the sorted tickets without a pass over them. */
export const everyTicket: Check = () => true;

/** One test for all the filters, built once per change of filters, not once per ticket. */
export function ticketFilter(filters: QueueFilters, context: FilterContext): Check {
  const checks: Check[] = [];
  const text = (value: string | undefined) => value?.trim().toLocaleLowerCase() ?? '';
  const anyOf = <T,>(values: readonly T[] | undefined, pick: (ticket: QueueRow) => T) => {
    if (!values || values.length === 0) return;
    const set = new Set(values);
    checks.push((ticket) => set.has(pick(ticket)));
  };

  const number = text(filters.number).replace(/^#/, '');
  if (number) checks.push((ticket) => String(ticket.number).includes(number));
  // Lower-cased as each filter runs, not kept: 100,000 copies of every subject would double the heap.
  const subject = text(filters.subject);
  if (subject) checks.push((ticket) => ticket.subject.toLocaleLowerCase().includes(subject));
  const requester = text(filters.requester);
  if (requester) checks.push((ticket) => ticket.requesterName.toLocaleLowerCase().includes(requester) || ticket.requesterEmail.toLocaleLowerCase().includes(requester));
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

  if (checks.length === 0) return everyTicket;
  if (checks.length === 1) return checks[0]!;
  return (ticket) => {
    for (const check of checks) if (!check(ticket)) return false;
    return true;
  };
}

/**
 * Adds to `counts` how many tickets each test lets through, in one pass over the tickets. The pass can
 * stop early and go on later from the same iterator: `stop` is asked every thousand tickets. Returns
 * whether every ticket was seen.
 */
export function countMatching(tickets: Iterator<QueueRow>, checks: readonly Check[], counts: number[], stop: () => boolean = () => false): boolean {
  for (;;) {
    for (let n = 0; n < 1000; n++) {
      const next = tickets.next();
      if (next.done) return true;
      for (let i = 0; i < checks.length; i++) if (checks[i]!(next.value)) counts[i]!++;
    }
    if (stop()) return false;
  }
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
