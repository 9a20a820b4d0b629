import {
  SlaExplanationSchema,
  SlaSnapshotSchema,
  type ClockKind,
  type ClockReport,
  type ClockState,
  type PauseReason,
  type SlaExplanation,
  type SlaSnapshot,
} from '../../../shared/sla/snapshot.js';
import { testNow } from './test-time.js';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Typical targets of a standard rule, in business minutes. */
const defaultTargets: Record<ClockKind, number> = { firstResponse: 60, nextReply: 120, periodicUpdate: 240, resolution: 480 };

export interface ClockSpec {
  /** Defaults to running (or breached, when `dueIn` is negative). */
  state?: ClockState;
  targetMinutes?: number;
  /** Minutes from `now` to the due instant while the clock counts; negative once overdue. Sets `elapsedMinutes`. */
  dueIn?: number;
  /** Business minutes counted so far (defaults to half the target, or from `dueIn`). */
  elapsedMinutes?: number;
  /** Paused clocks only; defaults to waiting on the customer. */
  pausedBy?: PauseReason;
  /** Met clocks, and breached ones that have stopped: when the reply (or the solve) came. */
  stoppedAt?: string;
  warnAtPercent?: number;
  breaches?: number;
  /** The instant the snapshot describes; defaults to `testNow`. */
  now?: number;
}

/**
 * One clock as the engine reports it, made consistent the simple way: the fixture counts every wall
 * minute as a business minute (an all-day calendar), so due and warning instants follow from the
 * minutes counted. Running clocks carry their next wake-up; paused ones have no due time yet.
 */
export function slaClock(kind: ClockKind, spec: ClockSpec = {}): ClockReport {
  const now = spec.now ?? testNow;
  const targetMinutes = spec.targetMinutes ?? defaultTargets[kind];
  const elapsedMinutes = spec.elapsedMinutes ?? (spec.dueIn !== undefined ? targetMinutes - spec.dueIn : Math.round(targetMinutes / 2));
  const warnMinutes = (targetMinutes * (spec.warnAtPercent ?? 75)) / 100;
  const reached = elapsedMinutes >= targetMinutes;
  const state: ClockState = spec.state ?? (reached ? 'breached' : 'running');
  const stopped = state === 'met' || (state === 'breached' && spec.stoppedAt !== undefined);
  const stoppedAt = stopped ? (spec.stoppedAt ?? iso(now - 10 * MINUTE)) : null;
  const lastCounted = stoppedAt !== null ? Date.parse(stoppedAt) : now;
  const counting = state === 'running' || (state === 'breached' && !stopped && spec.pausedBy === undefined);
  // Where the counted minutes would reach an amount: extrapolated while counting, else only if already reached.
  const instantOf = (amount: number) =>
    counting || elapsedMinutes >= amount ? iso(lastCounted + (amount - elapsedMinutes) * MINUTE) : null;
  const dueAt = instantOf(targetMinutes);
  const warnAt = instantOf(warnMinutes);
  const upcoming = [warnAt, dueAt].filter((t): t is string => t !== null && Date.parse(t) > now && counting).sort();
  return {
    kind,
    state,
    targetMinutes,
    startedAt: iso(lastCounted - elapsedMinutes * MINUTE),
    dueAt,
    warnAt,
    stoppedAt,
    pausedBy: state === 'paused' ? (spec.pausedBy ?? 'pending') : state === 'breached' && !stopped ? (spec.pausedBy ?? null) : null,
    elapsedMinutes,
    remainingMinutes: targetMinutes - elapsedMinutes,
    warning: elapsedMinutes >= warnMinutes && state !== 'met',
    nextChangeAt: upcoming[0] ?? null,
    breaches: spec.breaches ?? (state === 'breached' ? 1 : 0),
  };
}

/** A snapshot as the server sends it, checked against the shared schema so fixtures stay honest. */
export function slaSnapshot(clocks: ClockReport[], overrides: Partial<Omit<SlaSnapshot, 'clocks'>> & { now?: number } = {}): SlaSnapshot {
  const { now, ...rest } = overrides;
  return SlaSnapshotSchema.parse({
    ruleId: 'standard',
    ruleName: 'Standard support',
    calendarId: 'riga-office',
    computedAt: iso(now ?? testNow),
    clocks,
    ...rest,
  });
}

/**
 * Easter 2026 at a Polish premium desk (Europe/Warsaw; weekdays 08:00–20:00, weekends round the clock,
 * Easter Sunday 10:00–14:00, Easter Monday closed), seen on Tuesday 7 April at 10:00 local time. The
 * ticket came in on Friday 27 March at 19:00; clocks went forward on Sunday 29 March.
 */
export const easterNow = Date.parse('2026-04-07T08:00:00Z');

