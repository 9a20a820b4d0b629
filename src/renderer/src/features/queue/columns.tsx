import { createContext, useContext, type ReactNode } from 'react';
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import type { QueueColumnId } from '../../../../shared/queue/queue-view.js';
import { useQueue } from '../../services.js';
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
}

export const QueueCellTextContext = createContext<QueueCellText | null>(null);

function useCellText(): QueueCellText {
  const text = useContext(QueueCellTextContext);
  if (!text) throw new Error('Queue cells are drawn inside QueueTable, which provides their text');
  return text;
}

export function ColumnTitle({ column }: { column: QueueColumnId }) {
  const { t } = useTranslation('queue');
  return <>{t(`column.${column}`)}</>;
}

function Assignee({ assigneeId }: { assigneeId: string | null }) {
  const { queue: t, myId } = useCellText();
  if (assigneeId === null) return <span className="assignee assignee--none">{t('assignee.unassigned')}</span>;
  if (assigneeId === myId) return <span className="assignee assignee--me">{t('assignee.me')}</span>;
  return <span className="assignee">{t('assignee.assigned')}</span>;
}

function QueueName({ queueId }: { queueId: string }) {
  const name = useQueue((state) => state.queues.find((queue) => queue.id === queueId)?.name ?? queueId);
  return (
    <span className="ellipsis" title={name}>
      {name}
    </span>
  );
}

function Label({ render }: { render(t: TFunction<'labels'>): ReactNode }) {
  return <>{render(useCellText().labels)}</>;
}

function Countdown({ ticket }: { ticket: Ticket }) {
  const { sla, language, timeZone } = useCellText();
  return <SlaCountdownText ticket={ticket} t={sla} language={language} timeZone={timeZone} />;
}

const column = createColumnHelper<Features, Ticket>();

/** Module-level and stable: TanStack Table recomputes its models whenever the columns change. */
export const queueColumns = column.columns([
  column.accessor('number', {
    header: () => <ColumnTitle column="number" />,
    cell: (info) => <span className="ticket-number">#{info.getValue()}</span>,
  }),
  column.accessor('subject', {
    header: () => <ColumnTitle column="subject" />,
    cell: (info) => (
      <span className="ellipsis" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor('requesterName', {
    id: 'requester',
    header: () => <ColumnTitle column="requester" />,
    cell: (info) => (
      <span className="ellipsis" title={mailableAddress(info.row.original.requesterEmail) ?? undefined}>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor('channel', {
    header: () => <ColumnTitle column="channel" />,
    cell: (info) => <Label render={(t) => channelLabel(info.getValue(), t)} />,
  }),
  column.accessor('priority', {
    header: () => <ColumnTitle column="priority" />,
    cell: (info) => <Label render={(t) => priorityLabel(info.getValue(), t)} />,
  }),
  column.accessor('customerTier', {
    header: () => <ColumnTitle column="customerTier" />,
    cell: (info) => <Label render={(t) => customerTierLabel(info.getValue(), t)} />,
  }),
  column.accessor('status', {
    header: () => <ColumnTitle column="status" />,
    cell: (info) => <Label render={(t) => statusLabel(info.getValue(), t)} />,
  }),
  column.accessor('assigneeId', {
    id: 'assignee',
    header: () => <ColumnTitle column="assignee" />,
    cell: (info) => <Assignee assigneeId={info.getValue()} />,
  }),
  column.accessor('queueId', {
    id: 'queue',
    header: () => <ColumnTitle column="queue" />,
    cell: (info) => <QueueName queueId={info.getValue()} />,
  }),
  column.accessor((ticket) => ticket.sla, {
    id: 'sla',
    header: () => <ColumnTitle column="sla" />,
    cell: (info) => <Countdown ticket={info.row.original} />,
  }),
]);
