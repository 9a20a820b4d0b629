import { randomUUID } from 'node:crypto';
import { isoNow, type Clock } from '../../shared/clock.js';
import { LocaleSchema } from '../../shared/domain/people.js';
import { isPlaceholderAddress } from '../../shared/domain/requester-address.js';
import { enqueueOutbound } from '../outbound/outbound-queue.js';
import type { DeadlineWork } from '../scheduling/deadline-loop.js';
import type { ServerDb } from '../storage/database.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import { handoverAlertMail } from './alert-mail.js';
import type { HandoffStore } from './handoff-store.js';

const BATCH = 100;

/**
 * Alerts the supervisors about handovers nobody of the incoming shift acknowledged in time. The
 * deadline is the note's stored `alert_due_at`, so a server that was down at the time alerts as soon
 * as it is back. The alert is part of the note (every supervisor's console holds the note, as they
 * see every queue), and each supervisor is also mailed through the outbound queue in the same
 * transaction: an alert recorded is a mail queued.
 */
export function handoverAlerts(db: ServerDb, clock: Clock, handoffs: HandoffStore, feed: ChangeFeed, mailDomain: string): DeadlineWork {
  return {
    async runDue() {
      for (;;) {
        const now = isoNow(clock);
        const due = await db.selectFrom('handoff_notes').select(['id', 'queue_id']).where('alert_due_at', '<=', now).orderBy('alert_due_at').limit(BATCH).execute();
        if (due.length === 0) return;
        await db.transaction().execute(async (trx) => {
          const supervisors = await trx.selectFrom('users').select(['email', 'name', 'locale', 'time_zone']).where('role', '=', 'supervisor').orderBy('id').execute();
          for (const { id, queue_id } of due) {
            const note = await handoffs.markSupervisorsAlerted(trx, id, now);
            if (!note?.handover) continue;
            const queue = queue_id === null ? undefined : await trx.selectFrom('queues').select('name').where('id', '=', queue_id).executeTakeFirst();
            for (const supervisor of supervisors) {
              if (isPlaceholderAddress(supervisor.email)) continue;
              const locale = LocaleSchema.catch('en').parse(supervisor.locale);
              const mail = handoverAlertMail({ ...note, handover: note.handover }, queue?.name ?? null, { email: supervisor.email, name: supervisor.name, locale, timeZone: supervisor.time_zone });
              const headers = { messageId: `handoff-alert-${randomUUID()}@${mailDomain}` };
              await enqueueOutbound(trx, { ticketId: null, kind: 'handoff.alert', channel: 'email', to: supervisor.email, ...mail, headers }, now);
            }
          }
        });
        feed.committed();
        if (due.length < BATCH) return;
      }
    },
    async nextDeadline() {
      const next = await db.selectFrom('handoff_notes').select((eb) => eb.fn.min('alert_due_at').as('due')).executeTakeFirst();
      return next?.due ? String(next.due) : null;
    },
  };
}