export function easterSnapshot(): SlaSnapshot {
  return slaSnapshot(
    [
      {
        kind: 'firstResponse',
        state: 'met',
        targetMinutes: 120,
        startedAt: '2026-03-27T18:00:00.000Z',
        dueAt: null,
        warnAt: '2026-03-27T23:30:00.000Z',
        stoppedAt: '2026-03-27T23:45:00.000Z',
        pausedBy: null,
        elapsedMinutes: 105,
        remainingMinutes: 15,
        warning: false,
        nextChangeAt: null,
        breaches: 0,
      },
      {
        kind: 'nextReply',
        state: 'running',
        targetMinutes: 60,
        startedAt: '2026-04-07T07:15:00.000Z',
        dueAt: '2026-04-07T08:15:00.000Z',
        warnAt: '2026-04-07T08:00:00.000Z',
        stoppedAt: null,
        pausedBy: null,
        elapsedMinutes: 45,
        remainingMinutes: 15,
        warning: true,
        nextChangeAt: '2026-04-07T08:15:00.000Z',
        breaches: 0,
      },
      {
        kind: 'periodicUpdate',
        state: 'running',
        targetMinutes: 240,
        startedAt: '2026-04-07T06:30:00.000Z',
        dueAt: '2026-04-07T10:30:00.000Z',
        warnAt: '2026-04-07T09:30:00.000Z',
        stoppedAt: null,
        pausedBy: null,
        elapsedMinutes: 90,
        remainingMinutes: 150,
        warning: false,
        nextChangeAt: '2026-04-07T09:30:00.000Z',
        breaches: 0,
      },
      {
        kind: 'resolution',
        state: 'running',
        targetMinutes: 1440,
        startedAt: '2026-03-27T18:00:00.000Z',
        dueAt: '2026-04-07T16:00:00.000Z',
        warnAt: '2026-04-07T10:00:00.000Z',
        stoppedAt: null,
        pausedBy: null,
        elapsedMinutes: 960,
        remainingMinutes: 480,
        warning: false,
        nextChangeAt: '2026-04-07T10:00:00.000Z',
        breaches: 0,
      },
    ],
    { ruleId: 'premium-critical', ruleName: 'Premium critical', calendarId: 'pl-premium', now: easterNow },
  );
}

/** What the server explains for `easterSnapshot()`: every stretch of time, counted or not. */
export function easterExplanation(): SlaExplanation {
  return SlaExplanationSchema.parse({
    ruleId: 'premium-critical',
    ruleName: 'Premium critical',
    reasons: [
      { field: 'customerTier', value: 'premium', oneOf: ['premium'] },
      { field: 'priority', value: 'critical', oneOf: ['critical', 'high'] },
    ],
    skipped: [{ ruleId: 'monitoring-p1', field: 'channel', value: 'chat' }],
    calendarId: 'pl-premium',
    timeZone: 'Europe/Warsaw',
    lateMessages: [{ writtenAt: '2026-04-03T15:40:00.000Z', receivedAt: '2026-04-03T16:00:00.000Z' }],
    clocks: [
      {
        kind: 'firstResponse',
        entries: [
          counted('2026-03-27T18:00:00Z', '2026-03-27T19:00:00Z', 60, '2026-03-27'),
          { kind: 'closed', from: '2026-03-27T19:00:00Z', to: '2026-03-27T23:00:00Z', holidays: [] },
          counted('2026-03-27T23:00:00Z', '2026-03-27T23:45:00Z', 45, '2026-03-28'),
        ],
      },
      { kind: 'nextReply', entries: [counted('2026-04-07T07:15:00Z', '2026-04-07T08:00:00Z', 45, '2026-04-07')] },
      { kind: 'periodicUpdate', entries: [counted('2026-04-07T06:30:00Z', '2026-04-07T08:00:00Z', 90, '2026-04-07')] },
      {
        kind: 'resolution',
        entries: [
          counted('2026-03-27T18:00:00Z', '2026-03-27T19:00:00Z', 60, '2026-03-27'),
          { kind: 'closed', from: '2026-03-27T19:00:00Z', to: '2026-03-27T23:00:00Z', holidays: [] },
          counted('2026-03-27T23:00:00Z', '2026-03-28T05:00:00Z', 360, '2026-03-28'),
          { kind: 'paused', from: '2026-03-28T05:00:00Z', to: '2026-03-29T00:00:00Z', reason: 'pending' },
          // 01:00 to 04:00 on the wall clock, but 03:00 came straight after 02:00: two hours counted.
          counted('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z', 120, '2026-03-29', { dstShiftMinutes: 60 }),
          { kind: 'paused', from: '2026-03-29T02:00:00Z', to: '2026-04-03T16:00:00Z', reason: 'on_hold' },
          counted('2026-04-03T16:00:00Z', '2026-04-03T18:00:00Z', 120, '2026-04-03'),
          { kind: 'paused', from: '2026-04-03T18:00:00Z', to: '2026-04-05T09:00:00Z', reason: 'pending' },
          counted('2026-04-05T09:00:00Z', '2026-04-05T12:00:00Z', 180, '2026-04-05', { holiday: true }),
          { kind: 'closed', from: '2026-04-05T12:00:00Z', to: '2026-04-07T06:00:00Z', holidays: ['2026-04-05', '2026-04-06'] },
          counted('2026-04-07T06:00:00Z', '2026-04-07T08:00:00Z', 120, '2026-04-07'),
        ],
      },
    ],
  });
}

function counted(from: string, to: string, minutes: number, localDate: string, extra: { holiday?: boolean; dstShiftMinutes?: number } = {}) {
  return { kind: 'counted' as const, from, to, minutes, localDate, holiday: extra.holiday ?? false, dstShiftMinutes: extra.dstShiftMinutes ?? 0 };
}
