import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { useTicketCommand } from '../../app/ticket-commands.js';
import { EscalateDialog } from './EscalateDialog.js';
import './escalation.css';

/** "Escalate" on an open ticket: the dialog to send it up a tier or to a queue, with a reason. */
export function EscalateButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('escalation');
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  useTicketCommand('escalate', () => {
    if (ticket.status !== 'closed') setOpen(true);
  });
  // A closed ticket is history: nobody is woken for it.
  if (ticket.status === 'closed') return null;

  return (
    <>
      <button type="button" className="button button--small ticket-escalate" data-testid="ticket-escalate" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span aria-hidden="true">⇧</span>
        {t('escalate.button')}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
      {open && (
        <EscalateDialog
          ticket={ticket}
          onClose={() => setOpen(false)}
          onEscalated={(queue) => {
            setOpen(false);
            setAnnouncement(t('escalate.done', { number: ticket.number, queue }));
          }}
        />
      )}
    </>
  );
}
