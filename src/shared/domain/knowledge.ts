import { z } from 'zod';
import { LocaleSchema } from './people.js';
import { IsoDateTimeSchema, PrioritySchema, TicketStatusSchema } from './ticket.js';

/** A tag as macros name it; the same rule as a ticket's tags (lower-case, trimmed, at most 40 characters). */
export const MacroTagSchema = z.string().trim().toLowerCase().min(1).max(40);

export const MacroAssigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('me') }),
  z.object({ kind: z.literal('unassigned') }),
  z.object({ kind: z.literal('user'), userId: z.string().min(1) }),
]);
export type MacroAssignee = z.infer<typeof MacroAssigneeSchema>;

/** What applying a macro changes on the ticket besides the reply text; every field is optional. */
export const MacroActionsSchema = z.object({
  status: TicketStatusSchema.optional(),
  priority: PrioritySchema.optional(),
  assignee: MacroAssigneeSchema.optional(),
  addTags: z.array(MacroTagSchema).max(20).optional(),
  removeTags: z.array(MacroTagSchema).max(20).optional(),
});
export type MacroActions = z.infer<typeof MacroActionsSchema>;

/** Rows written before personal macros and actions existed have none of the last three fields; they parse as shared macros without actions. */
export const LEGACY_MACRO_UPDATED_AT = '1970-01-01T00:00:00.000Z';

export const MacroSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  locale: LocaleSchema,
  /** null: a shared macro everyone sees; otherwise the one user who owns (and alone sees) it. */
  ownerId: z.string().nullable().default(null),
  actions: MacroActionsSchema.default({}),
  updatedAt: IsoDateTimeSchema.default(LEGACY_MACRO_UPDATED_AT),
});
export type Macro = z.infer<typeof MacroSchema>;

export const ArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  locale: LocaleSchema,
  isPublic: z.boolean(),
});
export type Article = z.infer<typeof ArticleSchema>;
