import type { TFunction } from 'i18next';
import type { ShiftEnd } from '../../../../shared/desk-api/handoff-methods.js';
import type { HandoffFacts } from '../../../../shared/domain/handoff-facts.js';

export interface DraftWords {
  t: TFunction<['handoff', 'labels', 'sla']>;
  /** A time as the agent reads it (their zone, their language). */
  time(iso: string): string;
  now: number;
}

/**
 * The handoff draft's text: a heading for the shift, the lists the core read from the replica (open
 * tickets, SLA targets due, escalations in flight), and a
 * place for the agent's own words. Plain text in the agent's language, so they can edit every line,
 * and so the note reads the same in every console, in a mail and over REST.
 */
export function composeShiftDraft(facts: HandoffFacts, { shift }: ShiftEnd, { t, time, now }: DraftWords): string {
  const section = <L>(heading: string, list: { lines: readonly L[]; more: number }, line: (item: L) => string, empty: string) => [
    heading,
    ...(list.lines.length === 0 ? [`- ${empty}`] : list.lines.map((item) => `- ${line(item)}`)),
    ...(list.more > 0 ? [`- ${t('draft.more', { count: list.more })}`] : []),
  ];
  const count = (list: { lines: readonly unknown[]; more: number }) => list.lines.length + list.more;

  return [
    t('draft.heading', { shift: shift.shiftName, rotation: shift.rotationName, end: time(shift.end) }),
    '',
    ...section(
      t('draft.openTickets', { count: count(facts.openTickets) }),
      facts.openTickets,
      (ticket) => t('draft.ticket', { number: ticket.number, subject: ticket.subject, status: t(`labels:status.${ticket.status}`), priority: t(`labels:priority.${ticket.priority}`) }),
      t('draft.none'),
    ),
    '',
    ...section(
      t('draft.slaDue', { count: count(facts.slaDue) }),
      facts.slaDue,
      (due) =>
        t(Date.parse(due.dueAt) < now ? 'draft.overdue' : 'draft.due', {
          number: due.number,
          subject: due.subject,
          target: t(`sla:target.${due.target}`),
          time: time(due.dueAt),
          owner: due.assigneeName ?? t('draft.unassigned'),
        }),
      t('draft.none'),
    ),
    '',
    ...section(
      t('draft.escalations', { count: count(facts.escalations) }),
      facts.escalations,
      (escalation) => {
        const ticket = { number: escalation.number, subject: escalation.subject, queue: escalation.toQueueName };
        if (escalation.state === 'paging') return t('draft.escalationPaging', { ...ticket, level: escalation.level, levels: escalation.levelCount });
        if (escalation.state === 'exhausted') return t('draft.escalationExhausted', ticket);
        return t('draft.escalationAcknowledged', { ...ticket, name: escalation.acknowledgedBy ?? '', time: time(escalation.acknowledgedAt!) });
      },
      t('draft.none'),
    ),
    '',
    t('draft.notes'),
    '',
  ].join('\n');
}
