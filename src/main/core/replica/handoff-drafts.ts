import type Database from 'better-sqlite3';
import { HandoffDraftSchema, type HandoffDraft } from '../../../shared/desk-api/handoff-methods.js';

/**
 * The handoff note each agent is writing, one per agent, kept in the replica as they type so that a
 * restart, a crash or another person signing in on the machine loses none of it. Never synced: a
 * draft is the agent's until they leave it as a note.
 */
export class HandoffDrafts {
  constructor(private readonly db: Database.Database) {}

  get(userId: string): HandoffDraft | null {
    const row = this.db.prepare('SELECT row FROM handoff_drafts WHERE user_id = ?').pluck().get(userId) as string | undefined;
    return row === undefined ? null : HandoffDraftSchema.parse(JSON.parse(row));
  }

  /** An empty draft that hands over no shift is no draft at all: it is forgotten. */
  save(userId: string, draft: HandoffDraft): HandoffDraft | null {
    if (draft.body === '' && draft.shift === null) {
      this.clear(userId);
      return null;
    }
    const parsed = HandoffDraftSchema.parse(draft);
    this.db.prepare('INSERT INTO handoff_drafts (user_id, row) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET row = excluded.row').run(userId, JSON.stringify(parsed));
    return parsed;
  }

  clear(userId: string): void {
    this.db.prepare('DELETE FROM handoff_drafts WHERE user_id = ?').run(userId);
  }
}
