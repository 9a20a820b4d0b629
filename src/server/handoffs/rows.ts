import { HandoffNoteSchema, type HandoffNote } from '../../shared/domain/handoff.js';
import type { Database } from '../storage/schema.js';

type NoteRow = Database['handoff_notes'];
type AcknowledgementRow = Database['handoff_acknowledgements'];

export function handoffFromRows(row: NoteRow, acknowledgements: readonly AcknowledgementRow[]): HandoffNote {
  return HandoffNoteSchema.parse({
    id: row.id,
    queueId: row.queue_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
    ...(row.written_at ? { writtenAt: row.written_at } : {}),
    acknowledgements: acknowledgements.map((ack) => ({ agentId: ack.agent_id, agentName: ack.agent_name, at: ack.at })),
  });
}

export function handoffToRow(note: HandoffNote): NoteRow {
  return {
    id: note.id,
    queue_id: note.queueId,
    author_id: note.authorId,
    author_name: note.authorName,
    body: note.body,
    created_at: note.createdAt,
    written_at: note.writtenAt ?? null,
  };
}
