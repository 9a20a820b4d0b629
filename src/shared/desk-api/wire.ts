import { z } from 'zod';

/** A call from a bridge to the core, validated before it is dispatched. */
export const DeskCallSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int(),
  method: z.string(),
  input: z.unknown(),
});
