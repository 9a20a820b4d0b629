import type { Ticket } from '../domain/ticket.js';

export type SlaCountdown =
  | { state: 'none' }
  | { state: 'met' }
  | { state: 'paused'; target: 'firstResponse' | 'resolution' }
  | { state: 'running' | 'breached'; target: 'firstResponse' | 'resolution'; dueAt: string; remainingMs: number };

type CountdownFields = Pick<
  Ticket,
  'status' | 'firstResponseDueAt' | 'firstRespondedAt' | 'resolutionDueAt' | 'solvedAt'
>;

/**
 * The one clock an agent needs to see in the queue: the first response until someone has answered,
 * then the resolution. A ticket waiting on the customer is paused, so it shows no countdown pressure.
 */
export function slaCountdown(ticket: CountdownFields, nowMs: number): SlaCountdown {
  if (ticket.status === 'solved' || ticket.status === 'closed') return { state: 'met' };
  const target = ticket.firstRespondedAt === null ? 'firstResponse' : 'resolution';
  const dueAt = target === 'firstResponse' ? ticket.firstResponseDueAt : ticket.resolutionDueAt;
  if (dueAt === null) return { state: 'none' };
  if (ticket.status === 'pending') return { state: 'paused', target };
  const remainingMs = Date.parse(dueAt) - nowMs;
  return { state: remainingMs < 0 ? 'breached' : 'running', target, dueAt, remainingMs };
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
