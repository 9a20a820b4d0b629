import { z } from 'zod';
import { LocalDateSchema, TimeOfDaySchema, TimeZoneSchema, weekdays } from '../sla/calendar-spec.js';
import { SupportTierSchema } from './people.js';
import { IsoDateTimeSchema } from './ticket.js';

/** Ids admins and integrations choose ("tier1-follow-the-sun", "riga-day"), or a minted UUID. */
export const RotaIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/, 'expected an id of letters, digits and _ . : - (at most 80)');

export const WeekdaySchema = z.enum(weekdays);

const ShiftStartSchema = TimeOfDaySchema.refine((time) => time !== '24:00', 'a shift starts before 24:00');

/**
 * One shift of a rotation: local hours in its own time zone on the weekdays it starts on. An end that
 * is not after the start runs into the next day (22:00–06:00), and an end equal to the start is a
 * whole day. Working in local time keeps a Riga day shift at 08:00 in Riga through every DST change.
 */
export const ShiftSchema = z
  .object({
    id: RotaIdSchema,
    name: z.string().trim().min(1).max(80),
    timeZone: TimeZoneSchema,
    start: ShiftStartSchema,
    end: TimeOfDaySchema,
    /** The days the shift starts on, in its own zone. */
    weekdays: z.array(WeekdaySchema).min(1, 'a shift runs on at least one weekday'),
    /** Who works it; empty is a vacant shift (its hours are out of hours for the queues). */
    memberIds: z.array(z.string().min(1)),
  })
  .strict();
export type Shift = z.infer<typeof ShiftSchema>;

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

const ShiftRotationFields = {
  name: z.string().trim().min(1).max(120),
  tier: SupportTierSchema,
  /** The queues whose working hours these shifts are. */
  queueIds: z.array(z.string().min(1)).min(1, 'a rotation covers at least one queue').refine(unique, 'a queue is listed twice'),
  shifts: z
    .array(ShiftSchema)
    .min(1, 'a rotation has at least one shift')
    .refine((shifts) => unique(shifts.map((s) => s.id)), 'two shifts share an id'),
};

/** Working hours of a tier: who sits at the desk when. Following the sun is several shifts in several zones. */
export const ShiftRotationSchema = z.object({ id: RotaIdSchema, ...ShiftRotationFields }).strict();
export type ShiftRotation = z.infer<typeof ShiftRotationSchema>;

/** A new rotation as an admin writes it: an id of their choosing, or one is minted. */
export const NewShiftRotationBodySchema = z.object({ id: RotaIdSchema.optional(), ...ShiftRotationFields }).strict();
export type NewShiftRotationBody = z.infer<typeof NewShiftRotationBodySchema>;

/** A rotation replaced whole; its id is in the path. */
export const ShiftRotationBodySchema = z.object(ShiftRotationFields).strict();
export type ShiftRotationBody = z.infer<typeof ShiftRotationBodySchema>;

const OnCallRotationFields = {
  name: z.string().trim().min(1).max(120),
  tier: SupportTierSchema,
  /** Who takes the pager, in turn; the first from the first hand-over on. */
  memberIds: z.array(z.string().min(1)).min(1, 'an on-call rotation has at least one member').refine(unique, 'a member is listed twice'),
  /** When the pager changes hands, in local time of its zone: Monday 09:00 Warsaw every week. */
  handover: z.object({ weekday: WeekdaySchema, time: ShiftStartSchema, timeZone: TimeZoneSchema }).strict(),
  /** How long each member holds the pager, in days. */
  lengthDays: z.number().int().min(1).max(28),
  /** The rotation starts at the first hand-over weekday on or after this local date. */
  startDate: LocalDateSchema,
};

/** Tier 2 and 3 around the clock: one person at a time answers pages, handing over on a fixed rhythm. */
export const OnCallRotationSchema = z.object({ id: RotaIdSchema, ...OnCallRotationFields }).strict();
export type OnCallRotation = z.infer<typeof OnCallRotationSchema>;

export const NewOnCallRotationBodySchema = z.object({ id: RotaIdSchema.optional(), ...OnCallRotationFields }).strict();
export type NewOnCallRotationBody = z.infer<typeof NewOnCallRotationBodySchema>;

export const OnCallRotationBodySchema = z.object(OnCallRotationFields).strict();
export type OnCallRotationBody = z.infer<typeof OnCallRotationBodySchema>;

