import { z } from 'zod';
import { CsatScaleSchema, scaleScores } from '../csat/survey.js';
import { CustomerLocaleSchema } from '../notifications/templates.js';

/**
 * What customers may send through the portal's forms. Limits are the portal's own, below what intake
 * takes from any channel: a browser upload is a person's files, not a mail server's.
 */
export const PORTAL_MAX_FILES = 5;
export const PORTAL_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const SUBJECT_MAX = 300;
export const TEXT_MAX = 20_000;
export const COMMENT_MAX = 2_000;

export const PortalEmailSchema = z.string().trim().max(320).pipe(z.email());

/** A form visit: the id the request form is rendered with, which deflection events are counted by. */
export const FormVisitSchema = z.uuid();

export const RequestFormSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: PortalEmailSchema,
  language: CustomerLocaleSchema,
  subject: z.string().trim().min(1).max(SUBJECT_MAX),
  description: z.string().trim().min(1).max(TEXT_MAX),
  // A mangled visit id must never cost a customer their request: it only loses the statistics.
  visit: FormVisitSchema.optional().catch(undefined),
});
export type RequestForm = z.infer<typeof RequestFormSchema>;

export const ReplyFormSchema = z.object({ message: z.string().trim().min(1).max(TEXT_MAX) });

export const AccessFormSchema = z.object({ email: PortalEmailSchema });

/** 32 random bytes, base64url: what a sign-in link and a session cookie carry. */
export const PortalTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const LinkFormSchema = z.object({ token: PortalTokenSchema });

export const SurveyParamsSchema = z.object({ ticketId: z.uuid() });
/**
 * The answer is checked against the scale the page was drawn in (a hidden field), so a survey opened
 * before an admin changed the scale can still be sent as it was shown.
 */
export const SurveyFormSchema = z
  .object({
    token: z.string().min(1).max(200),
    scale: CsatScaleSchema.default('five'),
    score: z.coerce.number().int().min(1).max(5),
    comment: z
      .string()
      .trim()
      .max(COMMENT_MAX)
      .optional()
      .transform((text) => text || undefined),
  })
  .refine((form) => scaleScores(form.scale).includes(form.score), { path: ['score'], message: 'Not a choice on this scale' });
export type SurveyForm = z.infer<typeof SurveyFormSchema>;

/** A ticket as customers name it: its number. */
export const RequestParamsSchema = z.object({ number: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const RequestFileParamsSchema = RequestParamsSchema.extend({ fileId: z.uuid() });
