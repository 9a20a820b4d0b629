import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Channel, CustomerTier, Priority, TicketStatus } from '../../../shared/domain/ticket.js';
import './badge.css';

/** Priority shows a coloured marker and its name: colour is never the only signal. */
export function PriorityLabel({ priority }: { priority: Priority }) {
  return priorityLabel(priority, useTranslation('labels').t);
}

type Labels = TFunction<'labels'>;

/**
 * The labels as plain functions of the translations, for a list that draws hundreds of them: the queue
 * looks its translations up once per render instead of once per cell.
 */
export function priorityLabel(priority: Priority, t: Labels) {
  return (
    <span className={`priority priority--${priority}`} data-priority={priority}>
      <span className="priority__marker" aria-hidden="true" />
      {t(`priority.${priority}`)}
    </span>
  );
}

export function StatusLabel({ status }: { status: TicketStatus }) {
  return statusLabel(status, useTranslation('labels').t);
}

export function statusLabel(status: TicketStatus, t: Labels) {
  return (
    <span className={`status status--${status}`} data-status={status} title={t(`status.${status}`)}>
      {t(`status.${status}`)}
    </span>
  );
}

export function ChannelLabel({ channel }: { channel: Channel }) {
  return channelLabel(channel, useTranslation('labels').t);
}

export function channelLabel(channel: Channel, t: Labels) {
  return (
    <span className="channel" title={t(`channel.${channel}`)}>
      {t(`channel.${channel}`)}
    </span>
  );
}

export function CustomerTierLabel({ tier }: { tier: CustomerTier }) {
  return customerTierLabel(tier, useTranslation('labels').t);
}

export function customerTierLabel(tier: CustomerTier, t: Labels) {
  return (
    <span className={`tier tier--${tier}`}>
      {tier === 'premium' && <span aria-hidden="true">★ </span>}
      {t(`customerTier.${tier}`)}
    </span>
  );
}

/** The same labels as pills, for the ticket header. */
export function Badge({ children, kind }: { children: ReactNode; kind: string }) {
  return <span className={`badge badge--${kind}`}>{children}</span>;
}
