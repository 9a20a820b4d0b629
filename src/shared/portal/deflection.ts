import { z } from 'zod';
import { CustomerLocaleSchema } from '../notifications/templates.js';
import { IsoDateTimeSchema } from '../domain/ticket.js';
import { FormVisitSchema } from './forms.js';

export const deflectionKinds = ['suggestions_shown', 'suggestion_opened', 'form_submitted', 'form_abandoned'] as const;
export type DeflectionKind = (typeof deflectionKinds)[number];

/** What the page's script reports; a submitted form is recorded by the server when the ticket is made. */
export const DeflectionEventBodySchema = z
  .object({
    visit: FormVisitSchema,
    kind: z.enum(['suggestions_shown', 'suggestion_opened', 'form_abandoned']),
    articleId: z.string().min(1).max(200).optional(),
    lang: CustomerLocaleSchema.default('en'),
  })
  .strict()
  .refine((event) => (event.kind === 'suggestion_opened') === (event.articleId !== undefined), {
    message: 'articleId is given with suggestion_opened, and only then',
    path: ['articleId'],
  });
export type DeflectionEventBody = z.infer<typeof DeflectionEventBodySchema>;

export const DeflectionQuerySchema = z
  .object({ from: IsoDateTimeSchema.optional(), to: IsoDateTimeSchema.optional() })
  .strict()
  .refine((range) => !range.from || !range.to || Date.parse(range.from) < Date.parse(range.to), { message: 'from must be before to', path: ['from'] });

export const DeflectionReportSchema = z.object({
  from: IsoDateTimeSchema,
  to: IsoDateTimeSchema,
  /** Form visits with any event in the range: the customer typed, saw suggestions, left or sent. */
  visits: z.number().int(),
  visitsWithSuggestions: z.number().int(),
  /** Every opened suggestion, and the visits that opened at least one. */
  suggestionsOpened: z.number().int(),
  visitsWithOpenedSuggestion: z.number().int(),
  submitted: z.number().int(),
  /** Visits that were left without sending the form. */
  abandoned: z.number().int(),
  /** Visits that opened a suggestion and did not send the form: questions an article answered. */
  deflected: z.number().int(),
  /** deflected / visits; 0 without visits. */
  deflectionRate: z.number(),
  topArticles: z.array(z.object({ articleId: z.string(), opened: z.number().int() })),
});
export type DeflectionReport = z.infer<typeof DeflectionReportSchema>;
