import { z } from 'zod';
import { IsoDateTimeSchema } from './ticket.js';

/** Long enough for a night's worth of context, short enough that one note never dominates a sync page. */
export const HANDOFF_BODY_MAX = 20_000;
export const HandoffBodySchema = z.string().trim().min(1).max(HANDOFF_BODY_MAX);

/** A queue's notes go to that queue's agents; null is a note for the whole desk. */
export const HandoffQueueIdSchema = z.string().min(1).nullable();

export const HandoffAcknowledgementSchema = z.object({
  agentId: z.string(),
  agentName: z.string(),
  /** When the server received it. */
  at: IsoDateTimeSchema,
});
export type HandoffAcknowledgement = z.infer<typeof HandoffAcknowledgementSchema>;

/**
 * What one shift leaves the next: its own entity with its own id, so a later shift (rota) can point at
 * notes, or notes at a shift, without changing how notes are written, replicated or acknowledged.
 */
export const HandoffNoteSchema = z.object({
  /** Minted by whoever writes it (a console offline too), so a retried write is the same note. */
  id: z.uuid(),
  queueId: HandoffQueueIdSchema,
  authorId: z.string(),
  authorName: z.string(),
  body: HandoffBodySchema,
  /** When the server received it: notes are ordered by it. */
  createdAt: IsoDateTimeSchema,
  /** When it was written, where that was earlier (offline). */
  writtenAt: IsoDateTimeSchema.optional(),
  /** Who has read it, in the order they said so; each agent at most once. */
  acknowledgements: z.array(HandoffAcknowledgementSchema),
});
export type HandoffNote = z.infer<typeof HandoffNoteSchema>;

/** Whether an agent has said they read the note. */
export function isAcknowledgedBy(note: Pick<HandoffNote, 'acknowledgements'>, agentId: string): boolean {
  return note.acknowledgements.some((ack) => ack.agentId === agentId);
}
