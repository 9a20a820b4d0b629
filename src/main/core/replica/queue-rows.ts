import type Database from 'better-sqlite3';
import type { Ticket } from '../../../shared/domain/ticket.js';
import { sharedColumn, type QueueListing, type QueueListingColumn } from '../../../shared/queue/queue-listing.js';
import { defaultQueueOrder, slaOrderKey } from '../../../shared/queue/queue-order.js';
import { packChoices, queueRowOf } from '../../../shared/queue/queue-row.js';
import { rebuildFlag, type RebuildFlag } from './rebuild-flag.js';
import { seenRow, seenTickets } from './seen-tickets.js';

/**
 * The queue's columns of every ticket as the agent sees it (the overlay's row where this console has
 * unconfirmed changes), kept beside the tickets so that listing 100,000 of them reads a few small
 * columns instead of parsing 100,000 JSON rows of ~1 KB (docs/queue.md, "Queue speed").
 */
export class QueueRows {
  private readonly statements: ReturnType<typeof prepare>;
  private readonly stale: RebuildFlag;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
    this.stale = rebuildFlag(db, 'queueRowsStale');
  }

  /** Works these tickets' rows out again from the replica (their ticket, or the overlay's, or gone). */
  refresh(ticketIds: Iterable<string>): void {
    if (this.stale.isRaised()) return;
    for (const id of ticketIds) {
      const row = this.statements.read.get(id) as string | undefined;
      if (row === undefined) this.statements.forget.run(id);
      else this.write(JSON.parse(row) as Ticket);
    }
  }

  /** A first sync writes tickets by the hundred thousand: their rows are made once at the end, as the search index is. */
  defer(): void {
    this.stale.raise();
  }

  /** Makes every row if a bulk load (or the migration that made the table) left them behind; a crash half-way leaves the flag. */
  catchUp(): void {
    this.stale.rebuildIfRaised(() => {
      this.db.exec('DELETE FROM queue_rows');
      // In pages: SQLite cannot write on a connection while it is still reading, and reading all
      // 100,000 rows at once would hold ~150 MB of JSON text.
      for (let after = 0; ; ) {
        const page = this.statements.readPage.all(after) as { rowid: number; row: string }[];
        if (page.length === 0) break;
        for (const { row } of page) this.write(JSON.parse(row) as Ticket);
        after = page.at(-1)!.rowid;
      }
    });
  }

  /** The rows of one queue, or of all the agent's queues, as tickets.list answers them. */
  listing(queueId?: string): QueueListing {
    return this.db.transaction(() => {
      const params = { queue: queueId ?? null };
      const column = (name: keyof typeof this.statements.columns) => this.statements.columns[name].get(params) as string;
      const columns = Object.fromEntries(rowColumns.map(([name]) => [name, column(name)])) as QueueListing['columns'];
      // SQLite has no cheap way to number a column's distinct values; JS does it in ~15 ms a column.
      const shared = Object.fromEntries(sharedColumns.map(([name]) => [name, sharedColumn(JSON.parse(column(name)) as unknown[])])) as QueueListing['shared'];
      return {
        count: this.statements.count.get(params) as number,
        columns,
        shared,
        order: defaultQueueOrder(JSON.parse(column('slaOrder')) as number[], JSON.parse(columns.number) as number[]),
      };
    })();
  }

  private write(ticket: Ticket): void {
    const row = queueRowOf(ticket);
    const counting = row.sla.state === 'counting' ? row.sla : null;
    this.statements.write.run(
      row.id,
      row.queueId,
      row.number,
      row.subject,
      row.requesterName,
      row.requesterEmail,
      row.assigneeId,
      packChoices(row),
      counting?.dueMs ?? null,
      counting?.warnMs ?? null,
      slaOrderKey(row.sla, row.priority),
    );
  }
}

const rowColumns = [
  ['id', 'id'],
  ['number', 'number'],
  ['subject', 'subject'],
  ['choices', 'choices'],
  ['dueMs', 'due_ms'],
  ['warnMs', 'warn_ms'],
] as const satisfies readonly (readonly [QueueListingColumn, string])[];
const sharedColumns = [
  ['requesterName', 'requester_name'],
  ['requesterEmail', 'requester_email'],
  ['queueId', 'queue_id'],
  ['assigneeId', 'assignee_id'],
] as const satisfies readonly (readonly [QueueListingColumn, string])[];

function prepare(db: Database.Database) {
  return {
    read: db.prepare(`SELECT ${seenRow} FROM ${seenTickets} WHERE t.id = ?`).pluck(),
    readPage: db.prepare(`SELECT t.rowid AS rowid, ${seenRow} AS row FROM ${seenTickets} WHERE t.rowid > ? ORDER BY t.rowid LIMIT 2000`),
    forget: db.prepare('DELETE FROM queue_rows WHERE id = ?'),
    write: db.prepare(
      `INSERT OR REPLACE INTO queue_rows (id, queue_id, number, subject, requester_name, requester_email, assignee_id, choices, due_ms, warn_ms, sla_order)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    count: db.prepare('SELECT count(*) FROM queue_rows WHERE @queue IS NULL OR queue_id = @queue').pluck(),
    // A column per statement, written in C: twelve aggregates in one statement took 2.5 times as long
    // as one each (measured: 350 against 140 ms for 100,000 rows). The columns line up because each
    // statement walks the table itself in rowid order (NOT INDEXED: an index that covers the column,
    // queue_id's, would walk in its own order) in one read transaction.
    columns: Object.fromEntries(
      [...rowColumns, ...sharedColumns, ['slaOrder', 'sla_order'] as const].map(([name, sql]) => [
        name,
        db.prepare(`SELECT json_group_array(${sql}) FROM queue_rows NOT INDEXED WHERE @queue IS NULL OR queue_id = @queue`).pluck(),
      ]),
    ) as Record<QueueListingColumn | 'slaOrder', Database.Statement>,
  };
}
