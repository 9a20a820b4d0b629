import { z } from 'zod';
import { ChannelSchema, CustomerTierSchema, IsoDateTimeSchema, PrioritySchema, TicketStatusSchema } from '../domain/ticket.js';

/** The queue table's columns, in the order they are shown. */
export const queueColumnIds = ['number', 'subject', 'requester', 'channel', 'priority', 'customerTier', 'status', 'assignee', 'queue', 'sla'] as const;
export const QueueColumnIdSchema = z.enum(queueColumnIds);
export type QueueColumnId = z.infer<typeof QueueColumnIdSchema>;

/**
 * The SLA state of a ticket's headline clock at one instant, as the queue shows it: dueSoon is a
 * running clock past its warning threshold.
 */
export const slaStates = ['breached', 'dueSoon', 'running', 'paused', 'met', 'none'] as const;
export const SlaStateSchema = z.enum(slaStates);
export type SlaState = z.infer<typeof SlaStateSchema>;

/** "me" and "unassigned" mean the same to whoever uses the view; `user:<id>` names a colleague. */
export const AssigneeChoiceSchema = z.union([z.enum(['me', 'unassigned']), z.string().regex(/^user:.{1,100}$/)]);
export type AssigneeChoice = z.infer<typeof AssigneeChoiceSchema>;

const Text = z.string().max(200);
const choices = <T extends z.ZodType>(schema: T) => z.array(schema).max(100);

/** Every filter is optional; text matches as a case-insensitive substring, choice lists as "any of". */
export const QueueFiltersSchema = z
  .object({
    number: Text.optional(),
    subject: Text.optional(),
    requester: Text.optional(),
    channel: choices(ChannelSchema).optional(),
    priority: choices(PrioritySchema).optional(),
    customerTier: choices(CustomerTierSchema).optional(),
    status: choices(TicketStatusSchema).optional(),
    assignee: choices(AssigneeChoiceSchema).optional(),
    queue: choices(z.string().min(1).max(100)).optional(),
    sla: choices(SlaStateSchema).optional(),
    /** Only tickets with an escalation that pages this agent now or that they hold. */
    escalatedToMe: z.boolean().optional(),
  })
  .strict();
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

export const QueueSortSchema = z.object({ column: QueueColumnIdSchema, desc: z.boolean() }).strict();
export type QueueSort = z.infer<typeof QueueSortSchema>;

export const ViewNameSchema = z.string().trim().min(1).max(80);

/** What a view is: filters, an order and the words of a full-text search (may be empty). */
export const QueueViewSpecSchema = z
  .object({
    filters: QueueFiltersSchema,
    sort: QueueSortSchema,
    search: z.string().max(200),
  })
  .strict();
export type QueueViewSpec = z.infer<typeof QueueViewSpecSchema>;

/** An agent's own view, kept on the server per user so it follows them to another workstation. */
export const SavedViewSchema = QueueViewSpecSchema.extend({
  id: z.uuid(),
  ownerId: z.string(),
  name: ViewNameSchema,
  updatedAt: IsoDateTimeSchema,
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const defaultQueueSort: QueueSort = { column: 'sla', desc: false };
