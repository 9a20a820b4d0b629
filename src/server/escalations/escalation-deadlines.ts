import { isoNow, type Clock } from '../../shared/clock.js';
import type { DeadlineWork } from '../scheduling/deadline-loop.js';
import type { ServerDb } from '../storage/database.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import type { EscalationService } from './escalation-service.js';

const BATCH = 100;

/**
 * Acknowledgement timeouts, read from the escalations table: a restart between a page and its
 * timeout finds the deadline passed and climbs at once. Each timeout is its own transaction, which
 * re-reads the escalation, so one acknowledged meanwhile (or fired by another node) is left alone.
 */
export function escalationDeadlines(db: ServerDb, clock: Clock, feed: ChangeFeed, escalations: EscalationService): DeadlineWork {
  return {
    async runDue() {
      for (;;) {
        const due = await db.selectFrom('escalations').select('id').where('state', '=', 'paging').where('deadline_at', '<=', isoNow(clock)).orderBy('deadline_at').limit(BATCH).execute();
        let fired = false;
        for (const { id } of due) fired = (await db.transaction().execute((trx) => escalations.timeOut(trx, id))) || fired;
        if (fired) feed.committed();
        if (due.length < BATCH) return;
      }
    },
    async nextDeadline() {
      const next = await db.selectFrom('escalations').select((eb) => eb.fn.min('deadline_at').as('at')).where('state', '=', 'paging').executeTakeFirst();
      return next?.at ? String(next.at) : null;
    },
  };
}
