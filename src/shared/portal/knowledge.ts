import { z } from 'zod';
import { CustomerLocaleSchema } from '../notifications/templates.js';

export const KbQuerySchema = z.object({ q: z.string().trim().max(200).optional() });

export const ArticleParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** What the request form asks while the customer types a subject. */
export const SuggestionQuerySchema = z.object({
  q: z.string().trim().min(1).max(300),
  lang: CustomerLocaleSchema.default('en'),
});

export const SuggestionSchema = z.object({
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  /** The portal's article page: the chatbot links there too. */
  url: z.string(),
});
export const SuggestionReplySchema = z.object({ items: z.array(SuggestionSchema) });
export type SuggestionReply = z.infer<typeof SuggestionReplySchema>;
