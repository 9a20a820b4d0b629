import { z } from 'zod';
import { EscalationReasonSchema, EscalationSchema } from '../domain/escalation.js';

/**
 * `POST /api/v1/tickets/:id/escalations`: a tier or a queue, and why. Flat rather than nested so a
 * script can write `{"tier": 2, "reason": "…"}`; exactly one of the two.
 */
export const EscalateBodySchema = z
  .object({
    tier: z.union([z.literal(2), z.literal(3)]).optional(),
    queueId: z.string().trim().min(1).max(200).optional(),
    reason: EscalationReasonSchema,
  })
  .strict()
  .refine((body) => (body.tier === undefined) !== (body.queueId === undefined), { message: 'give either tier or queueId', path: ['tier'] });
export type EscalateBody = z.infer<typeof EscalateBodySchema>;

export const DeclineBodySchema = z.object({ reason: EscalationReasonSchema }).strict();
export const EscalationParamsSchema = z.object({ id: z.uuid() });
export const EscalationListSchema = z.object({ items: z.array(EscalationSchema) });
