import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Clock } from '../../../../shared/clock.js';

export interface TickerState {
  now: number;
}

/**
 * One clock for every countdown on screen: a single interval, started when the first countdown
 * appears and stopped when the last one goes, instead of one timer per table row.
 */
export interface Ticker {
  store: StoreApi<TickerState>;
  /** Keeps the ticker running until the returned release is called. */
  retain(): () => void;
}

export function createTicker(clock: Clock, intervalMs = 1000): Ticker {
  const store = createStore<TickerState>()(() => ({ now: clock.now() }));
  let holders = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => store.setState({ now: clock.now() });

  return {
    store,
    retain() {
      if (holders++ === 0) {
        tick(); // the clock may have been stopped for a while
        timer = setInterval(tick, intervalMs);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holders === 0) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
