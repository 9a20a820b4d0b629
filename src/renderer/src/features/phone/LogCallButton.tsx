import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, Ticket } from '../../../../shared/domain/ticket.js';
import { useCalls, useDeskServices } from '../../services.js';
import { LogCallDialog } from './LogCallDialog.js';
import './phone.css';

/**
 * The top bar's way to log a call, with a count of calls still waiting to be sent. The one dialog
 * lives here, whichever button opened it, and says so when a call is logged.
 */
export function LogCallButton() {
  const { calls } = useDeskServices();
  const { t } = useTranslation('phone');
  const waiting = useCalls((state) => state.pending.length);
  const dialogOpen = useCalls((state) => state.dialogOpen);
  const [announcement, setAnnouncement] = useState('');

  return (
    <>
      <button type="button" className="button log-call-button" data-testid="log-call-button" aria-haspopup="dialog" onClick={() => calls.getState().open()}>
        <span className="log-call-button__icon" aria-hidden="true">
          ☎
        </span>
        {t('button')}
        {waiting > 0 && (
          <>
            <span className="count-badge" data-testid="log-call-badge" aria-hidden="true">
              {waiting}
            </span>
            <span className="visually-hidden">, {t('waiting', { count: waiting })}</span>
          </>
        )}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
      {dialogOpen && <LogCallDialog onLogged={() => setAnnouncement(t('form.logged'))} />}
    </>
  );
}

/** "Log call" on an open ticket: the dialog on that ticket, its caller filled in from the ticket's last call. */
export function LogCallOnTicket({ ticket, messages }: { ticket: Ticket; messages: readonly Message[] }) {
  const { calls } = useDeskServices();
  const { t } = useTranslation('phone');
  // A closed ticket is history: a call about it opens a new ticket from the top bar.
  if (ticket.status === 'closed') return null;
  const lastCall = messages.findLast((message) => message.call)?.call;

  return (
    <button
      type="button"
      className="button button--small ticket-log-call"
      data-testid="ticket-log-call"
      aria-haspopup="dialog"
      onClick={() => calls.getState().open({ ticket, ...(lastCall ? { callerPhone: lastCall.callerPhone } : {}) })}
    >
      <span className="log-call-button__icon" aria-hidden="true">
        ☎
      </span>
      {t('button')}
    </button>
  );
}
