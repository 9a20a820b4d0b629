import { z } from 'zod';
import { SlaSnapshotSchema } from '../sla/snapshot.js';
import { TagSchema } from './tags.js';

export const channels = ['email', 'web', 'chat', 'phone', 'social', 'monitoring'] as const;
export const ChannelSchema = z.enum(channels);
export type Channel = z.infer<typeof ChannelSchema>;

export const priorities = ['critical', 'high', 'medium', 'low'] as const;
export const PrioritySchema = z.enum(priorities);
export type Priority = z.infer<typeof PrioritySchema>;

export const customerTiers = ['standard', 'premium'] as const;
export const CustomerTierSchema = z.enum(customerTiers);
export type CustomerTier = z.infer<typeof CustomerTierSchema>;

export const ticketTypes = ['incident', 'problem', 'question', 'task'] as const;
export const TicketTypeSchema = z.enum(ticketTypes);
export type TicketType = z.infer<typeof TicketTypeSchema>;

/** pending = waiting on the customer; on_hold = waiting on a third party (vendor, another team). */
export const ticketStatuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const TicketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/**
 * Where a customer's new message leaves a ticket: waiting on them (pending) or solved goes back to
 * work; new and on hold stay (on hold: the third party still owes us). Closed tickets take no
 * messages: writing again opens a new ticket.
 */
export function statusAfterCustomerMessage(current: TicketStatus): TicketStatus {
  return current === 'pending' || current === 'solved' ? 'open' : current;
}

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const TicketSchema = z.object({
  id: z.uuid(),
  /** The number customers and agents say aloud ("ticket 1042"); ids stay internal. */
  number: z.number().int().positive(),
  subject: z.string(),
  requesterName: z.string(),
  requesterEmail: z.string(),
  channel: ChannelSchema,
  priority: PrioritySchema,
  customerTier: CustomerTierSchema,
  type: TicketTypeSchema,
  status: TicketStatusSchema,
  queueId: z.string(),
  assigneeId: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  firstRespondedAt: IsoDateTimeSchema.nullable(),
  solvedAt: IsoDateTimeSchema.nullable(),
  /** The clocks as the server last computed them; enough to count down offline. Null: no rule matched. */
  sla: SlaSnapshotSchema.nullable(),
  /** Lower-case labels agents (and macros) put on a ticket; rows from before tags existed have none. */
  tags: z.array(TagSchema).default([]),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const messageAuthorKinds = ['customer', 'agent', 'system'] as const;

/** A file that came with a message; its bytes are fetched from the server when someone opens it. */
export const AttachmentMetaSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMetaSchema>;

/** What an agent heard on an inbound call, logged as it ends. */
export const callOutcomes = ['resolved', 'follow_up', 'waiting_on_customer', 'voicemail'] as const;
export const CallRecordSchema = z.object({
  callerName: z.string(),
  callerPhone: z.string(),
  durationSeconds: z.number().int().nonnegative(),
  outcome: z.enum(callOutcomes),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

export const MessageSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  authorKind: z.enum(messageAuthorKinds),
  authorName: z.string(),
  body: z.string(),
  /** Internal notes are never shown to the customer. */
  isPublic: z.boolean(),
  /** When the server received it: what the customer and the SLA clocks go by. */
  createdAt: IsoDateTimeSchema,
  /** When an agent wrote it, where that was earlier (offline): kept, but never counted. */
  writtenAt: IsoDateTimeSchema.optional(),
  /** The channel it came or went by, where that differs from the ticket's (a portal ticket answered by email). */
  via: ChannelSchema.optional(),
  attachments: z.array(AttachmentMetaSchema).optional(),
  /** The message as it arrived (an email's MIME source, a webhook's body) can be fetched; the body is the cleaned text. */
  hasOriginal: z.boolean().optional(),
  /** An email's HTML, sanitised on arrival (no scripts, styles or remote images); `body` is its text. */
  html: z.string().optional(),
  call: CallRecordSchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const TicketDetailSchema = z.object({
  ticket: TicketSchema,
  messages: z.array(MessageSchema),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;
