import type Database from 'better-sqlite3';
import { fullTextQuery } from '../../../shared/full-text-query.js';
import { rebuildFlag, type RebuildFlag } from './rebuild-flag.js';

/**
 * The replica's full-text index of tickets: number, subject, requester (name and email), tags and the
 * bodies of their messages, so an agent finds a ticket offline by anything said in it. A ticket's
 * FTS rowid is its number (unique, and never changes), so re-indexing one ticket is a rowid lookup
 * rather than a scan; a ticket that left the replica leaves a row behind that searches skip (they
 * join the tickets table) and the next rebuild drops.
 */
export class TicketSearch {
  private readonly statements: ReturnType<typeof prepare>;
  private readonly stale: RebuildFlag;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
    this.stale = rebuildFlag(db, 'ticketSearchStale');
  }

  /** Indexes these tickets as the replica has them now (after their rows and messages were written). */
  reindex(ticketIds: Iterable<string>): void {
    if (this.stale.isRaised()) return;
    for (const id of ticketIds) {
      this.statements.forget.run(id);
      this.statements.index.run(id);
    }
  }

  /**
   * A first sync writes tickets and messages by the hundred thousand with the thread indexes dropped:
   * indexing each page would read every message again. The index is built once at the end instead;
   * the flag is in the replica, so a crash half-way rebuilds at the next start.
   */
  defer(): void {
    this.stale.raise();
  }

  /** Rebuilds the index if a bulk load (or the migration that made it) left it behind; needs the thread indexes. */
  catchUp(): void {
    this.stale.rebuildIfRaised(() => {
      this.db.exec('DELETE FROM tickets_fts');
      this.db.exec(`${indexSelect} FROM tickets t`);
    });
  }

  /** Ticket ids whose indexed text has every word of the query as a word prefix, best match first. */
  search(query: string, limit: number): string[] {
    const match = fullTextQuery(query);
    if (match === null) return [];
    return this.statements.search.all(match, limit) as string[];
  }
}

// Tags arrive with the ticket row (Ticket.tags); a row from before tags has none, and json_each of a
// missing path yields nothing.
const indexSelect = `
  INSERT INTO tickets_fts (rowid, id, number, subject, requester, tags, messages)
  SELECT t.number, t.id, t.number, json_extract(t.row, '$.subject'),
         json_extract(t.row, '$.requesterName') || ' ' || json_extract(t.row, '$.requesterEmail'),
         (SELECT group_concat(value, ' ') FROM json_each(t.row, '$.tags')),
         (SELECT group_concat(json_extract(m.row, '$.body'), ' ') FROM messages m WHERE m.ticket_id = t.id)`;

function prepare(db: Database.Database) {
  return {
    forget: db.prepare('DELETE FROM tickets_fts WHERE rowid = (SELECT number FROM tickets WHERE id = ?)'),
    index: db.prepare(`${indexSelect} FROM tickets t WHERE t.id = ?`),
    // A number match outranks a subject match, which outranks the thread: "1042" is that ticket.
    search: db
      .prepare(
        `SELECT f.id FROM tickets_fts f JOIN tickets t ON t.id = f.id AND t.number = f.rowid
         WHERE tickets_fts MATCH ? ORDER BY bm25(tickets_fts, 0, 20, 6, 4, 4, 1) LIMIT ?`,
      )
      .pluck(),
  };
}
