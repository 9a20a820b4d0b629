import type { TicketStatus } from '../domain/ticket.js';
import type { BusinessCalendar } from './business-calendar.js';
import type { PolicyRule } from './policy.js';
import type { ClockKind, ClockReport, PauseReason } from './snapshot.js';

const MINUTE_MS = 60_000;

/** What happened to a ticket, as the SLA clocks need it. `at` is when the server received it. */
export type SlaEvent =
  | { kind: 'status'; at: number; status: TicketStatus }
  | { kind: 'message'; at: number; authorKind: 'customer' | 'agent' | 'system'; isPublic: boolean; writtenAt?: number };

export interface SlaFacts {
  createdAt: number;
  events: readonly SlaEvent[];
}

/** A stretch of wall time in which a clock either counts business time or is paused for a reason. */
export interface ClockWindow {
  from: number;
  to: number;
  pausedBy: PauseReason | null;
}

export interface ClockTrace {
  report: ClockReport;
  windows: ClockWindow[];
}

interface StatusSpan {
  from: number;
  to: number;
  status: TicketStatus;
}

function statusSpans(facts: SlaFacts, now: number): StatusSpan[] {
  const changes = facts.events.filter((e): e is Extract<SlaEvent, { kind: 'status' }> => e.kind === 'status').sort((a, b) => a.at - b.at);
  const spans: StatusSpan[] = [];
  let from = facts.createdAt;
  let status: TicketStatus = 'new';
  for (const change of changes) {
    const at = Math.min(Math.max(change.at, facts.createdAt), now);
    if (at > from) spans.push({ from, to: at, status });
    from = Math.max(from, at);
    status = change.status;
  }
  spans.push({ from, to: Math.max(from, now), status });
  return spans;
}

function isFinished(status: TicketStatus): boolean {
  return status === 'solved' || status === 'closed';
}

type PauseRule = (status: TicketStatus) => PauseReason | null;

/** Customer-facing clocks wait while the customer is the one to answer, and stop once solved. */
const customerFacingPause: PauseRule = (status) => (isFinished(status) ? 'solved' : status === 'pending' ? 'pending' : null);

/** Windows of [from, to) cut from the status timeline, each counting or paused for its reason. */
function windowsBetween(spans: StatusSpan[], from: number, to: number, pause: PauseRule): ClockWindow[] {
  const windows: ClockWindow[] = [];
  for (const [index, span] of spans.entries()) {
    const start = Math.max(span.from, from);
    const end = Math.min(span.to, to);
    // The ticket's present status counts even when it began this very instant: it decides whether
    // the clock is counting or paused now.
    const isPresent = index === spans.length - 1 && start === end && end === to;
    if (end < start || (end === start && !isPresent)) continue;
    const pausedBy = pause(span.status);
    const last = windows[windows.length - 1];
    if (last && last.pausedBy === pausedBy && last.to === start) last.to = end;
    else windows.push({ from: start, to: end, pausedBy });
  }
  if (windows.length === 0) windows.push({ from, to: Math.max(from, to), pausedBy: null });
  return windows;
}

interface Cycle {
  startedAt: number;
  stoppedAt: number | null;
}

interface EvaluateInput {
  kind: ClockKind;
  targetMinutes: number;
  warnAtPercent: number;
  calendar: BusinessCalendar;
  now: number;
  cycle: Cycle;
  windows: ClockWindow[];
  /** Whether the clock is still open at `now` (not stopped by its own event). */
  open: boolean;
  breaches?: number;
}

/** The instant a clock's counted time reaches `amount`, walking its windows (and beyond, if counting now). */
function reachedAt(calendar: BusinessCalendar, windows: ClockWindow[], amount: number, extendsPastNow: boolean): number | null {
  let counted = 0;
  for (const [index, window] of windows.entries()) {
    if (window.pausedBy !== null) continue;
    const isLast = index === windows.length - 1;
    const open = calendar.openMsBetween(window.from, window.to);
    if (counted + open >= amount || (isLast && extendsPastNow)) return calendar.addOpenMs(window.from, amount - counted);
    counted += open;
  }
  return null;
}

function evaluate(input: EvaluateInput): ClockTrace {
  const { calendar, windows, now } = input;
  const targetMs = input.targetMinutes * MINUTE_MS;
  const warnMs = (targetMs * input.warnAtPercent) / 100;
  const elapsed = windows.reduce((sum, w) => (w.pausedBy === null ? sum + calendar.openMsBetween(w.from, w.to) : sum), 0);
  const current = windows[windows.length - 1]!;
  const counting = input.open && current.pausedBy === null;
  const dueAt = reachedAt(calendar, windows, targetMs, counting);
  const warnAt = reachedAt(calendar, windows, warnMs, counting);
  const breached = elapsed >= targetMs;
  const warning = elapsed >= warnMs && !(!input.open && !breached);
  const state = breached ? 'breached' : !input.open ? 'met' : counting ? 'running' : 'paused';
  const upcoming = [warnAt, dueAt].filter((t): t is number => t !== null && t > now && counting);
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    windows,
    report: {
      kind: input.kind,
      state,
      targetMinutes: input.targetMinutes,
      startedAt: new Date(input.cycle.startedAt).toISOString(),
      dueAt: iso(dueAt),
      warnAt: iso(warnAt),
      stoppedAt: iso(input.cycle.stoppedAt),
      pausedBy: input.open && !counting ? current.pausedBy : null,
      elapsedMinutes: elapsed / MINUTE_MS,
      remainingMinutes: (targetMs - elapsed) / MINUTE_MS,
      warning,
      nextChangeAt: iso(upcoming.length > 0 ? Math.min(...upcoming) : null),
      breaches: input.breaches ?? (breached ? 1 : 0),
    },
  };
}

