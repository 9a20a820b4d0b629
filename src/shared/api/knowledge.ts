import { z } from 'zod';
import { ArticleIdSchema, ArticleVersionSummarySchema, MacroIdSchema } from '../domain/knowledge.js';

/** GET /api/v1/macros: the caller's macros (shared and their own), optionally searched by name and content. */
export const MacroListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    /** `shared`: the desk's; `personal`: the caller's own; both when absent. */
    scope: z.enum(['shared', 'personal']).optional(),
  })
  .strict();
export type MacroListQuery = z.infer<typeof MacroListQuerySchema>;

export const MacroRefParamsSchema = z.object({ id: MacroIdSchema }).strict();
export const ArticleRefParamsSchema = z.object({ id: ArticleIdSchema }).strict();
export const ArticleVersionParamsSchema = z.object({ id: ArticleIdSchema, version: z.coerce.number().int().positive() }).strict();

/** 409 to an article edit: the version saved meanwhile, so the editor can say who saved what when. */
export const ArticleConflictReplySchema = z.object({
  error: z.literal('conflict'),
  message: z.string(),
  current: ArticleVersionSummarySchema.optional(),
});
export type ArticleConflictReply = z.infer<typeof ArticleConflictReplySchema>;
