import { useDeferredValue, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { QueueRow } from '../../../../shared/queue/queue-row.js';
import { defaultQueueSort, type QueueSort } from '../../../../shared/queue/queue-view.js';
import { useDeskServices } from '../../services.js';
import { sortTickets, type SortContext } from './queue-model.js';

/**
 * How often the queue judges SLA states for its filters and counts ("At risk", "Breached"). The rows'
 * countdowns tick every second; re-filtering 100,000 tickets every second would not be cheap, and a
 * ticket joining "Breached" a few seconds late changes nothing for the agent.
 */
export const SLA_RECOUNT_MS = 15_000;

/**
 * The ticker's time, rounded down to SLA_RECOUNT_MS: components re-render only when it moves on, and
 * then in a background render, so the recount never lands inside a second's countdown tick.
 */
export function useSlaNow(): number {
  const { ticker } = useDeskServices();
  useEffect(() => ticker.retain(), [ticker]);
  return useDeferredValue(useStore(ticker.store, (state) => state.now - (state.now % SLA_RECOUNT_MS)));
}

/**
 * Tickets with an escalation paging this agent now, or one they acknowledged and hold. The store is
 * read as the tickets' ids in one string: an escalation's every change (a page, a decline, the store's
 * first answer) makes a new list, and the queue view, its table and its counts are drawn again only
 * when the tickets in it change. The first answer arriving as the queue mounted redrew the whole view.
 */
export function useEscalatedToMe(myId: string | null): ReadonlySet<string> {
  const { escalations } = useDeskServices();
  useEffect(() => escalations.getState().connect(), [escalations]);
  const ids = useStore(escalations, (state) =>
    state.mine
      .filter(
        (escalation) =>
          (escalation.state === 'paging' && escalation.paged.some((target) => target.kind === 'user' && target.userId === myId)) ||
          (escalation.state === 'acknowledged' && escalation.acknowledgedBy?.userId === myId),
      )
      .map((escalation) => escalation.ticketId)
      .sort()
      .join('\n'),
  );
  return useMemo(() => new Set(ids === '' ? [] : ids.split('\n')), [ids]);
}

/**
 * Sorts the tickets, starting from its own last answer for the same order (see sortTickets): the cache
 * lives with the view, one per queue on screen. Tickets still in the order the core listed them need
 * no sort at all for the default order, whatever the cache held before: the view is usually on
 * screen, loading, before the list arrives.
 */
export function createSortCache() {
  let last: { sort: QueueSort; context: SortContext; order: QueueRow[] } | null = null;
  return (tickets: ReadonlyMap<string, QueueRow>, sort: QueueSort, context: SortContext, listedInDefaultOrder: boolean): QueueRow[] => {
    const previous = last && last.sort.column === sort.column && last.sort.desc === sort.desc && last.context === context ? last.order : null;
    const asListed = listedInDefaultOrder && sort.column === defaultQueueSort.column && sort.desc === defaultQueueSort.desc;
    const order = asListed ? [...tickets.values()] : sortTickets(tickets, sort, context, previous);
    last = { sort, context, order };
    return order;
  };
}
