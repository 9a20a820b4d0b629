import { isoNow, type Clock } from '../../shared/clock.js';
import type { ServerDb } from '../storage/database.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import type { TicketStore } from '../tickets/ticket-store.js';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Even with nothing due, look again now and then: a clock jump or another node's write is caught. */
const MAX_SLEEP_MS = 60_000;
const BATCH = 200;

/**
 * Wakes when the earliest ticket's clocks change (a warning, a breach) and recomputes the tickets
 * that are due, so the change reaches every console. Wake-up instants live in the tickets table,
 * not in memory: a restart in between simply finds them overdue and fires at once.
 */
export class SlaScheduler {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly db: ServerDb,
    private readonly clock: Clock,
    private readonly tickets: TicketStore,
    private readonly feed: ChangeFeed,
    private readonly timers: Timers = { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
  ) {
    // A commit may have brought a wake-up forward (a new critical ticket): look again.
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

  /** Recomputes every ticket whose wake-up has come; answers when done (tests drive time through this). */
  async runDue(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.recomputeDue().finally(() => {
      this.running = null;
    });
    await this.running;
    await this.schedule();
  }

  private async recomputeDue(): Promise<void> {
    for (;;) {
      const now = isoNow(this.clock);
      const due = await this.db.selectFrom('tickets').select('id').where('sla_wake_at', '<=', now).orderBy('sla_wake_at').limit(BATCH).execute();
      if (due.length === 0) return;
      const changed = await this.db.transaction().execute(async (trx) => {
        let any = false;
        for (const ticket of due) any = (await this.tickets.recomputeSla(trx, ticket.id)) !== null || any;
        return any;
      });
      if (changed) this.feed.committed();
      if (due.length < BATCH) return;
    }
  }

  private async schedule(): Promise<void> {
    if (this.stopped) return;
    const next = await this.db.selectFrom('tickets').select((eb) => eb.fn.min('sla_wake_at').as('wake')).executeTakeFirst();
    if (this.stopped) return;
    const wakeMs = next?.wake ? Date.parse(String(next.wake)) - this.clock.now() : MAX_SLEEP_MS;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => void this.runDue(), Math.min(Math.max(wakeMs, 0), MAX_SLEEP_MS));
  }
}
