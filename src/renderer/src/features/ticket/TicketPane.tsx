import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices, useTicketPane } from '../../services.js';
import { Badge, ChannelLabel, CustomerTierLabel } from '../../ui/Badge.js';
import { mailableAddress } from '../../ui/email-address.js';
import { errorMessage, useDateTimeFormat } from '../../ui/format.js';
import { SlaCountdown } from '../sla/SlaCountdown.js';
import { SlaSection } from '../sla/SlaSection.js';
import { RoutingWhy } from '../routing/RoutingWhy.js';
import { LogCallOnTicket } from '../phone/LogCallButton.js';
import { EscalateButton } from '../escalation/EscalateButton.js';
import { TicketEscalations } from '../escalation/TicketEscalations.js';
import { TicketAssets } from '../remote/TicketAssets.js';
import { SuggestedArticles } from '../knowledge/SuggestedArticles.js';
import { Composer } from './Composer.js';
import { AssigneeFact, TicketControls } from './TicketControls.js';
import type { LocalTicketDetail } from './ticket-store.js';
import { Thread } from './Thread.js';
import { PresenceNotice } from './PresenceNotice.js';
import './ticket.css';

export function TicketPane() {
  const { ticketPane } = useDeskServices();
  const { t } = useTranslation('ticket');
  useEffect(() => ticketPane.getState().connect(), [ticketPane]);
  const status = useTicketPane((state) => state.status);
  const detail = useTicketPane((state) => state.detail);
  const error = useTicketPane((state) => state.error);
  const openId = useTicketPane((state) => state.openId);

  return (
    <aside className="ticket-pane" aria-label={t('pane')}>
      {status === 'ready' && detail ? (
        <TicketView detail={detail} onClose={() => ticketPane.getState().close()} />
      ) : (
        <>
          <p className="ticket-pane__message" role={status === 'error' ? 'alert' : 'status'}>
            {status === 'loading'
              ? t('loading')
              : status === 'missing'
                ? t('missing')
                : status === 'error'
                  ? t('loadFailed', { message: errorMessage(error) })
                  : t('empty')}
          </p>
          {/* Escalated to a queue this agent cannot see: its escalations still say who took it. */}
          {status === 'missing' && openId && <TicketEscalations ticketId={openId} named />}
        </>
      )}
    </aside>
  );
}

function TicketView({ detail, onClose }: { detail: LocalTicketDetail; onClose(): void }) {
  const { t } = useTranslation('ticket');
  const formatDateTime = useDateTimeFormat();
  const { ticket } = detail;

  return (
    <article className="ticket" aria-labelledby="ticket-subject" data-testid="ticket-pane">
      <header className="ticket__header">
        <div className="ticket__title-row">
          <span className="ticket__number">#{ticket.number}</span>
          <h2 id="ticket-subject" className="ticket__subject">
            {ticket.subject}
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('close')} title={t('close')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <PresenceNotice ticketId={ticket.id} />
        {/* Keyed: a choice still on its way belongs to the ticket it was made on. */}
        <TicketControls key={ticket.id} ticket={ticket} />
        <div className="ticket__badges">
          <Badge kind="tier">
            <CustomerTierLabel tier={ticket.customerTier} />
          </Badge>
          <Badge kind="channel">
            <ChannelLabel channel={ticket.channel} />
          </Badge>
          <EscalateButton ticket={ticket} />
          <LogCallOnTicket ticket={ticket} messages={detail.messages} />
        </div>
        <dl className="ticket__facts">
          <dt>{t('requester')}</dt>
          <dd>
            {ticket.requesterName} <RequesterAddress email={ticket.requesterEmail} />
          </dd>
          <dt>{t('created')}</dt>
          <dd>
            <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt)}</time>
          </dd>
          <AssigneeFact key={ticket.id} ticket={ticket} />
          <dt>{t('sla')}</dt>
          <dd data-testid="sla-countdown-headline">
            <SlaCountdown ticket={ticket} />
          </dd>
        </dl>
        {/* Keyed: another ticket starts with its "Why here?" closed. */}
        <RoutingWhy key={ticket.id} ticket={ticket} />
      </header>
      <TicketEscalations ticketId={ticket.id} />
      <TicketAssets ticket={ticket} />
      {/* Keyed: another ticket starts with its "Why?" closed. */}
      <SlaSection key={ticket.id} ticket={ticket} />
      <Thread messages={detail.messages} events={detail.events} pendingMessageIds={detail.pendingMessageIds} />
      <SuggestedArticles ticket={ticket} />
      <Composer ticket={ticket} />
    </article>
  );
}

/** A caller or a webhook's author may have no address the desk can write to: say so, not the placeholder. */
function RequesterAddress({ email }: { email: string }) {
  const { t } = useTranslation('labels');
  const address = mailableAddress(email);
  return <span className="muted">{address ? `<${address}>` : `(${t('noEmailAddress')})`}</span>;
}
