import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/format.js';
import { EscalationItem } from './EscalationItem.js';
import { useTicketEscalations } from './use-ticket-escalations.js';
import './escalation.css';

/**
 * The ticket's escalations in the ticket view, newest first: the escalating agent sees who is paged,
 * who declined and why, and who acknowledged when. Nothing at all for a ticket never escalated.
 * `named`: the ticket itself is not on screen (it left the agent's queues), so the list says which it is.
 */
export function TicketEscalations({ ticketId, named = false }: { ticketId: string; named?: boolean }) {
  const { t } = useTranslation('escalation');
  const { escalations, error } = useTicketEscalations(ticketId);
  const headingId = useId();
  if (escalations.length === 0 && error === null) return null;

  return (
    <section className="ticket-escalations" aria-labelledby={headingId} data-testid="ticket-escalations">
      <h3 id={headingId} className="ticket-escalations__heading">
        {named && escalations[0] ? t('list.headingOf', { number: escalations[0].ticketNumber, subject: escalations[0].ticketSubject }) : t('list.heading')}{' '}
        <span className="muted">· {t('list.count', { count: escalations.length })}</span>
      </h3>
      {error !== null && (
        <p role="alert" className="ticket-escalations__error">
          {t('list.loadFailed', { message: errorMessage(error) })}
        </p>
      )}
      <ol className="ticket-escalations__list">
        {escalations.map((escalation) => (
          <EscalationItem key={escalation.id} escalation={escalation} />
        ))}
      </ol>
    </section>
  );
}
