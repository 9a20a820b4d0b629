import { z } from 'zod';
import { MacroActionsSchema } from '../domain/knowledge.js';
import { AttachmentMetaSchema, IsoDateTimeSchema } from '../domain/ticket.js';
import { MAX_REPLY_FILE_BYTES, MAX_REPLY_FILES } from '../domain/reply-files.js';

export { MAX_REPLY_FILE_BYTES, MAX_REPLY_FILES };
export const DRAFT_BODY_MAX = 100_000;

export const draftKinds = ['reply', 'note'] as const;
export const DraftKindSchema = z.enum(draftKinds);

/**
 * The reply or note an agent is writing on a ticket, kept by the core per agent and ticket (the text,
 * the macro actions staged to apply with the send, and the files attached), so switching tickets or a
 * restart loses none of it.
 */
export const TicketDraftSchema = z.object({
  ticketId: z.uuid(),
  kind: DraftKindSchema,
  body: z.string().max(DRAFT_BODY_MAX),
  actions: MacroActionsSchema,
  files: z.array(AttachmentMetaSchema).max(MAX_REPLY_FILES),
  updatedAt: IsoDateTimeSchema,
});
export type TicketDraft = z.infer<typeof TicketDraftSchema>;

const TicketRef = { ticketId: z.uuid() };

export const ticketDraftMethods = {
  /** The agent's draft on a ticket, or null when there is none. */
  'ticketDrafts.get': { input: z.object(TicketRef).strict(), output: TicketDraftSchema.nullable() },
  /** Keeps the text, kind and staged actions (files are attached and removed on their own); null: nothing left to keep. */
  'ticketDrafts.save': {
    input: z.object({ ...TicketRef, kind: DraftKindSchema, body: z.string().max(DRAFT_BODY_MAX), actions: MacroActionsSchema }).strict(),
    output: TicketDraftSchema.nullable(),
  },
  /** Keeps a file's bytes in the core for the draft; refused past the size or count limit. */
  'ticketDrafts.attach': {
    input: z
      .object({
        ...TicketRef,
        filename: z.string().trim().min(1).max(255),
        contentType: z.string().max(255),
        // Base64 of at most MAX_REPLY_FILE_BYTES (and a little: the size itself is checked decoded).
        base64: z.string().max(Math.ceil(MAX_REPLY_FILE_BYTES / 3) * 4 + 4),
      })
      .strict(),
    output: TicketDraftSchema,
  },
  'ticketDrafts.detach': { input: z.object({ ...TicketRef, fileId: z.uuid() }).strict(), output: TicketDraftSchema.nullable() },
  /**
   * Sends the draft in one step: the reply or note (with its files) and then each staged action,
   * enqueued together in that order, each `from` what the agent sees at that point; the draft is
   * then done with. Answers the outbox ids.
   */
  'ticketDrafts.send': { input: z.object(TicketRef).strict(), output: z.object({ ids: z.array(z.number().int()) }) },
} as const;
