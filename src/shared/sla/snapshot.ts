import { z } from 'zod';

const Iso = z.iso.datetime({ offset: true });

// Kept here, beside the zod-only transport shapes, so the ticket schema can carry a snapshot without
// importing the policy module (which imports the ticket schema).
export const clockKinds = ['firstResponse', 'nextReply', 'periodicUpdate', 'resolution'] as const;
export type ClockKind = (typeof clockKinds)[number];

export const clockStates = ['running', 'paused', 'met', 'breached'] as const;
export type ClockState = (typeof clockStates)[number];

export const pauseReasons = ['pending', 'on_hold', 'solved'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** One SLA target of a ticket as of `SlaSnapshot.computedAt`. */
export const ClockReportSchema = z.object({
  kind: z.enum(clockKinds),
  state: z.enum(clockStates),
  targetMinutes: z.number(),
  /** When the current cycle began (the ticket's start, or the customer message that opened a next-reply cycle). */
  startedAt: Iso,
  /** When the target is (or was) reached while counting; null while paused and not yet reached. */
  dueAt: Iso.nullable(),
  warnAt: Iso.nullable(),
  stoppedAt: Iso.nullable(),
  pausedBy: z.enum(pauseReasons).nullable(),
  elapsedMinutes: z.number(),
  remainingMinutes: z.number(),
  warning: z.boolean(),
  /** The next instant the state or warning flag changes if nothing else happens: one wake-up per ticket. */
  nextChangeAt: Iso.nullable(),
  /** Next-reply cycles that breached, including finished ones. */
  breaches: z.number().int(),
});
export type ClockReport = z.infer<typeof ClockReportSchema>;

/** What a ticket carries so any replica can count down offline without asking the server. */
export const SlaSnapshotSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  calendarId: z.string(),
  computedAt: Iso,
  clocks: z.array(ClockReportSchema),
});
export type SlaSnapshot = z.infer<typeof SlaSnapshotSchema>;

/** One line of a clock's story: counted business time, a closed stretch, or a pause and its reason. */
export const TimelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counted'), from: Iso, to: Iso, minutes: z.number(), localDate: z.string(), holiday: z.boolean(), dstShiftMinutes: z.number() }),
  z.object({ kind: z.literal('closed'), from: Iso, to: Iso, holidays: z.array(z.string()) }),
  z.object({ kind: z.literal('paused'), from: Iso, to: Iso, reason: z.enum(pauseReasons) }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** Why a ticket's clocks say what they say: the matched rule and every stretch of time, counted or not. */
export const SlaExplanationSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  /** Structured, so every console says it in its own language. */
  reasons: z.array(z.object({ field: z.string(), value: z.string(), oneOf: z.array(z.string()) })),
  skipped: z.array(z.object({ ruleId: z.string(), field: z.string(), value: z.string() })),
  calendarId: z.string(),
  timeZone: z.string(),
  /** Replies written offline: counted from when they reached the server, as the customer saw them. */
  lateMessages: z.array(z.object({ writtenAt: Iso, receivedAt: Iso })),
  clocks: z.array(z.object({ kind: z.enum(clockKinds), entries: z.array(TimelineEntrySchema) })),
});
export type SlaExplanation = z.infer<typeof SlaExplanationSchema>;
