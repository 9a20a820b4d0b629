import { z } from 'zod';
import {
  CreateShiftOverrideBodySchema,
  CreateShiftSwapBodySchema,
  OnCallBoardSchema,
  OnCallRotationSchema,
  RotaIdSchema,
  RotaStintSchema,
  ShiftOverrideSchema,
  ShiftRotationSchema,
  ShiftSwapSchema,
} from '../domain/shifts.js';

/** The rota as the console holds it: every rotation, and the overrides and swaps not yet over. */
export const RotaSchema = z.object({
  rotations: z.array(ShiftRotationSchema),
  onCallRotations: z.array(OnCallRotationSchema),
  overrides: z.array(ShiftOverrideSchema),
  swaps: z.array(ShiftSwapSchema),
});
export type Rota = z.infer<typeof RotaSchema>;

/** One of the agent's own shifts, with the names and the zone the rota gives it. */
export const MyShiftSchema = RotaStintSchema.extend({ shiftName: z.string(), rotationName: z.string(), timeZone: z.string() });
export type MyShift = z.infer<typeof MyShiftSchema>;

/** The signed-in agent's place in the rota now: their shift and pager, and what comes next. */
export const MyRotaSchema = z.object({
  /** Whether the agent is in any shift rotation; someone in none is never off shift. */
  rostered: z.boolean(),
  current: MyShiftSchema.nullable(),
  next: MyShiftSchema.nullable(),
  onCall: RotaStintSchema.nullable(),
  nextOnCall: RotaStintSchema.nullable(),
});
export type MyRota = z.infer<typeof MyRotaSchema>;

const Empty = z.object({}).strict();
const RotationRef = z.object({ id: RotaIdSchema }).strict();
const EntryRef = z.object({ id: z.string().min(1).max(120) }).strict();
const Saved = <T extends z.ZodType>(rotation: T) => z.object({ rotation, mode: z.enum(['create', 'replace']) }).strict();

export const rotaMethods = {
  /** From the replica, so offline too. */
  'rota.get': { input: Empty, output: RotaSchema },
  /** Per tier, who is on shift and on call now, and when that next changes; from the replica. */
  'rota.onCallNow': { input: Empty, output: OnCallBoardSchema },
  'rota.mine': { input: Empty, output: MyRotaSchema },
  /** Admins change the rota on the server (online only); every console hears of it through sync. */
  'admin.rota.saveShiftRotation': { input: Saved(ShiftRotationSchema), output: ShiftRotationSchema },
  'admin.rota.removeShiftRotation': { input: RotationRef, output: z.null() },
  'admin.rota.saveOnCallRotation': { input: Saved(OnCallRotationSchema), output: OnCallRotationSchema },
  'admin.rota.removeOnCallRotation': { input: RotationRef, output: z.null() },
  'admin.rota.addOverride': { input: CreateShiftOverrideBodySchema, output: ShiftOverrideSchema },
  'admin.rota.removeOverride': { input: EntryRef, output: z.null() },
  'admin.rota.addSwap': { input: CreateShiftSwapBodySchema, output: ShiftSwapSchema },
  'admin.rota.removeSwap': { input: EntryRef, output: z.null() },
} as const;
