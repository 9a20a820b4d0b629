import { z } from 'zod';
import { LocaleSchema } from './people.js';

export const MacroSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  locale: LocaleSchema,
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
