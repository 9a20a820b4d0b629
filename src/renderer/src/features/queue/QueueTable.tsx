import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../shared/queue/queue-row.js';
import type { QueueColumnId, QueueSort } from '../../../../shared/queue/queue-view.js';
import { QueueColumnIdSchema } from '../../../../shared/queue/queue-view.js';
import { queueCells, queueColumns, queueTableFeatures, type QueueCellText } from './columns.js';
import { useQueue, useSession } from '../../services.js';
import { useRowWindow } from './row-window.js';
import { useTimeZone } from '../../ui/format.js';

export interface QueueTableProps {
  /** Already filtered and in order (queue-model.ts). */
  tickets: QueueRow[];
  sort: QueueSort;
  onSort(sort: QueueSort): void;
  /** The row the keyboard is on; kept by the view, so shortcuts anywhere can move it. */
  selectedId: string | null;
  onSelect(id: string): void;
  /** The ticket shown in the pane, marked in the table. */
  openId: string | null;
  onOpen(id: string): void;
  onClose(): void;
  /** Shown in the body when there are no rows (loading, empty, failed). */
  emptyMessage: string;
}

const noRows: QueueRow[] = [];
/** The body's columns, in the headers' order (columns.tsx lists both the same way). */
const columnIds = Object.keys(queueCells) as QueueColumnId[];
export const rowDomId = (ticketId: string) => `queue-row-${ticketId}`;
const pageStep = 10;
/**
 * A desk's own queues (a few hundred tickets) are drawn whole, so find-in-page and a screen reader's
 * table commands see every row; past that only the rows in view, and a few around them, exist.
 */
const drawWholeUpTo = 300;
// As many rows around the view as a bare virtual list keeps: every row more is redrawn on each filter.
const overscan = 5;

/** The density's row height (--row-height on <html>; compact mode changes it), in pixels. */
function readRowHeight(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--row-height')) || 28;
}

