import type { ReactNode } from 'react';
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { QueueRow } from '../../../../shared/queue/queue-row.js';
import type { QueueColumnId } from '../../../../shared/queue/queue-view.js';
import '../../ui/badge.css';
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

/**
 * A cell as the row draws it: its text (or the SLA countdown), and what its own box carries, a tone
 * class and the full text on hover. The text sits straight in the cell, not in a span of its own: a
 * window of rows is ~40 rows of 10 cells, and every element fewer is less to lay out on each filter.
 */
export interface QueueCell {
  content: ReactNode;
  className?: string;
  title?: string;
  priority?: QueueRow['priority'];
}

function assigneeCell(assigneeId: string | null, text: QueueCellText): QueueCell {
  if (assigneeId === null) return { content: text.queue('assignee.unassigned'), className: 'assignee--none' };
  if (assigneeId === text.myId) return { content: text.queue('assignee.me'), className: 'assignee--me' };
  return { content: text.queue('assignee.assigned') };
}

/**
 * Each column's cell, drawn straight from the ticket: the rows on screen skip TanStack Table's cell
 * objects and FlexRender, which with ~40 rows of 10 cells were most of a filter's script time.
 * The tone classes are the labels' own (ui/badge.css), so a priority reads the same here and in the pane.
 */
export const queueCells: Record<QueueColumnId, (ticket: QueueRow, text: QueueCellText) => QueueCell> = {
  number: (ticket) => ({ content: `#${ticket.number}`, className: 'ticket-number' }),
  subject: (ticket) => ({ content: ticket.subject, title: ticket.subject }),
  requester: (ticket) => ({ content: ticket.requesterName, title: mailableAddress(ticket.requesterEmail) ?? undefined }),
  channel: (ticket, text) => {
    const label = text.labels(`channel.${ticket.channel}`);
    return { content: label, title: label };
  },
  priority: (ticket, text) => ({ content: text.labels(`priority.${ticket.priority}`), className: `priority priority--${ticket.priority}`, priority: ticket.priority }),
  customerTier: (ticket, text) => ({ content: text.labels(`customerTier.${ticket.customerTier}`), className: `tier tier--${ticket.customerTier}` }),
  status: (ticket, text) => {
    const label = text.labels(`status.${ticket.status}`);
    return { content: label, title: label, className: `status status--${ticket.status}` };
  },
  assignee: (ticket, text) => assigneeCell(ticket.assigneeId, text),
  queue: (ticket, text) => {
    const name = text.queueNames.get(ticket.queueId) ?? ticket.queueId;
    return { content: name, title: name };
  },
  sla: (ticket, text) => ({ content: <SlaCountdownText headline={ticket.sla} t={text.sla} language={text.language} timeZone={text.timeZone} /> }),
};

const column = createColumnHelper<Features, QueueRow>();

/**
 * Module-level and stable: TanStack Table recomputes its models whenever the columns change. The
 * headers' titles are the table's to translate (QueueTable), once per render, not a hook per header.
 */
export const queueColumns = column.columns([
  column.accessor('number', {}),
  column.accessor('subject', {}),
  column.accessor('requesterName', { id: 'requester' }),
  column.accessor('channel', {}),
  column.accessor('priority', {}),
  column.accessor('customerTier', {}),
  column.accessor('status', {}),
  column.accessor('assigneeId', { id: 'assignee' }),
  column.accessor('queueId', { id: 'queue' }),
  column.accessor((ticket) => ticket.sla, { id: 'sla' }),
]);
