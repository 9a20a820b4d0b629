import { z } from 'zod';
import { OnCallRotationSchema, RotaIdSchema, ShiftOverrideSchema, ShiftRotationSchema, ShiftSwapSchema } from '../domain/shifts.js';
import { IsoDateTimeSchema } from '../domain/ticket.js';

/** The REST shapes of the rota that are not the rota's own entities (those live in domain/shifts). */
export const RotaRefParamsSchema = z.object({ id: RotaIdSchema });
export const RotaEntryParamsSchema = z.object({ id: z.string().min(1).max(120) });

export const ShiftRotationListSchema = z.object({ items: z.array(ShiftRotationSchema) });
export const OnCallRotationListSchema = z.object({ items: z.array(OnCallRotationSchema) });
export const ShiftOverrideListSchema = z.object({ items: z.array(ShiftOverrideSchema) });
export const ShiftSwapListSchema = z.object({ items: z.array(ShiftSwapSchema) });

/** Overrides and swaps still in force at or after `from` (default: now), optionally of one rotation. */
export const RotaChangesQuerySchema = z
  .object({
    rotationId: RotaIdSchema.optional(),
    from: IsoDateTimeSchema.optional(),
  })
  .strict();
export type RotaChangesQuery = z.infer<typeof RotaChangesQuerySchema>;

/** "Who is on call" at an instant (default: now). */
export const OnCallQuerySchema = z.object({ at: IsoDateTimeSchema.optional() }).strict();
