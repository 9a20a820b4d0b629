import { z } from 'zod';
import { ChannelSchema, PrioritySchema, TicketTypeSchema } from '../domain/ticket.js';
import { CustomerLocaleSchema } from '../notifications/templates.js';

/** Header names of a signed webhook post; the signature covers `${timestamp}.${raw body}`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-shiftdesk-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-shiftdesk-timestamp';
/** A post older (or newer) than this is refused, so a captured one cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * A message from any other source: a social network bridge, a form on another site, a script.
 * `conversationId` is the source's own thread id: every post with the same one joins one ticket while
 * that ticket is open.
 */
export const WebhookMessageSchema = z.object({
  conversationId: z.string().trim().min(1).max(200),
  /** Where it came from, shown to agents ("twitter", "facebook", "whatsapp", "shop-form"). */
  source: z.string().trim().min(1).max(50),
  channel: ChannelSchema.exclude(['monitoring', 'email']).default('social'),
  author: z.object({
    name: z.string().trim().min(1).max(200),
    /** Without one the desk cannot write back: acknowledgements come back in the response for the bridge to post. */
    email: z.email().optional(),
    handle: z.string().trim().max(200).optional(),
    locale: CustomerLocaleSchema.optional(),
  }),
  subject: z.string().trim().max(300).optional(),
  text: z.string().trim().min(1).max(100_000),
  priority: PrioritySchema.optional(),
  type: TicketTypeSchema.optional(),
  queueId: z.string().min(1).optional(),
  attachments: z
    .array(z.object({ filename: z.string().min(1).max(255), contentType: z.string().min(3).max(255), contentBase64: z.base64() }))
    .max(20)
    .default([]),
});
export type WebhookMessage = z.output<typeof WebhookMessageSchema>;

export const WebhookReplySchema = z.object({
  ticketId: z.uuid(),
  number: z.number().int(),
  created: z.boolean(),
  acknowledgement: z.object({ subject: z.string(), body: z.string(), answerBy: z.string(), locale: CustomerLocaleSchema }).nullable(),
});
export type WebhookReply = z.infer<typeof WebhookReplySchema>;
