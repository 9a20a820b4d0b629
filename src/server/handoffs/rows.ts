import { HandoffNoteSchema, type Handover, type HandoffNote } from '../../shared/domain/handoff.js';
import type { Database } from '../storage/schema.js';

type NoteRow = Database['handoff_notes'];
type AcknowledgementRow = Database['handoff_acknowledgements'];

function handoverFromRow(row: NoteRow): Handover | null {
  if (row.rotation_id === null || row.shift_id === null || row.shift_end === null || row.incoming_start === null || row.acknowledge_by === null) return null;
  return {
    rotationId: row.rotation_id,
    shiftId: row.shift_id,
    end: row.shift_end,
    incomingStart: row.incoming_start,
    acknowledgeBy: row.acknowledge_by,
    ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at } : {}),
    ...(row.supervisors_alerted_at ? { supervisorsAlertedAt: row.supervisors_alerted_at } : {}),
  };
}

export function handoffFromRows(row: NoteRow, acknowledgements: readonly AcknowledgementRow[]): HandoffNote {
  const handover = handoverFromRow(row);
  return HandoffNoteSchema.parse({
    id: row.id,
    queueId: row.queue_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
    ...(row.written_at ? { writtenAt: row.written_at } : {}),
    acknowledgements: acknowledgements.map((ack) => ({ agentId: ack.agent_id, agentName: ack.agent_name, at: ack.at })),
    ...(handover ? { handover } : {}),
  });
}

/** A new note's row: the alert deadline is pending until the incoming shift acknowledges. */
export function handoffToRow(note: HandoffNote): NoteRow {
  const { handover } = note;
  return {
    id: note.id,
    queue_id: note.queueId,
    author_id: note.authorId,
    author_name: note.authorName,
    body: note.body,
    created_at: note.createdAt,
    written_at: note.writtenAt ?? null,
    rotation_id: handover?.rotationId ?? null,
    shift_id: handover?.shiftId ?? null,
    shift_end: handover?.end ?? null,
    incoming_start: handover?.incomingStart ?? null,
    acknowledge_by: handover?.acknowledgeBy ?? null,
    acknowledged_at: handover?.acknowledgedAt ?? null,
    supervisors_alerted_at: handover?.supervisorsAlertedAt ?? null,
    alert_due_at: handover && !handover.acknowledgedAt && !handover.supervisorsAlertedAt ? handover.acknowledgeBy : null,
  };
}
