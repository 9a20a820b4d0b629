import { z } from 'zod';
import { HANDOFF_BODY_MAX, HandedOverShiftSchema, HandoffBodySchema, HandoffNoteSchema, HandoffQueueIdSchema } from '../domain/handoff.js';
import { HandoffFactsSchema } from '../domain/handoff-facts.js';
import { IsoDateTimeSchema } from '../domain/ticket.js';

/** A handoff note as the console shows it: the replica's, or this console's own not yet confirmed. */
export const LocalHandoffNoteSchema = HandoffNoteSchema.extend({
  /** Written here and not yet confirmed by the server ("waiting to send"). */
  pending: z.boolean(),
  /** This agent's acknowledgement is shown but the server has not confirmed it yet. */
  acknowledgementPending: z.boolean(),
});
export type LocalHandoffNote = z.infer<typeof LocalHandoffNoteSchema>;

/** One stint of the agent's rota, with the names the console shows ("Riga day, Tier 1 follow the sun"). */
export const WorkedShiftSchema = HandedOverShiftSchema.extend({
  start: IsoDateTimeSchema,
  shiftName: z.string(),
  rotationName: z.string(),
});
export type WorkedShift = z.infer<typeof WorkedShiftSchema>;

/** The handoff the agent owes: the shift they work now (or ended a short while ago). */
export const ShiftEndSchema = z.object({
  shift: WorkedShiftSchema,
  /** From when the console offers the handoff draft: the draft lead before the shift's end. */
  draftFrom: IsoDateTimeSchema,
  /** A note handing this shift over exists, confirmed or waiting to send: nothing more is owed. */
  handedOver: z.boolean(),
});
export type ShiftEnd = z.infer<typeof ShiftEndSchema>;

/**
 * The note the agent is writing, kept in the replica (one per agent), so closing the panel, a
 * restart or a crash loses none of it. It may be empty while the agent is still deciding.
 */
export const HandoffDraftInputSchema = z
  .object({
    queueId: HandoffQueueIdSchema,
    body: z.string().max(HANDOFF_BODY_MAX),
    /** The shift the note will hand over (the draft offered at a shift's end); null for any other note. */
    shift: HandedOverShiftSchema.nullable(),
  })
  .strict();
export const HandoffDraftSchema = HandoffDraftInputSchema.extend({ updatedAt: IsoDateTimeSchema });
export type HandoffDraft = z.infer<typeof HandoffDraftSchema>;

/** What the agent taking over a shift is shown first: the handovers to it they have not acknowledged. */
export const IncomingHandoffsSchema = z.object({
  /** The shift the agent takes over: theirs now, or one starting soon; null when the rota has none for them. */
  shift: WorkedShiftSchema.nullable(),
  /** Oldest first, the order they were handed over in. */
  notes: z.array(LocalHandoffNoteSchema),
});
export type IncomingHandoffs = z.infer<typeof IncomingHandoffsSchema>;

const Empty = z.object({}).strict();

export const handoffMethods = {
  /** The most recent shift handoff notes the agent may read, newest first; from the replica, so offline too. */
  'handoffs.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(LocalHandoffNoteSchema),
  },
  /** Notes whose author or text has every word of the query (as word prefixes), newest first; offline too. */
  'handoffs.search': {
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(LocalHandoffNoteSchema),
  },
  /**
   * Leaves a note for the next shift of one of the agent's queues, or of the whole desk (null); works
   * offline. With `shift` it hands that shift over, and the saved draft is done with.
   */
  'handoffs.write': {
    input: z.object({ queueId: HandoffQueueIdSchema, body: HandoffBodySchema, shift: HandedOverShiftSchema.optional() }).strict(),
    output: z.object({ id: z.uuid() }),
  },
  /** Says the agent has read a note; `queued` is false when they already had (nothing to send). */
  'handoffs.acknowledge': {
    input: z.object({ id: z.uuid() }).strict(),
    output: z.object({ queued: z.boolean() }),
  },
  /** The agent's shift whose handoff is owed (from the replicated rota); null when they work none now. */
  'handoffs.shiftEnd': { input: Empty, output: ShiftEndSchema.nullable() },
  /** What a handoff draft is filled with now: the agent's open tickets and the SLA targets due soon. */
  'handoffs.facts': { input: Empty, output: HandoffFactsSchema },
  'handoffs.draft': { input: Empty, output: HandoffDraftSchema.nullable() },
  /** Keeps the agent's draft as it is on screen; an empty body with no shift forgets it. */
  'handoffs.saveDraft': { input: HandoffDraftInputSchema, output: HandoffDraftSchema.nullable() },
  /** Handovers to the shift the agent takes over that they have not acknowledged yet. */
  'handoffs.incoming': { input: Empty, output: IncomingHandoffsSchema },
} as const;
