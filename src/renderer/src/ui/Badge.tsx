import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, CustomerTier, Priority, TicketStatus } from '../../../shared/domain/ticket.js';
import './badge.css';

/** Priority shows a marker of its own shape and colour (badge.css) and its name: colour is never the only signal. */
export function PriorityLabel({ priority }: { priority: Priority }) {
  const { t } = useTranslation('labels');
  return (
    <span className={`priority priority--${priority}`} data-priority={priority}>
      {t(`priority.${priority}`)}
    </span>
  );
}

export function StatusLabel({ status }: { status: TicketStatus }) {
  const { t } = useTranslation('labels');
  return (
    <span className={`status status--${status}`} data-status={status} title={t(`status.${status}`)}>
      {t(`status.${status}`)}
    </span>
  );
}

export function ChannelLabel({ channel }: { channel: Channel }) {
  const { t } = useTranslation('labels');
  return (
    <span className="channel" title={t(`channel.${channel}`)}>
      {t(`channel.${channel}`)}
    </span>
  );
}

/** Premium carries a star (badge.css) beside its name. */
export function CustomerTierLabel({ tier }: { tier: CustomerTier }) {
  const { t } = useTranslation('labels');
  return <span className={`tier tier--${tier}`}>{t(`customerTier.${tier}`)}</span>;
}

/** The same labels as pills, for the ticket header. */
export function Badge({ children, kind }: { children: ReactNode; kind: string }) {
  return <span className={`badge badge--${kind}`}>{children}</span>;
}
