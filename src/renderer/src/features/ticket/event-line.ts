import type { TFunction } from 'i18next';
import { CSAT_GOOD } from '../../../../shared/csat/survey.js';
import type { TicketEvent } from '../../../../shared/domain/ticket-event.js';
import { priorities, ticketStatuses, customerTiers, ticketTypes } from '../../../../shared/domain/ticket.js';

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const known = (values: readonly string[], value: unknown): value is string => typeof value === 'string' && values.includes(value);

/**
 * One line of a ticket's history in the agent's language: what changed, as "Status: Open → Pending".
 * Who and when are shown beside it. A kind this console does not know (a newer server's) is named, not
 * hidden, and a field it cannot read shows as "?" rather than breaking the thread.
 */
export function describeEvent(event: TicketEvent, t: TFunction<['ticket', 'labels']>): string[] {
  const { data } = event;
  const label = (group: 'status' | 'priority' | 'customerTier' | 'type', values: readonly string[], value: unknown) =>
    known(values, value) ? t(`labels:${group}.${value}` as never) : (str(value) ?? '?');
  switch (event.kind) {
    case 'status':
      return [t('events.status', { from: label('status', ticketStatuses, data['from']), to: label('status', ticketStatuses, data['to']) })];
    case 'attributes': {
      const changes = (data['changes'] ?? {}) as Record<string, unknown>;
      const lines: string[] = [];
      for (const [field, values] of [['priority', priorities], ['customerTier', customerTiers], ['type', ticketTypes]] as const) {
        const pair = changes[field];
        if (Array.isArray(pair)) lines.push(t(`events.${field}`, { from: label(field, values, pair[0]), to: label(field, values, pair[1]) }));
      }
      return lines.length > 0 ? lines : [t('events.other', { kind: event.kind })];
    }
    case 'assignee': {
      const from = str(data['fromName']) ?? (data['from'] === null ? null : t('events.someone'));
      const to = str(data['toName']) ?? (data['to'] === null ? null : t('events.someone'));
      if (to === null) return [t('events.unassigned', { from: from ?? '?' })];
      return [from === null ? t('events.assigned', { to }) : t('events.reassigned', { from, to })];
    }
    case 'queue':
      return [t('events.queue', { from: str(data['fromName']) ?? str(data['from']) ?? '?', to: str(data['toName']) ?? str(data['to']) ?? '?' })];
    case 'tags': {
      const added = list(data['added']);
      const removed = list(data['removed']);
      return [
        ...(added.length > 0 ? [t('events.tagsAdded', { count: added.length, tags: added.join(', ') })] : []),
        ...(removed.length > 0 ? [t('events.tagsRemoved', { count: removed.length, tags: removed.join(', ') })] : []),
      ];
    }
    case 'responded':
      return [t('events.respondedByCall')];
    case 'sla.recomputed':
      return [t('events.slaRecomputed', { reason: str(data['reason']) ?? '' })];
    case 'routing': {
      const queueId = str(data['queueId']);
      const steps = Array.isArray(data['steps']) ? (data['steps'] as { queueId?: unknown; queueName?: unknown }[]) : [];
      const queue = str(steps.find((step) => step.queueId === queueId)?.queueName) ?? queueId ?? '?';
      const outcome = data['outcome'];
      if (outcome === 'assigned') return [t('events.routedAssigned', { queue, agent: str(data['assigneeName']) ?? t('events.someone') })];
      if (outcome === 'overflowed') return [t('events.routedOverflowed', { queue })];
      return [t('events.routedWaiting', { queue })];
    }
    case 'escalated':
      return [t('events.escalated', { reason: str(data['reason']) ?? str(data['detail']) ?? '' })];
    case 'escalation.acknowledged':
      return [t('events.escalationAcknowledged')];
    case 'escalation.declined':
      return [t('events.escalationDeclined', { reason: str(data['reason']) ?? '' })];
    case 'escalation.timed_out':
      return [t('events.escalationTimedOut', { level: num(data['level']) ?? '?' })];
    case 'escalation.paged':
      return [t('events.escalationPaged', { level: num(data['level']) ?? '?' })];
    case 'csat': {
      // Events from before the survey had a scale have none: they were all on five steps.
      const score = num(data['score']);
      const rating = data['scale'] === 'good_bad' ? t(score === CSAT_GOOD ? 'events.csatGood' : 'events.csatBad') : t('events.csatOfFive', { score: score ?? '?' });
      const comment = str(data['comment']);
      const agent = str(data['agentName']);
      return [comment ? t('events.csatComment', { rating, comment }) : t('events.csat', { rating }), ...(agent ? [t('events.csatCredited', { agent })] : [])];
    }
    case 'remote_session':
      return [t('events.remoteSession')];
    default:
      return [t('events.other', { kind: event.kind })];
  }
}