function publicMessages(facts: SlaFacts, now: number) {
  return facts.events
    .filter((e): e is Extract<SlaEvent, { kind: 'message' }> => e.kind === 'message' && e.at <= now && e.at >= facts.createdAt)
    .sort((a, b) => a.at - b.at);
}

/**
 * Every clock the rule sets a target for, as of `now`. Pure: the same facts, rule, calendar and
 * instant always give the same answer, on the server and in an offline replica alike.
 */
export function computeClocks(facts: SlaFacts, rule: PolicyRule, calendar: BusinessCalendar, now: number): ClockTrace[] {
  const spans = statusSpans(facts, now);
  const messages = publicMessages(facts, now);
  const finishedNow = isFinished(spans[spans.length - 1]!.status);
  const base = { warnAtPercent: rule.warnAtPercent, calendar, now };
  const traces: ClockTrace[] = [];
  const { targets } = rule;

  if (targets.firstResponse !== undefined) {
    const reply = messages.find((m) => m.authorKind === 'agent' && m.isPublic);
    const stoppedAt = reply?.at ?? null;
    traces.push(
      evaluate({
        ...base,
        kind: 'firstResponse',
        targetMinutes: targets.firstResponse,
        cycle: { startedAt: facts.createdAt, stoppedAt },
        windows: windowsBetween(spans, facts.createdAt, stoppedAt ?? now, customerFacingPause),
        // Solved without a public reply: there is nothing left to answer.
        open: stoppedAt === null && !finishedNow,
      }),
    );
  }

  if (targets.nextReply !== undefined) {
    const cycles = nextReplyCycles(messages);
    const latest = cycles[cycles.length - 1];
    if (latest) {
      const traced = cycles.map((cycle) =>
        evaluate({
          ...base,
          kind: 'nextReply',
          targetMinutes: targets.nextReply!,
          cycle,
          windows: windowsBetween(spans, cycle.startedAt, cycle.stoppedAt ?? now, customerFacingPause),
          open: cycle.stoppedAt === null && !finishedNow,
        }),
      );
      const last = traced[traced.length - 1]!;
      last.report.breaches = traced.filter((t) => t.report.state === 'breached').length;
      traces.push(last);
    }
  }

  if (targets.periodicUpdate !== undefined) {
    // An internal clock: any agent message, public or a note, restarts it; only a solved ticket stops it.
    const lastAgent = [...messages].reverse().find((m) => m.authorKind === 'agent');
    const startedAt = lastAgent?.at ?? facts.createdAt;
    traces.push(
      evaluate({
        ...base,
        kind: 'periodicUpdate',
        targetMinutes: targets.periodicUpdate,
        cycle: { startedAt, stoppedAt: null },
        windows: windowsBetween(spans, startedAt, now, (status) => (isFinished(status) ? 'solved' : null)),
        open: !finishedNow,
      }),
    );
  }

  if (targets.resolution !== undefined) {
    const pause: PauseRule = (status) => customerFacingPause(status) ?? (status === 'on_hold' && rule.pauseResolutionOnHold ? 'on_hold' : null);
    const solvedAt = finishedNow ? spans[spans.length - 1]!.from : null;
    traces.push(
      evaluate({
        ...base,
        kind: 'resolution',
        targetMinutes: targets.resolution,
        cycle: { startedAt: facts.createdAt, stoppedAt: solvedAt },
        windows: windowsBetween(spans, facts.createdAt, now, pause),
        open: !finishedNow,
      }),
    );
  }
  return traces;
}

/** A next-reply cycle opens at a customer message that follows an agent's public reply. */
function nextReplyCycles(messages: ReturnType<typeof publicMessages>): Cycle[] {
  const cycles: Cycle[] = [];
  let lastPublicAuthor: 'customer' | 'agent' | null = null;
  let open: Cycle | null = null;
  for (const message of messages) {
    if (!message.isPublic || message.authorKind === 'system') continue;
    if (message.authorKind === 'customer' && lastPublicAuthor === 'agent' && open === null) {
      open = { startedAt: message.at, stoppedAt: null };
      cycles.push(open);
    } else if (message.authorKind === 'agent' && open !== null) {
      open.stoppedAt = message.at;
      open = null;
    }
    lastPublicAuthor = message.authorKind;
  }
  return cycles;
}
