import { z } from 'zod';
import { SlaSnapshotSchema } from '../sla/snapshot.js';

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
});
export type Ticket = z.infer<typeof TicketSchema>;

export const messageAuthorKinds = ['customer', 'agent', 'system'] as const;

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
});
export type Message = z.infer<typeof MessageSchema>;

export const TicketDetailSchema = z.object({
  ticket: TicketSchema,
  messages: z.array(MessageSchema),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;
