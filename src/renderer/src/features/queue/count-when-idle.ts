import type { QueueRow } from '../../../../shared/queue/queue-row.js';
import { countMatching, type Check } from './queue-model.js';

/** What a slice reads of the browser's IdleDeadline. */
interface Deadline {
  timeRemaining(): number;
}

/**
 * A slice's least budget. An idle period can be nearly over when it starts, and a callback forced by
 * its timeout has none left; the count must still move on while the desk keeps the window busy.
 */
const leastSliceMs = 4;

function onIdle(work: (deadline: Deadline) => void, within: number): () => void {
  // jsdom (the unit tests) has no idle callbacks; a task with a slice's budget stands in.
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(() => work({ timeRemaining: () => 8 }), 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(work, { timeout: within });
  return () => cancelIdleCallback(handle);
}

/**
 * Counts how many tickets each check lets through in the window's idle time, a slice per idle period,
 * each slice starting at the latest `within` ms after the last. One pass over 100,000 tickets takes
 * ~25 ms here: done at once, it landed between the first rows' frame and the next, or between a
 * keystroke and its answer. `done` gets the counts once every ticket has been seen; the returned
 * function stops the count. The tickets must not change meanwhile (the store replaces its map).
 */
export function countWhenIdle(tickets: Iterable<QueueRow>, checks: readonly Check[], done: (counts: number[]) => void, within = 500): () => void {
  const iterator = tickets[Symbol.iterator]();
  const counts = checks.map(() => 0);
  let cancel = () => {};
  const slice = (deadline: Deadline) => {
    const until = performance.now() + Math.max(leastSliceMs, deadline.timeRemaining());
    if (countMatching(iterator, checks, counts, () => performance.now() >= until - 1)) done(counts);
    else cancel = onIdle(slice, within);
  };
  cancel = onIdle(slice, within);
  return () => cancel();
}
