import type { Priority } from '../domain/ticket.js';
import { isEscalationAlert, type Alert, type AlertSettings, type Duty, type QuietReason, type SoundCue } from './alert.js';

/** A page nobody has answered rings again this often; a critical one twice as often. */
export const PAGE_REPEAT_MS = 30_000;
export const CRITICAL_PAGE_REPEAT_MS = 15_000;

/**
 * Why the agent is in quiet hours, by the rota first: off shift and not on call is quiet, whatever the
 * wall clock says. Their settings may only add reasons (away, on call off shift, a daily window).
 */
export function quietReasonsFor(duty: Duty, settings: AlertSettings): QuietReason[] {
  const reasons: QuietReason[] = [];
  if (!duty.onShift && !duty.onCall) reasons.push('offShift');
  if (duty.away && settings.quietWhileAway) reasons.push('away');
  if (duty.onCall && !duty.onShift && settings.quietOnCallOffShift) reasons.push('onCallOffShift');
  if (duty.inQuietWindow && settings.quietWindow !== null) reasons.push('window');
  return reasons;
}

export type Delivery =
  /** Shown and heard now; a page also repeats every `repeatMs` until answered. */
  | { mode: 'ring'; sound: SoundCue | null; repeatMs: number | null }
  /** Kept for the digest: no sound, no notification (a page's card still shows, silently). */
  | { mode: 'hold' };

function repeatFor(priority: Priority): number {
  return priority === 'critical' ? CRITICAL_PAGE_REPEAT_MS : PAGE_REPEAT_MS;
}

/**
 * The night-shift policy: what one alert does given where the agent stands.
 * - A critical page, or any page while on call, always rings and repeats: that is what the pager is for.
 * - Anything else in quiet hours is held for the digest (a critical ticket pages someone on its own).
 * - Out of quiet hours everything rings once, pages repeat; sounds for tickets (not escalations) follow
 *   the agent's setting.
 */
export function deliveryOf(alert: Pick<Alert, 'kind' | 'priority' | 'channel'>, duty: Duty, settings: AlertSettings): Delivery {
  const page = alert.kind === 'page';
  const alwaysThrough = page && (alert.priority === 'critical' || duty.onCall);
  if (!alwaysThrough && quietReasonsFor(duty, settings).length > 0) return { mode: 'hold' };
  const escalation = isEscalationAlert(alert.kind);
  const heard = escalation || settings.nonEscalationSounds;
  return {
    mode: 'ring',
    sound: heard ? { family: escalation ? 'escalation' : 'notice', priority: alert.priority, channel: alert.channel } : null,
    repeatMs: page ? repeatFor(alert.priority) : null,
  };
}
