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
 * The shift a note hands over, as the author's console names it: the stint of the rota they worked
 * (rotation, shift) and when it ended. The server checks it against the rota before storing it.
 */
export const HandedOverShiftSchema = z
  .object({
    rotationId: z.string().min(1).max(80),
    shiftId: z.string().min(1).max(80),
    end: IsoDateTimeSchema,
  })
  .strict();
export type HandedOverShift = z.infer<typeof HandedOverShiftSchema>;

/**
 * A shift handover as the server keeps it: the shift handed over, the shift it goes to, and whether
 * the incoming shift said they read it in time. Only the server sets the instants.
 */
export const HandoverSchema = HandedOverShiftSchema.extend({
  /** When the incoming shift starts: the queue's next staffed instant at `end` (for the whole desk, `end`). */
  incomingStart: IsoDateTimeSchema,
  /** Someone of the incoming shift acknowledges by then, or the supervisors are alerted. */
  acknowledgeBy: IsoDateTimeSchema,
  /** The first acknowledgement that counts: an agent's other than the author's. */
  acknowledgedAt: IsoDateTimeSchema.optional(),
  /** When the server alerted the supervisors that nobody had acknowledged it in time. */
  supervisorsAlertedAt: IsoDateTimeSchema.optional(),
});
export type Handover = z.infer<typeof HandoverSchema>;

/**
 * What one shift leaves the next: its own entity with its own id. A note written at the end of a
 * shift says which (`handover`); a note written any other time has none and is simply a note.
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
  handover: HandoverSchema.optional(),
});
export type HandoffNote = z.infer<typeof HandoffNoteSchema>;

/** A shift handover the supervisors were alerted about and that still nobody of the incoming shift has acknowledged. */
export function isOverdueHandover(note: Pick<HandoffNote, 'handover'>): boolean {
  return note.handover?.supervisorsAlertedAt !== undefined && note.handover.acknowledgedAt === undefined;
}

/** Whether an agent has said they read the note. */
export function isAcknowledgedBy(note: Pick<HandoffNote, 'acknowledgements'>, agentId: string): boolean {
  return note.acknowledgements.some((ack) => ack.agentId === agentId);
}
