import type { Clock } from '../../shared/clock.js';

export interface SteppingClock extends Clock {
  /** Jumps ahead: "two hours later" without waiting for it. */
  advance(ms: number): void;
}

/**
 * Real time from `start`, which tests move forward by hand. It keeps ticking between jumps, so
 * changes made one after another still get times in that order (what "changed by X meanwhile" and
 * stale replies go by), unlike a clock that stands still.
 */
export function steppingClock(start = Date.now()): SteppingClock {
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
  };
}
