import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalls, useConnectionStatus, useQueue } from '../../services.js';
import { formatDuration } from './call-draft.js';

/**
 * Calls logged here that the server has not confirmed: a call that opens a new ticket has no thread
 * to show it in until the ticket arrives, so this is where the agent sees it is not lost.
 */
export function PendingCalls() {
  const { t } = useTranslation('phone');
  const pending = useCalls((state) => state.pending);
  const tickets = useQueue((state) => state.tickets);
  const connection = useConnectionStatus();
  const headingId = useId();
  if (pending.length === 0) return null;
  const state = connection === 'offline' || connection === 'signedOut' ? 'waiting' : 'sending';

  return (
    <section className="pending-calls" aria-labelledby={headingId} data-testid="pending-calls">
      <h3 id={headingId} className="pending-calls__heading">
        {t('waiting', { count: pending.length })}
      </h3>
      <ul className="pending-calls__list">
        {pending.map(({ id, call }) => {
          const number = call.ticketId === undefined ? null : (tickets.get(call.ticketId)?.number ?? null);
          return (
            <li key={id} className="pending-call" data-testid="pending-call">
              <span className="pending-call__what">
                {call.ticketId === undefined
                  ? t('pending.newTicket', { subject: call.subject ?? '' })
                  : number === null
                    ? t('pending.onUnlistedTicket')
                    : t('pending.onTicket', { number })}
              </span>
              <span className="pending-call__state">
                <span aria-hidden="true">{state === 'sending' ? '↻' : '◷'}</span> {t(`pending.${state}`)}
              </span>
              <span className="pending-call__caller">
                {call.callerName} · {call.callerPhone} · {formatDuration(call.durationSeconds)} · {t(`outcome.${call.outcome}`)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
