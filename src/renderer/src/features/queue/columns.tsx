import type { ReactNode } from 'react';
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import type { QueueColumnId } from '../../../../shared/queue/queue-view.js';
import { channelLabel, customerTierLabel, priorityLabel, statusLabel } from '../../ui/Badge.js';
import { mailableAddress } from '../../ui/email-address.js';
import { SlaCountdownText } from '../sla/SlaCountdown.js';

/**
 * The table keeps the sort state and draws the headers; the queue sorts and filters the tickets
 * itself (queue-model.ts), once per change rather than once per render, so rows arrive in order.
 */
export const queueTableFeatures = tableFeatures({ rowSortingFeature });
type Features = typeof queueTableFeatures;

/**
 * What the cells need besides their ticket, looked up once per table render: a translation hook in
 * each of the hundreds of cells on screen was a fifth of what a filter cost with 100,000 tickets.
 */
export interface QueueCellText {
  labels: TFunction<'labels'>;
  queue: TFunction<'queue'>;
  sla: TFunction<'sla'>;
  language: string;
  timeZone: string;
  myId: string | null;
  queueNames: ReadonlyMap<string, string>;
}

export function ColumnTitle({ column }: { column: QueueColumnId }) {
  const { t } = useTranslation('queue');
  return <>{t(`column.${column}`)}</>;
}

function Assignee({ assigneeId, text }: { assigneeId: string | null; text: QueueCellText }) {
  if (assigneeId === null) return <span className="assignee assignee--none">{text.queue('assignee.unassigned')}</span>;
  if (assigneeId === text.myId) return <span className="assignee assignee--me">{text.queue('assignee.me')}</span>;
  return <span className="assignee">{text.queue('assignee.assigned')}</span>;
}

/**
 * Each column's cell, drawn straight from the ticket: the rows on screen skip TanStack Table's cell
 * objects and FlexRender, which with ~40 rows of 10 cells were most of a filter's script time.
 */
export const queueCells: Record<QueueColumnId, (ticket: Ticket, text: QueueCellText) => ReactNode> = {
  number: (ticket) => <span className="ticket-number">#{ticket.number}</span>,
  subject: (ticket) => (
    <span className="ellipsis" title={ticket.subject}>
      {ticket.subject}
    </span>
  ),
  requester: (ticket) => (
    <span className="ellipsis" title={mailableAddress(ticket.requesterEmail) ?? undefined}>
      {ticket.requesterName}
    </span>
  ),
  channel: (ticket, text) => channelLabel(ticket.channel, text.labels),
  priority: (ticket, text) => priorityLabel(ticket.priority, text.labels),
  customerTier: (ticket, text) => customerTierLabel(ticket.customerTier, text.labels),
  status: (ticket, text) => statusLabel(ticket.status, text.labels),
  assignee: (ticket, text) => <Assignee assigneeId={ticket.assigneeId} text={text} />,
  queue: (ticket, text) => {
    const name = text.queueNames.get(ticket.queueId) ?? ticket.queueId;
    return (
      <span className="ellipsis" title={name}>
        {name}
      </span>
    );
  },
  sla: (ticket, text) => <SlaCountdownText ticket={ticket} t={text.sla} language={text.language} timeZone={text.timeZone} />,
};

const column = createColumnHelper<Features, Ticket>();

/** Module-level and stable: TanStack Table recomputes its models whenever the columns change. */
export const queueColumns = column.columns([
  column.accessor('number', {
    header: () => <ColumnTitle column="number" />,
  }),
  column.accessor('subject', {
    header: () => <ColumnTitle column="subject" />,
  }),
  column.accessor('requesterName', {
    id: 'requester',
    header: () => <ColumnTitle column="requester" />,
  }),
  column.accessor('channel', {
    header: () => <ColumnTitle column="channel" />,
  }),
  column.accessor('priority', {
    header: () => <ColumnTitle column="priority" />,
  }),
  column.accessor('customerTier', {
    header: () => <ColumnTitle column="customerTier" />,
  }),
  column.accessor('status', {
    header: () => <ColumnTitle column="status" />,
  }),
  column.accessor('assigneeId', {
    id: 'assignee',
    header: () => <ColumnTitle column="assignee" />,
  }),
  column.accessor('queueId', {
    id: 'queue',
    header: () => <ColumnTitle column="queue" />,
  }),
  column.accessor((ticket) => ticket.sla, {
    id: 'sla',
    header: () => <ColumnTitle column="sla" />,
  }),
]);
