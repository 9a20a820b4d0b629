import type { Ticket } from '../domain/ticket.js';
import type { ClockKind, ClockReport, PauseReason } from './snapshot.js';

export type CountdownTarget = Exclude<ClockKind, 'periodicUpdate'>;

/**
 * The one clock an agent needs to see in the queue, as far as it does not depend on the time: which
 * clock heads the snapshot, and when it is due and turns amber. A queue row carries it instead of the
 * whole snapshot (queue-row.ts), and it is all a countdown needs.
 */
export type SlaHeadline =
  | { state: 'none' }
  | { state: 'met' }
  | { state: 'paused'; target: CountdownTarget; pausedBy: PauseReason | null }
  | { state: 'counting'; target: CountdownTarget; dueMs: number; warnMs: number | null };

export type SlaCountdown =
  | { state: 'none' }
  | { state: 'met' }
  | { state: 'paused'; target: CountdownTarget }
  | { state: 'running' | 'breached'; target: CountdownTarget; dueMs: number; remainingMs: number; warning: boolean };

/** The customer-facing clocks, most pressing first: an unanswered customer outranks resolution. */
export const headlineTargets: readonly CountdownTarget[] = ['firstResponse', 'nextReply', 'resolution'];

// Shared: most of a large desk's rows have one of these, and they carry nothing of their own.
const noTarget: SlaHeadline = Object.freeze({ state: 'none' });
const allMet: SlaHeadline = Object.freeze({ state: 'met' });

function isOpen(clock: ClockReport): boolean {
  return clock.stoppedAt === null && (clock.state === 'running' || clock.state === 'paused' || clock.state === 'breached');
}

export function slaHeadline(ticket: Pick<Ticket, 'sla'>): SlaHeadline {
  const clocks = ticket.sla?.clocks ?? [];
  let open: ClockReport | undefined;
  for (const kind of headlineTargets) {
    open = clocks.find((c) => c.kind === kind && isOpen(c));
    if (open) break;
  }
  if (!open) return clocks.some((c) => c.kind !== 'periodicUpdate') ? allMet : noTarget;
  const target = open.kind as CountdownTarget;
  if (open.state === 'paused' || open.dueAt === null) return { state: 'paused', target, pausedBy: open.pausedBy };
  return { state: 'counting', target, dueMs: Date.parse(open.dueAt), warnMs: open.warnAt === null ? null : Date.parse(open.warnAt) };
}

/** The headline counted down to `nowMs`: between snapshots a running clock only moves towards its due instant, so no one has to be asked. */
export function countdownAt(headline: SlaHeadline, nowMs: number): SlaCountdown {
  if (headline.state !== 'counting') return headline.state === 'paused' ? { state: 'paused', target: headline.target } : headline;
  const remainingMs = headline.dueMs - nowMs;
  const warning = headline.warnMs !== null && headline.warnMs <= nowMs;
  return { state: remainingMs < 0 ? 'breached' : 'running', target: headline.target, dueMs: headline.dueMs, remainingMs, warning };
}

/** The ticket's headline clock from its server snapshot, counted down to `nowMs`. */
export function slaCountdown(ticket: Pick<Ticket, 'sla'>, nowMs: number): SlaCountdown {
  return countdownAt(slaHeadline(ticket), nowMs);
}

/** "4:59", "1:02:03", "3d 4h": short enough for a dense table column. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const sign = ms < 0 ? '-' : '';
  if (days > 0) return `${sign}${days}d ${hours}h`;
  const mm = String(minutes).padStart(hours > 0 ? 2 : 1, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${mm}:${ss}` : `${sign}${mm}:${ss}`;
}
