import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { defaultSorting, queueColumns, queueTableFeatures } from './columns.js';

export interface QueueTableProps {
  tickets: Ticket[];
  /** The ticket shown in the pane, marked in the table. */
  openId: string | null;
  onOpen(id: string): void;
  onClose(): void;
  /** Shown in the body when there are no rows (loading, empty, failed). */
  emptyMessage: string;
}

const getRowId = (ticket: Ticket) => ticket.id;
const rowDomId = (ticketId: string) => `queue-row-${ticketId}`;
const pageStep = 10;

export function QueueTable({ tickets, openId, onOpen, onClose, emptyMessage }: QueueTableProps) {
  const { t } = useTranslation('queue');
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const table = useTable({
    features: queueTableFeatures,
    columns: queueColumns,
    data: tickets,
    getRowId,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false, // the queue always has an order; clicking again flips it
    enableMultiSort: false,
    sortDescFirst: false,
  });
  const rows = table.getRowModel().rows;
  const selectedIndex = rows.findIndex((row) => row.id === selectedId);
  const activeId = selectedIndex >= 0 ? selectedId : null;

  // The queue is where a shift works: it takes the keyboard when it appears (e.g. right after sign-in).
  useEffect(() => tableRef.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    if (activeId) document.getElementById(rowDomId(activeId))?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  function select(index: number) {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (row) setSelectedId(row.id);
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
        select(rows.length - 1);
        break;
      case 'Enter':
        if (activeId) onOpen(activeId);
        break;
      case 'Escape':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <div className="queue-table-scroll">
      <table
        ref={tableRef}
        className="queue-table"
        role="grid"
        aria-label={t('tickets')}
        aria-describedby="queue-keyboard-hint"
        aria-activedescendant={activeId ? rowDomId(activeId) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <colgroup>
          {table.getAllLeafColumns().map((column) => (
            <col key={column.id} className={`col-${column.id}`} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
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
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
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
        <tbody>
          {rows.length === 0 ? (
            <tr className="queue-table__empty">
              <td colSpan={queueColumns.length}>{emptyMessage}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr
                key={row.id}
                id={rowDomId(row.id)}
                data-testid="queue-row"
                data-ticket-number={row.original.number}
                aria-selected={row.id === activeId}
                aria-current={row.id === openId ? 'true' : undefined}
                className={row.id === openId ? 'is-open' : undefined}
                onClick={() => {
                  setSelectedId(row.id);
                  onOpen(row.id);
                }}
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`cell-${cell.column.id}`}
                    data-testid={cell.column.id === 'sla' ? 'sla-countdown' : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