const windowIsOrdered = (window: { start: string; end: string }) => Date.parse(window.end) > Date.parse(window.start);
const ORDER_MESSAGE = { message: 'end must be after start', path: ['end'] };

const OverrideFields = {
  /** A shift rotation or an on-call rotation: the two share one id space. */
  rotationId: RotaIdSchema,
  /** Only this shift of a shift rotation; absent: every shift the replaced person works. */
  shiftId: RotaIdSchema.optional(),
  replacedUserId: z.string().min(1),
  replacementUserId: z.string().min(1),
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema,
  reason: z.string().trim().min(1).max(500),
};

/**
 * Between two instants, one person stands in for another wherever the rota has the replaced person
 * working (or on call): sick leave, a dentist, a night someone else takes.
 */
export const ShiftOverrideSchema = z
  .object({
    id: z.string().min(1),
    ...OverrideFields,
    /** Set on the two overrides a swap expands into, so history shows it was a swap. */
    swapId: z.string().min(1).optional(),
    createdBy: z.string(),
    createdAt: IsoDateTimeSchema,
  })
  .strict();
export type ShiftOverride = z.infer<typeof ShiftOverrideSchema>;

export const CreateShiftOverrideBodySchema = z
  .object(OverrideFields)
  .strict()
  .refine((body) => body.replacedUserId !== body.replacementUserId, { message: 'a person cannot replace themselves', path: ['replacementUserId'] })
  .refine(windowIsOrdered, ORDER_MESSAGE);
export type CreateShiftOverrideBody = z.infer<typeof CreateShiftOverrideBodySchema>;

/** One side of a swap: what this person gives away (every stint of theirs in the rotation inside the window). */
export const SwapLegSchema = z.object({ userId: z.string().min(1), start: IsoDateTimeSchema, end: IsoDateTimeSchema }).strict().refine(windowIsOrdered, ORDER_MESSAGE);
export type SwapLeg = z.infer<typeof SwapLegSchema>;

const SwapFields = {
  rotationId: RotaIdSchema,
  first: SwapLegSchema,
  second: SwapLegSchema,
  reason: z.string().trim().min(1).max(500),
};

/** Two people trade shifts: each works the other's window. Kept as one record; the schedule expands it. */
export const ShiftSwapSchema = z
  .object({ id: z.string().min(1), ...SwapFields, createdBy: z.string(), createdAt: IsoDateTimeSchema })
  .strict();
export type ShiftSwap = z.infer<typeof ShiftSwapSchema>;

export const CreateShiftSwapBodySchema = z
  .object(SwapFields)
  .strict()
  .refine((body) => body.first.userId !== body.second.userId, { message: 'a swap needs two different people', path: ['second', 'userId'] })
  .refine(
    (body) => Date.parse(body.first.end) <= Date.parse(body.second.start) || Date.parse(body.second.end) <= Date.parse(body.first.start),
    { message: 'the two windows of a swap must not overlap', path: ['second', 'start'] },
  );
export type CreateShiftSwapBody = z.infer<typeof CreateShiftSwapBodySchema>;

/** One person's stretch on shift or on call, as REST and the console show it. */
export const RotaStintSchema = z.object({
  userId: z.string(),
  /** The person's name, or their id when the desk no longer knows them. */
  name: z.string(),
  rotationId: z.string(),
  /** Null for an on-call turn. */
  shiftId: z.string().nullable(),
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema,
});
export type RotaStint = z.infer<typeof RotaStintSchema>;

/** Who is on shift and on call for one tier at an instant. */
export const TierDutySchema = z.object({
  tier: SupportTierSchema,
  onShift: z.array(RotaStintSchema),
  onCall: z.array(RotaStintSchema),
  /** When someone of the tier's shift rotations is next on shift (the instant itself while someone is); null without rotations. */
  nextShiftStart: IsoDateTimeSchema.nullable(),
  /** The next instant anyone of the tier starts or stops working or holding the pager. */
  nextHandover: IsoDateTimeSchema.nullable(),
});
export type TierDuty = z.infer<typeof TierDutySchema>;

export const OnCallBoardSchema = z.object({ at: IsoDateTimeSchema, tiers: z.array(TierDutySchema) });
export type OnCallBoard = z.infer<typeof OnCallBoardSchema>;
