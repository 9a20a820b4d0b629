import { z } from 'zod';
import { clockKinds } from './policy.js';

const Iso = z.iso.datetime({ offset: true });

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
