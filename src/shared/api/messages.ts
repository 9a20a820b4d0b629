import { z } from 'zod';
import { AttachmentMetaSchema, MessageSchema } from '../domain/ticket.js';

/** A message of a thread as integrations read it: the cleaned text, and where the original and files are. */
export const ThreadMessageSchema = MessageSchema.extend({
  attachments: z.array(AttachmentMetaSchema.extend({ url: z.string() })),
  /** The message as it arrived (an email's MIME source), when the channel kept it. */
  originalUrl: z.string().nullable(),
});
export type ThreadMessage = z.infer<typeof ThreadMessageSchema>;

export const ThreadReplySchema = z.object({ ticketId: z.uuid(), number: z.number().int(), items: z.array(ThreadMessageSchema) });
export type ThreadReply = z.infer<typeof ThreadReplySchema>;

export const MessageFileParamsSchema = z.object({
  id: z.union([z.uuid(), z.string().regex(/^\d+$/, 'a ticket id or number')]),
  fileId: z.uuid(),
});
