import type { TicketStatus } from '../domain/ticket.js';
import type { BusinessCalendar } from './business-calendar.js';
import type { PolicyRule } from './policy.js';
import type { ClockKind, ClockReport, PauseReason, SlaSnapshot } from './snapshot.js';

const MINUTE_MS = 60_000;

const finished = (status: TicketStatus) => status === 'solved' || status === 'closed';

/** Why a clock of this kind waits in this status; the same rules computeClocks applies to the history. */
function pauseReason(kind: ClockKind, status: TicketStatus, rule: PolicyRule): PauseReason | null {
  if (finished(status)) return 'solved';
  if (kind === 'periodicUpdate') return null;
  if (status === 'pending') return 'pending';
  return kind === 'resolution' && status === 'on_hold' && rule.pauseResolutionOnHold ? 'on_hold' : null;
}

/**
 * The clocks of a snapshot after a status change the server has not seen yet: an agent offline sets a
 * ticket to pending, and its countdown must stop now, not when the server hears of it. Each clock is
 * first carried forward from the snapshot's instant to `at` (a counting clock counts the calendar's
 * open time in between), then paused, resumed or stopped as computeClocks would for a ticket whose
 * status changed at `at`. When the server confirms, its own computation from the history replaces this.
 */
export function clocksAfterStatusChange(
  snapshot: SlaSnapshot,
  change: { from: TicketStatus; to: TicketStatus; at: number },
  rule: PolicyRule,
  calendar: BusinessCalendar,
): SlaSnapshot {
  const since = Date.parse(snapshot.computedAt);
  const at = Math.max(change.at, since);
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

  const clocks = snapshot.clocks.map((clock): ClockReport => {
    const openBefore = clock.stoppedAt === null && !finished(change.from);
    const countingBefore = openBefore && pauseReason(clock.kind, change.from, rule) === null;
    const targetMs = clock.targetMinutes * MINUTE_MS;
    const warnMs = (targetMs * rule.warnAtPercent) / 100;
    const elapsedMs = clock.elapsedMinutes * MINUTE_MS + (countingBefore ? calendar.openMsBetween(since, at) : 0);
    // Reached while carried forward: the instant it happened, from the snapshot's instant.
    const reachedBetween = (amountMs: number, known: string | null) =>
      known ?? (countingBefore ? iso(calendar.addOpenMs(since, amountMs - clock.elapsedMinutes * MINUTE_MS)) : null);

    // A solved ticket stops its resolution clock; reopening it starts the clock again where it stood.
    const stoppedAt = clock.kind === 'resolution' ? (finished(change.to) ? (clock.stoppedAt ?? iso(at)) : null) : clock.stoppedAt;
    const open = stoppedAt === null && !finished(change.to);
    const pausedBy = open ? pauseReason(clock.kind, change.to, rule) : null;
    const counting = open && pausedBy === null;
    const breached = elapsedMs >= targetMs;
    const dueAt = breached ? reachedBetween(targetMs, clock.dueAt) : counting ? iso(calendar.addOpenMs(at, targetMs - elapsedMs)) : null;
    const warnAt = elapsedMs >= warnMs ? reachedBetween(warnMs, clock.warnAt) : counting ? iso(calendar.addOpenMs(at, warnMs - elapsedMs)) : null;
    const upcoming = counting ? [warnAt, dueAt].filter((t): t is string => t !== null && Date.parse(t) > at).sort() : [];
    return {
      ...clock,
      state: breached ? 'breached' : !open ? 'met' : counting ? 'running' : 'paused',
      dueAt,
      warnAt,
      stoppedAt,
      pausedBy,
      elapsedMinutes: elapsedMs / MINUTE_MS,
      remainingMinutes: (targetMs - elapsedMs) / MINUTE_MS,
      warning: elapsedMs >= warnMs && !(!open && !breached),
      nextChangeAt: upcoming[0] ?? null,
      breaches: breached && clock.state !== 'breached' ? clock.breaches + 1 : clock.breaches,
    };
  });
  return { ...snapshot, computedAt: new Date(at).toISOString(), clocks };
}
