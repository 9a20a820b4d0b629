import { z } from 'zod';
import { LocaleSchema } from '../domain/people.js';
import {
  ArticleContentSchema,
  ArticleIdSchema,
  ArticleSchema,
  ArticleVersionSchema,
  ArticleVersionSummarySchema,
  MacroContentSchema,
  MacroIdSchema,
  MacroSchema,
} from '../domain/knowledge.js';

export const ArticleHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  locale: LocaleSchema,
  isPublic: z.boolean(),
  /** The passage around the match, for the result list. */
  snippet: z.string(),
});
export type ArticleHit = z.infer<typeof ArticleHitSchema>;

/** A macro as the console shows it: the replica's, with this console's unconfirmed edit on top. */
export const LocalMacroSchema = MacroSchema.extend({
  /** Created or edited here and not yet confirmed by the server ("waiting to send"). */
  pending: z.boolean(),
});
export type LocalMacro = z.infer<typeof LocalMacroSchema>;

/** An article as the console shows it, with the link customers can open (public articles only). */
export const ArticleViewSchema = ArticleSchema.extend({
  /** The customer portal's page of the article; null for internal articles, which customers never see. */
  publicUrl: z.string().nullable(),
});
export type ArticleView = z.infer<typeof ArticleViewSchema>;

/** Saving an article: saved as a new version, or refused because someone saved a newer one first. */
export const ArticleSaveResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), article: ArticleViewSchema }),
  z.object({ status: z.literal('conflict'), message: z.string(), current: ArticleVersionSummarySchema.nullable() }),
]);
export type ArticleSaveResult = z.infer<typeof ArticleSaveResultSchema>;

const Empty = z.object({}).strict();

export const knowledgeMethods = {
  /** Searches the replica's knowledge base: works offline. */
  'kb.search': { input: z.object({ query: z.string().max(500), locale: LocaleSchema.optional() }).strict(), output: z.array(ArticleHitSchema) },
  'kb.get': { input: z.object({ id: z.string().min(1) }).strict(), output: ArticleViewSchema.nullable() },
  /** Articles for the ticket's subject and first customer message, best first; from the replica, so offline too. */
  'kb.suggest': { input: z.object({ ticketId: z.uuid(), limit: z.number().int().min(1).max(20).optional() }).strict(), output: z.array(ArticleHitSchema) },
  /**
   * Saves an article as a new version (supervisors and admins); online only, docs/knowledge.md. With
   * `id` it edits that article from `baseVersion`; without, it writes a new one.
   */
  'kb.save': {
    input: z.union([
      z.object({ id: ArticleIdSchema, baseVersion: z.number().int().positive(), content: ArticleContentSchema }).strict(),
      z.object({ content: ArticleContentSchema }).strict(),
    ]),
    output: ArticleSaveResultSchema,
  },
  /** The article's versions, newest first (online only). */
  'kb.versions': { input: z.object({ id: ArticleIdSchema }).strict(), output: z.array(ArticleVersionSummarySchema) },
  'kb.version': { input: z.object({ id: ArticleIdSchema, version: z.number().int().positive() }).strict(), output: ArticleVersionSchema },
  /** The shared macros and the agent's own, by title, with unconfirmed edits made here on top; offline too. */
  'macros.list': { input: Empty, output: z.array(LocalMacroSchema) },
  /**
   * Creates (no `id`) or replaces a macro; works offline. Shared macros are for supervisors and
   * admins; anyone keeps personal ones.
   */
  'macros.save': { input: z.object({ id: MacroIdSchema.optional(), macro: MacroContentSchema }).strict(), output: z.object({ id: z.string() }) },
  'macros.delete': { input: z.object({ id: MacroIdSchema }).strict(), output: z.object({ queued: z.boolean() }) },
} as const;

export const knowledgeEvents = {
  /** Macros or articles changed: arrived from the server, edited here, or rolled back. */
  'knowledge.changed': z.object({}),
} as const;
