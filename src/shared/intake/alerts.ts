import { z } from 'zod';

/** Labels and annotations as monitoring systems send them: string keys to string values. */
export const AlertLabelsSchema = z.record(z.string(), z.string());

export const AlertStatusSchema = z.enum(['firing', 'resolved']);

/**
 * Stable per label set: the same alert firing again has the same fingerprint. Bounded because it is
 * stored as the alert's link to its ticket.
 */
export const AlertFingerprintSchema = z.string().min(1).max(200);

/** The reply of every intake endpoint, whichever system posted. */
export const IntakeReplySchema = z.object({
  /** One line per alert (or item) received: what became of it. */
  results: z.array(z.object({ ref: z.string(), ticketId: z.uuid().nullable(), outcome: z.enum(['created', 'duplicate', 'resolved', 'noted', 'ignored']) })),
});
export type IntakeReply = z.infer<typeof IntakeReplySchema>;
