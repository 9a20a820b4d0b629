import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRoutingReply } from '../../../../shared/routing/decision.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { useDeskServices } from '../../services.js';
import { Disclosure } from '../../ui/Disclosure.js';
import { useServerData } from '../channels/use-server-data.js';
import { RoutingDecisionView } from './RoutingDecisionView.js';
import './routing.css';

/**
 * "Why here?" in the ticket pane: how routing placed the ticket — the rule that chose its queue, the
 * skills asked, and every candidate's load at that moment. Only the server has the decisions, so it is
 * asked once the agent opens it, again when the ticket moves or is reassigned, and on the way back online.
 */
export function RoutingWhy({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('routing');
  const [open, setOpen] = useState(false);

  return (
    <Disclosure className="routing-why" open={open} onToggle={() => setOpen((wasOpen) => !wasOpen)} label={t('why.button')} hint={t('why.buttonHint')} region={t('why.region')}>
      <Decisions ticket={ticket} />
    </Disclosure>
  );
}

function Decisions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('routing');
  const { client } = useDeskServices();
  const data = useServerData<TicketRoutingReply>(`${ticket.id}|${ticket.queueId}|${ticket.assigneeId}`, () => client.call('tickets.routing', { id: ticket.id }));
  const retry = (
    <button type="button" className="button button--small" onClick={data.reload}>
      {t('why.retry')}
    </button>
  );

  if (data.status === 'loading') {
    return (
      <p className="routing-why__message" role="status">
        {t('why.loading')}
      </p>
    );
  }
  if (data.status === 'failed') {
    return (
      <div className="routing-why__message">
        <p role={data.failure.kind === 'offline' ? 'status' : 'alert'}>{data.failure.kind === 'offline' ? t('why.offline') : t('why.failed', { message: data.failure.message })}</p>
        {retry}
      </div>
    );
  }
  const [latest, ...earlier] = data.data.decisions;
  if (!latest) return <p className="routing-why__message">{t('why.none')}</p>;
  return (
    <div data-testid="routing-why">
      <RoutingDecisionView decision={latest} />
      {earlier.length > 0 && (
        <details className="routing-decision__earlier">
          <summary>{t('why.earlier', { count: earlier.length })}</summary>
          {earlier.map((decision) => (
            <RoutingDecisionView key={`${decision.at}-${decision.cause}`} decision={decision} />
          ))}
        </details>
      )}
    </div>
  );
}
