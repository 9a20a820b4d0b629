import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  type SortFn,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { priorities, ticketStatuses, type Ticket } from '../../../../shared/domain/ticket.js';
import { channels, customerTiers } from '../../../../shared/domain/ticket.js';
import { useSession } from '../../services.js';
import { ChannelLabel, CustomerTierLabel, PriorityLabel, StatusLabel } from '../../ui/Badge.js';
import { mailableAddress } from '../../ui/email-address.js';
import { SlaCountdown } from '../sla/SlaCountdown.js';
import { compareByUrgency, headlineDueAt } from './urgency.js';

export const queueTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
});
type Features = typeof queueTableFeatures;

export type QueueColumnId =
  | 'number'
  | 'subject'
  | 'requester'
  | 'channel'
  | 'priority'
  | 'customerTier'
  | 'status'
  | 'assignee'
  | 'sla';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Comparators return ascending order; the table reverses them for a descending sort. */
const byTicket =
  (compare: (a: Ticket, b: Ticket) => number): SortFn<Features, Ticket> =>
  (rowA, rowB) =>
    compare(rowA.original, rowB.original) || rowA.original.number - rowB.original.number;
const byOrder = <T extends string>(order: readonly T[], pick: (ticket: Ticket) => T) =>
  byTicket((a, b) => order.indexOf(pick(a)) - order.indexOf(pick(b)));
const byText = (pick: (ticket: Ticket) => string) => byTicket((a, b) => collator.compare(pick(a), pick(b)));

function ColumnTitle({ column }: { column: QueueColumnId }) {
  const { t } = useTranslation('queue');
  return <>{t(`column.${column}`)}</>;
}

function Assignee({ assigneeId }: { assigneeId: string | null }) {
  const { t } = useTranslation('queue');
  const myId = useSession((session) => session.user?.id);
  // The replica knows only the signed-in agent's name, so anyone else is simply "Assigned".
  if (assigneeId === null) return <span className="assignee assignee--none">{t('assignee.unassigned')}</span>;
  if (assigneeId === myId) return <span className="assignee assignee--me">{t('assignee.me')}</span>;
  return <span className="assignee">{t('assignee.assigned')}</span>;
}

const column = createColumnHelper<Features, Ticket>();

/** Module-level and stable: TanStack Table recomputes its models whenever the columns change. */
export const queueColumns = column.columns([
  column.accessor('number', {
    header: () => <ColumnTitle column="number" />,
    cell: (info) => <span className="ticket-number">#{info.getValue()}</span>,
    sortFn: byTicket((a, b) => a.number - b.number),
  }),
  column.accessor('subject', {
    header: () => <ColumnTitle column="subject" />,
    cell: (info) => (
      <span className="ellipsis" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
    sortFn: byText((ticket) => ticket.subject),
  }),
  column.accessor('requesterName', {
    id: 'requester',
    header: () => <ColumnTitle column="requester" />,
    cell: (info) => (
      <span className="ellipsis" title={mailableAddress(info.row.original.requesterEmail) ?? undefined}>
        {info.getValue()}
      </span>
    ),
    sortFn: byText((ticket) => ticket.requesterName),
  }),
  column.accessor('channel', {
    header: () => <ColumnTitle column="channel" />,
    cell: (info) => <ChannelLabel channel={info.getValue()} />,
    sortFn: byOrder(channels, (ticket) => ticket.channel),
  }),
  column.accessor('priority', {
    header: () => <ColumnTitle column="priority" />,
    cell: (info) => <PriorityLabel priority={info.getValue()} />,
    sortFn: byOrder(priorities, (ticket) => ticket.priority),
  }),
  column.accessor('customerTier', {
    header: () => <ColumnTitle column="customerTier" />,
    cell: (info) => <CustomerTierLabel tier={info.getValue()} />,
    // Premium first when sorted ascending: it is the tier with the tighter targets.
    sortFn: byOrder([...customerTiers].reverse(), (ticket) => ticket.customerTier),
  }),
  column.accessor('status', {
    header: () => <ColumnTitle column="status" />,
    cell: (info) => <StatusLabel status={info.getValue()} />,
    sortFn: byOrder(ticketStatuses, (ticket) => ticket.status),
  }),
  column.accessor('assigneeId', {
    id: 'assignee',
    header: () => <ColumnTitle column="assignee" />,
    cell: (info) => <Assignee assigneeId={info.getValue()} />,
    // Unassigned first: that is the work nobody has picked up yet.
    sortFn: byTicket((a, b) => Number(a.assigneeId !== null) - Number(b.assigneeId !== null)),
  }),
  // The value is the due time of the headline clock while it counts; sorting uses the full urgency order.
  column.accessor((ticket) => headlineDueAt(ticket), {
    id: 'sla',
    header: () => <ColumnTitle column="sla" />,
    cell: (info) => <SlaCountdown ticket={info.row.original} />,
    sortFn: byTicket(compareByUrgency),
  }),
]);

export const defaultSorting = [{ id: 'sla', desc: false }];
