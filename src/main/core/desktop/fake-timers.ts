import type { Timers } from '../alerts/alerter.js';

/** Timers on a clock a test moves by hand: the desktop logic's waits run deterministically and instantly. */
export function fakeTimers(start: number) {
  let now = start;
  const waiting: { run: () => void; at: number }[] = [];
  const timers: Timers = {
    setTimeout: (run, ms) => {
      const handle = { run, at: now + ms };
      waiting.push(handle);
      return handle;
    },
    clearTimeout: (handle) => {
      const index = waiting.indexOf(handle as (typeof waiting)[number]);
      if (index >= 0) waiting.splice(index, 1);
    },
  };
  return {
    timers,
    now: () => now,
    /** When the next timer falls due, if one is set. */
    nextAt: (): number | null => (waiting.length === 0 ? null : Math.min(...waiting.map((timer) => timer.at))),
    /** How many timers are set. */
    pending: () => waiting.length,
    /** Moves the clock on, running every timer that falls due, in order. */
    advance(ms: number): void {
      const until = now + ms;
      for (;;) {
        const next = waiting.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        waiting.splice(waiting.indexOf(next), 1);
        now = next.at;
        next.run();
      }
      now = until;
    },
  };
}