function useRowHeight(): number {
  const [height, setHeight] = useState(readRowHeight);
  useEffect(() => {
    // The density is switched by a class or attribute on <html>; read the variable again when it is.
    const observer = new MutationObserver(() => setHeight(readRowHeight()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-density', 'style'] });
    return () => observer.disconnect();
  }, []);
  return height;
}

/**
 * A translation function that remembers its answers. The same few hundred labels and countdown texts
 * recur in every window of rows, and i18next's t (key parsing, resource lookup, interpolation) was a
 * third of a filter's script time. Made afresh with the cell text, so a language change starts over.
 */
function remembering<T extends (...args: never[]) => unknown>(translate: T): T {
  const known = new Map<string, unknown>();
  return ((...args: Parameters<T>) => {
    const id = JSON.stringify(args);
    if (known.has(id)) return known.get(id);
    // Countdown texts carry times; past a few thousand the oldest answers are not worth keeping.
    if (known.size >= 5000) known.clear();
    const text = translate(...args);
    known.set(id, text);
    return text;
  }) as T;
}

export function QueueTable({ tickets, sort, onSort, selectedId, onSelect, openId, onOpen, onClose, emptyMessage }: QueueTableProps) {
  const { t, i18n } = useTranslation('queue');
  const labels = useTranslation('labels').t;
  const sla = useTranslation('sla').t;
  const timeZone = useTimeZone();
  const myId = useSession((session) => session.user?.id ?? null);
  const queues = useQueue((state) => state.queues);
  const cellText = useMemo<QueueCellText>(
    () => ({ labels: remembering(labels), queue: remembering(t), sla: remembering(sla), language: i18n.language, timeZone, myId, queueNames: new Map(queues.map((q) => [q.id, q.name])) }),
    [labels, t, sla, i18n.language, timeZone, myId, queues],
  );
  const tableRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight();
  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.desc }], [sort]);
  const inView = useRowWindow(scrollRef, bodyRef, tickets.length, rowHeight, overscan);
  const { scrollToIndex } = inView;

  const whole = tickets.length <= drawWholeUpTo;
  const first = whole ? 0 : inView.first;
  const last = whole ? tickets.length - 1 : inView.last;
  // The table draws the headers and keeps the sort; the rows are drawn from the tickets directly.
  const table = useTable({
    features: queueTableFeatures,
    columns: queueColumns,
    data: noRows,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      const column = QueueColumnIdSchema.safeParse(next?.id);
      if (next && column.success) onSort({ column: column.data, desc: next.desc });
    },
    manualSorting: true,
    enableSortingRemoval: false, // the queue always has an order; clicking again flips it
    enableMultiSort: false,
    sortDescFirst: false,
  });
  const selectedIndex = useMemo(() => (selectedId === null ? -1 : tickets.findIndex((ticket) => ticket.id === selectedId)), [tickets, selectedId]);
  const activeId = selectedIndex >= first && selectedIndex <= last ? selectedId : null;

  // The queue is where a shift works: it takes the keyboard when it appears (e.g. right after sign-in).
  useEffect(() => tableRef.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    if (selectedIndex >= 0) scrollToIndex(selectedIndex);
  }, [scrollToIndex, selectedIndex]);

  function select(index: number) {
    const ticket = tickets[Math.max(0, Math.min(tickets.length - 1, index))];
    if (ticket) onSelect(ticket.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return; // keys on the sort buttons are theirs
    switch (event.key) {
      case 'ArrowDown':
        select(selectedIndex < 0 ? 0 : selectedIndex + 1);
        break;
      case 'ArrowUp':
        select(selectedIndex < 0 ? 0 : selectedIndex - 1);
        break;
      case 'PageDown':
        select(selectedIndex + pageStep);
        break;
      case 'PageUp':
        select(selectedIndex - pageStep);
        break;
      case 'Home':
        select(0);
        break;
      case 'End':
        select(tickets.length - 1);
        break;
      case 'Enter':
        if (selectedIndex >= 0) onOpen(tickets[selectedIndex]!.id);
        break;
      case 'Escape':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const columnCount = columnIds.length;
  const drawnRows: { ticket: QueueRow; index: number; start: number }[] = [];
  for (let index = first; index <= last; index++) drawnRows.push({ ticket: tickets[index]!, index, start: index * rowHeight });

  return (
    <div className="queue-table-scroll" ref={scrollRef}>
      <div
        ref={tableRef}
        className="queue-table"
        role="grid"
        aria-label={t('tickets')}
        aria-describedby="queue-keyboard-hint"
        aria-rowcount={tickets.length + 1}
        aria-colcount={columnCount}
        aria-activedescendant={activeId ? rowDomId(activeId) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ ['--queue-row-height' as string]: `${rowHeight}px` }}
      >
        <div role="rowgroup" className="queue-table__head">
          {table.getHeaderGroups().map((group) => (
            <div role="row" key={group.id} aria-rowindex={1} className="queue-table__row">
              {group.headers.map((header, column) => {
                const sorted = header.column.getIsSorted();
                return (
                  <div
                    key={header.id}
                    role="columnheader"
                    aria-colindex={column + 1}
                    className={`queue-table__cell cell-${header.column.id}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.isPlaceholder ? null : (
                      <button type="button" className="sort-button" data-column={header.column.id} onClick={header.column.getToggleSortingHandler()}>
                        <span className="sort-button__label">
                          {t(`column.${header.column.id as QueueColumnId}`)}
                        </span>
                        <span className="sort-indicator" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {/* Rows are placed absolutely in a body of the full height, so a filter or a scroll lays out only them. */}
        <div role="rowgroup" className="queue-table__body" ref={bodyRef} style={{ height: tickets.length * rowHeight }}>
          {drawnRows.map(({ ticket, index, start }, offset) => (
            // Keyed by place, as a bare virtual list is: a filter or a scroll then rewrites the text of
            // the rows on screen instead of taking them down and building new ones.
            <QueueRowView
              key={offset}
              ticket={ticket}
              rowIndex={index + 2}
              start={start}
              selected={index === selectedIndex}
              open={ticket.id === openId}
              onSelect={onSelect}
              onOpen={onOpen}
              text={cellText}
            />
          ))}
        </div>
      </div>
      {tickets.length === 0 && <p className="queue-table__empty">{emptyMessage}</p>}
    </div>
  );
}

interface QueueRowViewProps {
  ticket: QueueRow;
  rowIndex: number;
  start: number;
  selected: boolean;
  open: boolean;
  onSelect(id: string): void;
  onOpen(id: string): void;
  text: QueueCellText;
}

/**
 * A row re-renders only when its ticket, place or marks change: moving the selection redraws two rows,
 * and scrolling draws only the rows coming into view.
 */
const QueueRowView = memo(function QueueRowView({ ticket, rowIndex, start, selected, open, onSelect, onOpen, text }: QueueRowViewProps) {
  return (
    <div
      role="row"
      id={rowDomId(ticket.id)}
      data-testid="queue-row"
      data-ticket-number={ticket.number}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      className={open ? 'queue-table__row is-open' : 'queue-table__row'}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => {
        onSelect(ticket.id);
        onOpen(ticket.id);
      }}
    >
      {columnIds.map((column, index) => {
        const cell = queueCells[column](ticket, text);
        return (
          <div
            key={column}
            role="gridcell"
            aria-colindex={index + 1}
            className={cell.className ? `queue-table__cell cell-${column} ${cell.className}` : `queue-table__cell cell-${column}`}
            title={cell.title}
            data-priority={cell.priority}
            data-testid={column === 'sla' ? 'sla-countdown' : undefined}
          >
            {cell.content}
          </div>
        );
      })}
    </div>
  );
});
