import { z } from 'zod';
import {
  ChannelSchema,
  CustomerTierSchema,
  PrioritySchema,
  TicketSchema,
  TicketStatusSchema,
  TicketTypeSchema,
  IsoDateTimeSchema,
} from '../domain/ticket.js';
import { SlaPolicySchema } from '../sla/policy.js';
import { UserSchema } from '../domain/people.js';
import { HandedOverShiftSchema, HandoffBodySchema, HandoffNoteSchema, HandoffQueueIdSchema } from '../domain/handoff.js';

/** Sign-in names are addresses of the desk's own directory ("agent@demo"), so no public-domain rule applies. */
export const LoginBodySchema = z.object({
  email: z.string().trim().toLowerCase().max(320).regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address'),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const LoginReplySchema = z.object({
  token: z.string(),
  user: UserSchema,
});
export type LoginReply = z.infer<typeof LoginReplySchema>;

export const CreateTicketBodySchema = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(100_000),
  requesterName: z.string().trim().min(1).max(200),
  requesterEmail: z.email().max(320),
  channel: ChannelSchema.default('web'),
  priority: PrioritySchema.default('medium'),
  customerTier: CustomerTierSchema.default('standard'),
  type: TicketTypeSchema.default('question'),
  /** Without a queue the ticket lands in the general tier-1 queue; routing rules come later. */
  queueId: z.string().min(1).optional(),
});
export type CreateTicketBody = z.input<typeof CreateTicketBodySchema>;

export const TicketListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  queueId: z.string().min(1).optional(),
  status: TicketStatusSchema.optional(),
});
export type TicketListQuery = z.infer<typeof TicketListQuerySchema>;

export const TicketPageSchema = z.object({
  items: z.array(TicketSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type TicketPage = z.infer<typeof TicketPageSchema>;

/** A ticket is addressed by its id or by the number people say aloud. */
export const TicketRefParamsSchema = z.object({
  id: z.union([z.uuid(), z.string().regex(/^\d+$/, 'a ticket id or number')]),
});

export const UpdateTicketBodySchema = z
  .object({
    status: TicketStatusSchema.optional(),
    priority: PrioritySchema.optional(),
    customerTier: CustomerTierSchema.optional(),
    type: TicketTypeSchema.optional(),
    /** Moves the ticket to another queue. */
    queueId: z.string().min(1).optional(),
    /** Assigns the ticket (null: unassigned); an agent outside the queue still receives it. */
    assigneeId: z.string().min(1).nullable().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'give at least one of status, priority, customerTier, type, queueId, assigneeId');
export type UpdateTicketBody = z.infer<typeof UpdateTicketBodySchema>;

export const AddMessageBodySchema = z
  .object({
    body: z.string().trim().min(1).max(100_000),
    /** false: an internal note the customer never sees. */
    isPublic: z.boolean().default(true),
    /** When the agent wrote it, if earlier than now (written offline); the SLA counts from arrival. */
    writtenAt: IsoDateTimeSchema.optional(),
  })
  .strict();
export type AddMessageBody = z.input<typeof AddMessageBodySchema>;

export const SlaPolicyReplySchema = z.object({ version: z.number().int(), reason: z.string(), createdAt: IsoDateTimeSchema, policy: SlaPolicySchema });

export const ReplaceSlaPolicyBodySchema = z
  .object({
    policy: SlaPolicySchema,
    /** Recorded on every ticket whose clocks move because of this change. */
    reason: z.string().trim().min(3).max(500),
  })
  .strict();

export const ReplaceSlaPolicyReplySchema = z.object({ version: z.number().int(), recomputedTickets: z.number().int() });

export const HandoffListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    /** Only this queue's notes; without it, the whole desk's and every queue's the caller may see. */
    queueId: z.string().min(1).optional(),
    /** Only notes whose author or text has every word of this (word prefixes: "vpn rig" finds "VPN in Riga"). */
    q: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type HandoffListQuery = z.infer<typeof HandoffListQuerySchema>;

export const HandoffPageSchema = z.object({
  /** Newest first. */
  items: z.array(HandoffNoteSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type HandoffPage = z.infer<typeof HandoffPageSchema>;

export const CreateHandoffBodySchema = z
  .object({
    /** Required, so a note meant for one queue never reaches the whole desk by omission: null says so. */
    queueId: HandoffQueueIdSchema,
    body: HandoffBodySchema,
    /** When it was written, if earlier than now. */
    writtenAt: IsoDateTimeSchema.optional(),
    /** The caller's shift this note hands over (its rotation, shift and end, as the rota has it). */
    shift: HandedOverShiftSchema.optional(),
  })
  .strict();
export type CreateHandoffBody = z.input<typeof CreateHandoffBodySchema>;

export const HandoffRefParamsSchema = z.object({ id: z.uuid() });

export const ErrorReplySchema = z.object({
  error: z.string(),
  message: z.string(),
});
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

export const HealthReplySchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  epoch: z.string(),
});
