import type { Clock } from '../../shared/clock.js';
import type { ChangeFeed } from '../sync/change-feed.js';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

/** Even with nothing due, look again now and then: a clock jump or another node's write is caught. */
const MAX_SLEEP_MS = 60_000;

export interface DeadlineWork {
  /** Does everything whose time has come. */
  runDue(): Promise<void>;
  /** The earliest stored deadline (ISO), or null when nothing waits. */
  nextDeadline(): Promise<string | null>;
}

/**
 * Sleeps until the earliest deadline stored in the database, does what is due, and sleeps again.
 * Deadlines live in tables, not in memory, so a restart finds them overdue and fires at once; every
 * commit wakes the loop, because it may have brought a deadline forward.
 */
export class DeadlineLoop {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly work: DeadlineWork,
    private readonly clock: Clock,
    feed: ChangeFeed,
    private readonly timers: Timers = realTimers,
  ) {
    this.unsubscribe = feed.subscribe(() => void this.schedule());
  }

  async start(): Promise<void> {
    await this.runDue();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Does what is due; answers when done (tests drive time through this). */
  async runDue(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.work.runDue().finally(() => {
      this.running = null;
    });
    await this.running;
    await this.schedule();
  }

  private async schedule(): Promise<void> {
    if (this.stopped) return;
    const next = await this.work.nextDeadline();
    if (this.stopped) return;
    const wakeMs = next ? Date.parse(next) - this.clock.now() : MAX_SLEEP_MS;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => void this.runDue().catch((error: unknown) => console.error('shiftdesk: scheduled work failed', error)), Math.min(Math.max(wakeMs, 0), MAX_SLEEP_MS));
  }
}
