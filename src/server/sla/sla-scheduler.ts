import { isoNow, type Clock } from '../../shared/clock.js';
import { DeadlineLoop, realTimers, type DeadlineWork, type Timers } from '../scheduling/deadline-loop.js';
import type { ServerDb } from '../storage/database.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import type { TicketStore } from '../tickets/ticket-store.js';

const BATCH = 200;

/**
 * Wakes when the earliest ticket's clocks change (a warning, a breach) and recomputes the tickets
 * that are due, so the change reaches every console. Wake-up instants live in the tickets table:
 * a restart in between simply finds them overdue and fires at once.
 */
export class SlaScheduler extends DeadlineLoop {
  constructor(db: ServerDb, clock: Clock, tickets: TicketStore, feed: ChangeFeed, timers: Timers = realTimers) {
    super(slaWakeUps(db, clock, tickets, feed), clock, feed, timers);
  }
}

function slaWakeUps(db: ServerDb, clock: Clock, tickets: TicketStore, feed: ChangeFeed): DeadlineWork {
  return {
    async runDue() {
      for (;;) {
        const now = isoNow(clock);
        const due = await db.selectFrom('tickets').select('id').where('sla_wake_at', '<=', now).orderBy('sla_wake_at').limit(BATCH).execute();
        if (due.length === 0) return;
        const changed = await db.transaction().execute(async (trx) => {
          let any = false;
          for (const ticket of due) any = (await tickets.recomputeSla(trx, ticket.id)) !== null || any;
          return any;
        });
        if (changed) feed.committed();
        if (due.length < BATCH) return;
      }
    },
    async nextDeadline() {
      const next = await db.selectFrom('tickets').select((eb) => eb.fn.min('sla_wake_at').as('wake')).executeTakeFirst();
      return next?.wake ? String(next.wake) : null;
    },
  };
}
