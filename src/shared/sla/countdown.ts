import type { Ticket } from '../domain/ticket.js';
import type { ClockKind, ClockReport } from './snapshot.js';

export type CountdownTarget = Exclude<ClockKind, 'periodicUpdate'>;

export type SlaCountdown =
  | { state: 'none' }
  | { state: 'met' }
  | { state: 'paused'; target: CountdownTarget }
  | { state: 'running' | 'breached'; target: CountdownTarget; dueAt: string; remainingMs: number; warning: boolean };

/** The customer-facing clocks, most pressing first: an unanswered customer outranks resolution. */
const headlineOrder: readonly CountdownTarget[] = ['firstResponse', 'nextReply', 'resolution'];

function isOpen(clock: ClockReport): boolean {
  return clock.stoppedAt === null && (clock.state === 'running' || clock.state === 'paused' || clock.state === 'breached');
}

/**
 * The one clock an agent needs to see in the queue, counted down from the server's snapshot: between
 * snapshots a running clock only moves towards its due instant, so no one has to be asked.
 */
export function slaCountdown(ticket: Pick<Ticket, 'sla'>, nowMs: number): SlaCountdown {
  const clocks = ticket.sla?.clocks ?? [];
  const open = headlineOrder.map((kind) => clocks.find((c) => c.kind === kind && isOpen(c))).find((c) => c !== undefined);
  if (!open) return clocks.some((c) => c.kind !== 'periodicUpdate') ? { state: 'met' } : { state: 'none' };
  const target = open.kind as CountdownTarget;
  if (open.state === 'paused' || open.dueAt === null) return { state: 'paused', target };
  const remainingMs = Date.parse(open.dueAt) - nowMs;
  const warning = open.warnAt !== null && Date.parse(open.warnAt) <= nowMs;
  return { state: remainingMs < 0 ? 'breached' : 'running', target, dueAt: open.dueAt, remainingMs, warning };
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
