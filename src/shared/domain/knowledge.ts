import { z } from 'zod';
import { LocaleSchema, type Role, type User } from './people.js';
import { IsoDateTimeSchema, PrioritySchema, TicketStatusSchema } from './ticket.js';
import { MAX_TAGS, TagSchema } from './tags.js';

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
  addTags: z.array(TagSchema).max(MAX_TAGS).optional(),
  removeTags: z.array(TagSchema).max(MAX_TAGS).optional(),
});
export type MacroActions = z.infer<typeof MacroActionsSchema>;

/** Rows written before personal macros, actions and article versions existed lack these fields: they parse as shared macros without actions, articles at version 1. */
export const LEGACY_UPDATED_AT = '1970-01-01T00:00:00.000Z';

export const MacroSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  locale: LocaleSchema,
  /** null: a shared macro everyone sees; otherwise the one user who owns (and alone sees) it. */
  ownerId: z.string().nullable().default(null),
  actions: MacroActionsSchema.default({}),
  updatedAt: IsoDateTimeSchema.default(LEGACY_UPDATED_AT),
});
export type Macro = z.infer<typeof MacroSchema>;

export const MACRO_TITLE_MAX = 120;
export const MACRO_BODY_MAX = 20_000;
/** Console-minted (uuid) or the catalog's readable ids ("macro-password-reset"). */
export const MacroIdSchema = z.string().trim().min(1).max(100);

/** What an agent writes when creating or editing a macro; who owns it follows from `shared` and the author. */
export const MacroContentSchema = z
  .object({
    title: z.string().trim().min(1).max(MACRO_TITLE_MAX),
    body: z.string().max(MACRO_BODY_MAX),
    locale: LocaleSchema,
    /** true: for the whole desk (supervisors and admins only); false: the author's own. */
    shared: z.boolean(),
    actions: MacroActionsSchema,
  })
  .strict()
  // A macro that neither writes nor changes anything would do nothing when applied.
  .refine((macro) => macro.body.trim() !== '' || Object.keys(macro.actions).length > 0, { path: ['body'], message: 'a macro needs a text or at least one action' });
export type MacroContent = z.infer<typeof MacroContentSchema>;

/** Shared macros speak for the whole desk: only the people who run it change them. */
export function maySaveSharedMacros(user: Pick<User, 'role'>): boolean {
  return mayEditKnowledge(user);
}

/** Whether the user may create, change or delete this macro (their own, or a shared one if they run the desk). */
export function mayChangeMacro(user: Pick<User, 'id' | 'role'>, macro: Pick<Macro, 'ownerId'>): boolean {
  return macro.ownerId === null ? maySaveSharedMacros(user) : macro.ownerId === user.id;
}

/**
 * Search by name and content: every word of the query, case-insensitive, anywhere in the title or the
 * text. The same rule for the REST list, the macro manager and the composer's picker.
 */
export function matchesMacro(macro: Pick<Macro, 'title' | 'body'>, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  const text = `${macro.title}\n${macro.body}`.toLocaleLowerCase();
  return words.every((word) => text.includes(word));
}

export const ARTICLE_TITLE_MAX = 200;
export const ARTICLE_BODY_MAX = 100_000;
export const VERSION_NOTE_MAX = 500;

export const ArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  locale: LocaleSchema,
  isPublic: z.boolean(),
  /** Grows by one with every save; an edit names the version it started from (optimistic concurrency). */
  version: z.number().int().positive().default(1),
  updatedAt: IsoDateTimeSchema.default(LEGACY_UPDATED_AT),
});
export type Article = z.infer<typeof ArticleSchema>;

/** One saved state of an article, kept for ever: the history editors read and restore from. */
export const ArticleVersionSchema = z.object({
  articleId: z.string(),
  version: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  locale: LocaleSchema,
  isPublic: z.boolean(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  note: z.string(),
  createdAt: IsoDateTimeSchema,
});
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;
export const ArticleVersionSummarySchema = ArticleVersionSchema.omit({ body: true });
export type ArticleVersionSummary = z.infer<typeof ArticleVersionSummarySchema>;

export const ArticleIdSchema = z.string().trim().min(1).max(100);

export const ArticleContentSchema = z
  .object({
    title: z.string().trim().min(1).max(ARTICLE_TITLE_MAX),
    body: z.string().trim().min(1).max(ARTICLE_BODY_MAX),
    locale: LocaleSchema,
    isPublic: z.boolean(),
    /** Why this version (shown in the history); optional. */
    note: z.string().trim().max(VERSION_NOTE_MAX).default(''),
  })
  .strict();
export type ArticleContent = z.infer<typeof ArticleContentSchema>;

/** An edit: the content, and the version the editor started from; a newer one on the server is a conflict. */
export const ArticleEditSchema = ArticleContentSchema.extend({ baseVersion: z.number().int().positive() }).strict();
export type ArticleEdit = z.infer<typeof ArticleEditSchema>;

const knowledgeEditors: readonly Role[] = ['supervisor', 'admin'];

/**
 * Who writes the knowledge base: supervisors and admins (docs/knowledge.md says why there is no
 * per-agent "knowledge editor" flag). Agents read it and suggest changes through their lead.
 */
export function mayEditKnowledge(user: Pick<User, 'role'>): boolean {
  return knowledgeEditors.includes(user.role);
}
