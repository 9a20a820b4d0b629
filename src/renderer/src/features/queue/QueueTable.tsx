import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTable, type Row, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import type { QueueSort } from '../../../../shared/queue/queue-view.js';
import { QueueColumnIdSchema } from '../../../../shared/queue/queue-view.js';
import { QueueCellTextContext, queueColumns, queueTableFeatures, type QueueCellText } from './columns.js';
import { useSession } from '../../services.js';
import { useTimeZone } from '../../ui/format.js';

export interface QueueTableProps {
  /** Already filtered and in order (queue-model.ts). */
  tickets: Ticket[];
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

type QueueRow = Row<typeof queueTableFeatures, Ticket>;

const getRowId = (ticket: Ticket) => ticket.id;
export const rowDomId = (ticketId: string) => `queue-row-${ticketId}`;
const pageStep = 10;
/**
 * A desk's own queues (a few hundred tickets) are drawn whole, so find-in-page and a screen reader's
 * table commands see every row; past that only the rows in view, and a few around them, exist.
 */
const drawWholeUpTo = 300;
const overscan = 8;

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

export function QueueTable({ tickets, sort, onSort, selectedId, onSelect, openId, onOpen, onClose, emptyMessage }: QueueTableProps) {
  const { t, i18n } = useTranslation('queue');
  const labels = useTranslation('labels').t;
  const sla = useTranslation('sla').t;
  const timeZone = useTimeZone();
  const myId = useSession((session) => session.user?.id ?? null);
  const cellText = useMemo<QueueCellText>(
    () => ({ labels, queue: t, sla, language: i18n.language, timeZone, myId }),
    [labels, t, sla, i18n.language, timeZone, myId],
  );
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight();
  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.desc }], [sort]);
  // The TanStack virtualizer keeps mutable state React Compiler cannot see; this app is not compiled
  // with it, and the rows below read the virtualizer afresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tickets.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  // A density switched while the queue is open: every row's offset changes.
  const measuredHeight = useRef(rowHeight);
  useEffect(() => {
    if (measuredHeight.current === rowHeight) return;
    measuredHeight.current = rowHeight;
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  const whole = tickets.length <= drawWholeUpTo;
  const virtualItems = virtualizer.getVirtualItems();
  const first = whole ? 0 : (virtualItems[0]?.index ?? 0);
  const last = whole ? tickets.length - 1 : (virtualItems[virtualItems.length - 1]?.index ?? -1);
  // The table is given only the rows drawn: its row model then costs nothing with 100,000 tickets.
  const drawn = useMemo(() => tickets.slice(first, last + 1), [tickets, first, last]);
  const table = useTable({
    features: queueTableFeatures,
    columns: queueColumns,
    data: drawn,
    getRowId,
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
  const rows = table.getRowModel().rows;

  const selectedIndex = useMemo(() => (selectedId === null ? -1 : tickets.findIndex((ticket) => ticket.id === selectedId)), [tickets, selectedId]);
  const activeId = selectedIndex >= first && selectedIndex <= last ? selectedId : null;

  // The queue is where a shift works: it takes the keyboard when it appears (e.g. right after sign-in).
  useEffect(() => tableRef.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [virtualizer, selectedIndex]);

  function select(index: number) {
    const ticket = tickets[Math.max(0, Math.min(tickets.length - 1, index))];
    if (ticket) onSelect(ticket.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
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

  const paddingTop = whole ? 0 : (virtualItems[0]?.start ?? 0);
  const paddingBottom = whole || virtualItems.length === 0 ? 0 : virtualizer.getTotalSize() - virtualItems[virtualItems.length - 1]!.end;
  const columnCount = queueColumns.length;

  return (
    <div className="queue-table-scroll" ref={scrollRef}>
      <table
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
        <colgroup>
          {table.getAllLeafColumns().map((column) => (
            <col key={column.id} className={`col-${column.id}`} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`cell-${header.column.id}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.isPlaceholder ? null : (
                      <button type="button" className="sort-button" data-column={header.column.id} onClick={header.column.getToggleSortingHandler()}>
                        <span className="sort-button__label">
                          <table.FlexRender header={header} />
                        </span>
                        <span className="sort-indicator" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <QueueCellTextContext.Provider value={cellText}>
          <tbody>
            {paddingTop > 0 && <Spacer height={paddingTop} columns={columnCount} />}
            {rows.map((row, offset) => {
              const index = first + offset;
              return (
                // Keyed by place, as a bare virtual list is: a filter or a scroll then rewrites the text of
                // the rows on screen instead of taking them down and building new ones.
                <QueueRowView
                  key={offset}
                  row={row}
                  rowIndex={index + 2}
                  selected={index === selectedIndex}
                  open={row.id === openId}
                  onSelect={onSelect}
                  onOpen={onOpen}
                  FlexRender={table.FlexRender}
                />
              );
            })}
            {paddingBottom > 0 && <Spacer height={paddingBottom} columns={columnCount} />}
          </tbody>
        </QueueCellTextContext.Provider>
      </table>
      {/* Outside the table: a cell spanning columns the narrow layout hides would skew the columns. */}
      {tickets.length === 0 && <p className="queue-table__empty">{emptyMessage}</p>}
    </div>
  );
}

/** The height of the rows not drawn, above or below those that are; hidden from assistive technology. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="queue-table__spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

interface QueueRowViewProps {
  row: QueueRow;
  rowIndex: number;
  selected: boolean;
  open: boolean;
  onSelect(id: string): void;
  onOpen(id: string): void;
  FlexRender: ReturnType<typeof useTable<typeof queueTableFeatures, Ticket>>['FlexRender'];
}

/**
 * A row re-renders only when its ticket, place or marks change: moving the selection redraws two rows,
 * and scrolling draws only the rows coming into view (the table's row objects are rebuilt for each
 * window of rows, but a row's cells depend on its ticket alone).
 */
const QueueRowView = memo(function QueueRowView({ row, rowIndex, selected, open, onSelect, onOpen, FlexRender }: QueueRowViewProps) {
  return (
    <tr
      id={rowDomId(row.id)}
      data-testid="queue-row"
      data-ticket-number={row.original.number}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      className={open ? 'is-open' : undefined}
      onClick={() => {
        onSelect(row.id);
        onOpen(row.id);
      }}
    >
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={`cell-${cell.column.id}`} data-testid={cell.column.id === 'sla' ? 'sla-countdown' : undefined}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}, sameRow);

function sameRow(before: QueueRowViewProps, after: QueueRowViewProps): boolean {
  return (
    before.row.original === after.row.original &&
    before.rowIndex === after.rowIndex &&
    before.selected === after.selected &&
    before.open === after.open &&
    before.onSelect === after.onSelect &&
    before.onOpen === after.onOpen &&
    before.FlexRender === after.FlexRender
  );
}
