import type Database from 'better-sqlite3';
import { TicketDraftSchema, type TicketDraft } from '../../../shared/desk-api/ticket-draft-methods.js';
import type { AttachmentMeta } from '../../../shared/domain/ticket.js';

/**
 * The reply or note each agent is writing per ticket, with its staged macro actions and the bytes of
 * its files, kept in the replica so a restart, a crash or another person signing in loses none of it.
 * A sent reply's files stay here until they are uploaded (see ticket-files.ts): offline they wait with
 * the outbox. Never synced, and kept when the replica is cleared, like the outbox.
 */
export class TicketDrafts {
  constructor(private readonly db: Database.Database) {}

  get(userId: string, ticketId: string): TicketDraft | null {
    const row = this.db.prepare('SELECT row FROM ticket_drafts WHERE user_id = ? AND ticket_id = ?').pluck().get(userId, ticketId) as string | undefined;
    return row === undefined ? null : TicketDraftSchema.parse(JSON.parse(row));
  }

  /** A draft with nothing in it (an empty reply, no actions, no files) is forgotten. */
  put(userId: string, draft: TicketDraft): TicketDraft | null {
    const parsed = TicketDraftSchema.parse(draft);
    const empty = parsed.kind === 'reply' && parsed.body === '' && parsed.files.length === 0 && Object.keys(parsed.actions).length === 0;
    if (empty) {
      this.clear(userId, parsed.ticketId);
      return null;
    }
    this.db
      .prepare('INSERT INTO ticket_drafts (user_id, ticket_id, row) VALUES (?, ?, ?) ON CONFLICT(user_id, ticket_id) DO UPDATE SET row = excluded.row')
      .run(userId, parsed.ticketId, JSON.stringify(parsed));
    return parsed;
  }

  clear(userId: string, ticketId: string): void {
    this.db.prepare('DELETE FROM ticket_drafts WHERE user_id = ? AND ticket_id = ?').run(userId, ticketId);
  }

  storeFile(userId: string, ticketId: string, meta: AttachmentMeta, bytes: Buffer): void {
    this.db.prepare('INSERT INTO draft_files (id, user_id, ticket_id, data) VALUES (?, ?, ?, ?)').run(meta.id, userId, ticketId, bytes);
  }

  fileBytes(fileId: string): Buffer | null {
    return (this.db.prepare('SELECT data FROM draft_files WHERE id = ?').pluck().get(fileId) as Buffer | undefined) ?? null;
  }

  dropFile(fileId: string): void {
    this.db.prepare('DELETE FROM draft_files WHERE id = ?').run(fileId);
  }

  /** Several writes (the outbox's and the draft's) that stand or fall together. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
