import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import type { QueueColumnId } from '../../../../shared/queue/queue-view.js';
import { useQueue, useSession } from '../../services.js';
import { ChannelLabel, CustomerTierLabel, PriorityLabel, StatusLabel } from '../../ui/Badge.js';
import { mailableAddress } from '../../ui/email-address.js';
import { SlaCountdown } from '../sla/SlaCountdown.js';

/**
 * The table keeps the sort state and draws the headers; the queue sorts and filters the tickets
 * itself (queue-model.ts), once per change rather than once per render, so rows arrive in order.
 */
export const queueTableFeatures = tableFeatures({ rowSortingFeature });
type Features = typeof queueTableFeatures;

export function ColumnTitle({ column }: { column: QueueColumnId }) {
  const { t } = useTranslation('queue');
  return <>{t(`column.${column}`)}</>;
}

function Assignee({ assigneeId }: { assigneeId: string | null }) {
  const { t } = useTranslation('queue');
  const myId = useSession((session) => session.user?.id);
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
    cell: (info) => <ChannelLabel channel={info.getValue()} />,
  }),
  column.accessor('priority', {
    header: () => <ColumnTitle column="priority" />,
    cell: (info) => <PriorityLabel priority={info.getValue()} />,
  }),
  column.accessor('customerTier', {
    header: () => <ColumnTitle column="customerTier" />,
    cell: (info) => <CustomerTierLabel tier={info.getValue()} />,
  }),
  column.accessor('status', {
    header: () => <ColumnTitle column="status" />,
    cell: (info) => <StatusLabel status={info.getValue()} />,
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
    cell: (info) => <SlaCountdown ticket={info.row.original} />,
  }),
]);
