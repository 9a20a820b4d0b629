import { z } from 'zod';

/** Something a channel received but could not take in, kept whole with the reason, for an admin to look at. */
export const QuarantinedItemSchema = z.object({
  id: z.uuid(),
  source: z.string(),
  reason: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  receivedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type QuarantinedItem = z.infer<typeof QuarantinedItemSchema>;

export const QuarantineListQuerySchema = z.object({ state: z.enum(['open', 'resolved', 'all']).default('open') });
export const QuarantineListSchema = z.object({ items: z.array(QuarantinedItemSchema) });
export const QuarantineParamsSchema = z.object({ id: z.uuid() });

export const OutboundItemSchema = z.object({
  id: z.uuid(),
  ticketId: z.string().nullable(),
  kind: z.string(),
  channel: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const OutboundListQuerySchema = z.object({ status: z.enum(['queued', 'sent', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const OutboundListSchema = z.object({ items: z.array(OutboundItemSchema) });
