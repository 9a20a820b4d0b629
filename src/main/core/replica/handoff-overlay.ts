import type Database from 'better-sqlite3';
import { HandoffNoteSchema, isAcknowledgedBy, type HandoffNote } from '../../../shared/domain/handoff.js';
import type { User } from '../../../shared/domain/people.js';
import type { HandoffMutation } from '../../../shared/sync/mutations.js';

interface Overlaid {
  note: HandoffNote;
  /** Written here; the server has not confirmed it. */
  written: boolean;
  /** Acknowledged here; the server has not confirmed it. */
  acknowledged: boolean;
}

/**
 * Replays the unconfirmed handoff mutations over the replica's notes into overlay_handoffs. Notes
 * never conflict, so the replay is plain: a write shows the note, an acknowledgement adds the agent.
 * Answers the notes whose view changed (overlaid before or now).
 */
export function rebuildHandoffOverlay(db: Database.Database, mutations: readonly HandoffMutation[], user: User): Set<string> {
  const touched = new Set(db.prepare('SELECT id FROM overlay_handoffs').pluck().all() as string[]);
  db.exec('DELETE FROM overlay_handoffs; DELETE FROM overlay_handoffs_fts;');
  const readNote = db.prepare('SELECT row FROM handoffs WHERE id = ?').pluck();
  const fromReplica = (id: string): HandoffNote | null => {
    const row = readNote.get(id) as string | undefined;
    return row === undefined ? null : HandoffNoteSchema.parse(JSON.parse(row));
  };
  const overlaid = new Map<string, Overlaid>();

  for (const mutation of mutations) {
    const { handoffId } = mutation.args;
    if (mutation.name === 'handoff.write') {
      // The id is this console's own, so a note the replica already holds is this one, confirmed.
      const confirmed = fromReplica(handoffId);
      const { queueId, body, writtenAt } = mutation.args;
      const note = confirmed ?? { id: handoffId, queueId, authorId: user.id, authorName: user.name, body, createdAt: writtenAt, writtenAt, acknowledgements: [] };
      overlaid.set(handoffId, { note, written: confirmed === null, acknowledged: false });
      continue;
    }
    const current = overlaid.get(handoffId) ?? (() => {
      const note = fromReplica(handoffId);
      return note && { note, written: false, acknowledged: false };
    })();
    // A note that left this replica (the agent left its queue) has nothing to show.
    if (!current || isAcknowledgedBy(current.note, user.id)) continue;
    const acknowledgement = { agentId: user.id, agentName: user.name, at: mutation.createdAt };
    overlaid.set(handoffId, { ...current, note: { ...current.note, acknowledgements: [...current.note.acknowledgements, acknowledgement] }, acknowledged: true });
  }

  const insert = db.prepare('INSERT INTO overlay_handoffs (id, created_at, row, written, acknowledged) VALUES (?, ?, ?, ?, ?)');
  // Notes written here are searchable before the server has them; the replica's own are indexed as they arrive.
  const index = db.prepare('INSERT INTO overlay_handoffs_fts (id, author, body) VALUES (?, ?, ?)');
  for (const [id, { note, written, acknowledged }] of overlaid) {
    // A confirmed note with nothing of this console's on top needs no overlay row.
    if (!written && !acknowledged) continue;
    insert.run(id, note.createdAt, JSON.stringify(note), written ? 1 : 0, acknowledged ? 1 : 0);
    if (written) index.run(id, note.authorName, note.body);
    touched.add(id);
  }
  return touched;
}
