import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MutationSchema, RejectionSchema, type Mutation, type Rejection } from '../../../shared/sync/mutations.js';
import type { OutboxState } from '../../../shared/desk-api/contract.js';
import type { OutboxEntry } from './overlay.js';

type Row = { id: number; name: string; args: string; local_id: string; created_at: string; rejection: string | null };

/** Handoff notes are the changes not about a ticket. */
function ticketOf(args: { ticketId?: unknown }): string | null {
  return typeof args.ticketId === 'string' ? args.ticketId : null;
}

function toEntry(row: Row): OutboxEntry {
  return {
    localId: row.local_id,
    mutation: MutationSchema.parse({ id: row.id, name: row.name, args: JSON.parse(row.args), createdAt: row.created_at }),
  };
}

/**
 * The outbox of one client: every agent action, numbered 1, 2, 3, … and written here before it is
 * sent. An entry leaves only when a pull shows the server processed it, or when the agent discards
 * a refused one.
 */
export class Outbox {
  constructor(
    private readonly db: Database.Database,
    private readonly state: { get(key: string): string | null; set(key: string, value: string): void },
  ) {}

  /** One client per user and replica; its ids continue across restarts and never repeat. */
  clientIdFor(userId: string): string {
    const key = `clientId:${userId}`;
    let clientId = this.state.get(key);
    if (!clientId) {
      clientId = randomUUID();
      this.state.set(key, clientId);
    }
    return clientId;
  }

  enqueue(clientId: string, mutation: Omit<Mutation, 'id'>): number {
    const key = `nextMutationId:${clientId}`;
    const id = Number(this.state.get(key) ?? 1);
    const full = MutationSchema.parse({ ...mutation, id });
    this.db
      .prepare('INSERT INTO outbox (client_id, id, name, args, local_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(clientId, id, full.name, JSON.stringify(full.args), randomUUID(), full.createdAt);
    this.state.set(key, String(id + 1));
    return id;
  }

  /** The id the server must take next from this client: the first unsent one, or the next to be given. */
  nextToSend(clientId: string): number {
    const first = this.db.prepare('SELECT MIN(id) FROM outbox WHERE client_id = ? AND rejection IS NULL').pluck().get(clientId) as number | null;
    return first ?? Number(this.state.get(`nextMutationId:${clientId}`) ?? 1);
  }

  /**
   * Moves the user's outbox to a fresh client whose ids start again at 1, for a server that no longer
   * knows what this client sent (a new database, or one restored from before): it would wait for an id
   * this outbox confirmed long ago and refuse every later one as a gap. The unsent mutations keep their
   * order and local ids (so the overlay shows the same); none was processed by that server, so none is
   * applied twice. Refused ones were never to be sent again, so they take ids 0, -1, … below the new
   * sequence and stay listed for the agent.
   */
  carryOver(userId: string, fromClientId: string): string {
    const clientId = randomUUID();
    this.db.transaction(() => {
      const rows = this.db.prepare('SELECT id, rejection FROM outbox WHERE client_id = ? ORDER BY id').all(fromClientId) as Pick<Row, 'id' | 'rejection'>[];
      const unsent = rows.filter((row) => row.rejection === null);
      const refused = rows.filter((row) => row.rejection !== null);
      const move = this.db.prepare('UPDATE outbox SET client_id = ?, id = ? WHERE client_id = ? AND id = ?');
      unsent.forEach((row, index) => move.run(clientId, index + 1, fromClientId, row.id));
      refused.forEach((row, index) => move.run(clientId, index + 1 - refused.length, fromClientId, row.id));
      this.state.set(`nextMutationId:${clientId}`, String(unsent.length + 1));
      this.state.set(`clientId:${userId}`, clientId);
    })();
    return clientId;
  }

  /** Mutations still to be confirmed, in order: what is sent, and what the overlay replays. */
  unconfirmed(clientId: string, limit = Number.MAX_SAFE_INTEGER): OutboxEntry[] {
    const rows = this.db.prepare('SELECT * FROM outbox WHERE client_id = ? AND rejection IS NULL ORDER BY id LIMIT ?').all(clientId, limit) as Row[];
    return rows.map(toEntry);
  }

  refuse(clientId: string, id: number, rejection: Rejection): void {
    this.db.prepare('UPDATE outbox SET rejection = ? WHERE client_id = ? AND id = ?').run(JSON.stringify(rejection), clientId, id);
  }

  /** The server has processed everything up to `lastMutationId` and the replica shows its effects. */
  confirmUpTo(clientId: string, lastMutationId: number): number {
    return this.db.prepare('DELETE FROM outbox WHERE client_id = ? AND id <= ? AND rejection IS NULL').run(clientId, lastMutationId).changes;
  }

  /** Answers the ticket the discarded change was about, if it was about one. */
  discard(clientId: string, id: number): string | null {
    const row = this.db.prepare('SELECT args FROM outbox WHERE client_id = ? AND id = ? AND rejection IS NOT NULL').get(clientId, id) as { args: string } | undefined;
    this.db.prepare('DELETE FROM outbox WHERE client_id = ? AND id = ? AND rejection IS NOT NULL').run(clientId, id);
    return row ? ticketOf(JSON.parse(row.args)) : null;
  }

  view(clientId: string): OutboxState {
    const waiting = this.db.prepare('SELECT COUNT(*) FROM outbox WHERE client_id = ? AND rejection IS NULL').pluck().get(clientId) as number;
    const refused = (this.db.prepare('SELECT * FROM outbox WHERE client_id = ? AND rejection IS NOT NULL ORDER BY id').all(clientId) as Row[]).map((row) => {
      const args = JSON.parse(row.args) as Record<string, unknown>;
      return { id: row.id, name: row.name, ticketId: ticketOf(args), args, createdAt: row.created_at, rejection: RejectionSchema.parse(JSON.parse(row.rejection!)) };
    });
    return { waiting, refused };
  }
}
