import { z } from 'zod';

/**
 * How customers rate a solved ticket: five steps (1 very dissatisfied … 5 very satisfied) or two
 * (good / bad). Answers keep one score column on both scales — good is 5 and bad is 1 — so "satisfied"
 * means a score of 4 or more whichever scale the customer saw, and reports need no second formula.
 */
export const csatScales = ['five', 'good_bad'] as const;
export const CsatScaleSchema = z.enum(csatScales);
export type CsatScale = z.infer<typeof CsatScaleSchema>;

export const CSAT_GOOD = 5;
export const CSAT_BAD = 1;

/** The scores a customer may choose on a scale, in the order the survey lists them. */
export function scaleScores(scale: CsatScale): readonly number[] {
  return scale === 'good_bad' ? [CSAT_GOOD, CSAT_BAD] : [1, 2, 3, 4, 5];
}

export const isSatisfied = (score: number): boolean => score >= 4;

/** The survey settings an admin chooses; they apply to surveys answered from then on. */
export const CsatSettingsSchema = z.object({ scale: CsatScaleSchema }).strict();
export type CsatSettings = z.infer<typeof CsatSettingsSchema>;
