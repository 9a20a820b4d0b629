import type { Ticket } from '../../shared/domain/ticket.js';
import type { ClockReport, SlaExplanation, TimelineEntry } from '../../shared/sla/snapshot.js';

const clockNames: Record<ClockReport['kind'], string> = {
  firstResponse: 'First response',
  nextReply: 'Next reply',
  periodicUpdate: 'Internal update',
  resolution: 'Resolution',
};
const pauseNames = { pending: 'waiting on the customer', on_hold: 'waiting on a third party', solved: 'solved' } as const;

function minutes(value: number): string {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  const abs = Math.abs(rounded);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h > 0 ? `${h} h ${m} m` : `${m} m`}`;
}

/** The admin CLI's rendering of the timeline the console shows ("why 3 h 12 m left"). */
export function formatExplanation(ticket: Ticket, explanation: SlaExplanation, policyVersion: number): string {
  const zone = explanation.timeZone;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
  const at = (iso: string) => time.format(new Date(iso));
  const lines = [
    `Ticket #${ticket.number} "${ticket.subject}": ${ticket.customerTier}, ${ticket.priority}, ${ticket.channel}, ${ticket.type}; status ${ticket.status}`,
    `Rule "${explanation.ruleName}" (${explanation.ruleId}), policy version ${policyVersion}`,
    `  matched because ${explanation.reasons.length > 0 ? explanation.reasons.map(reasonText).join('; ') : 'it matches every ticket'}`,
  ];
  if (explanation.skipped.length > 0) {
    const shown = explanation.skipped.slice(0, 3).map((s) => `${s.ruleId} (${s.field} is ${s.value})`);
    const more = explanation.skipped.length - shown.length;
    lines.push(`  rules tried first: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  lines.push(`Calendar ${explanation.calendarId}, times in ${zone}`);
  for (const late of explanation.lateMessages) lines.push(`Reply written offline at ${at(late.writtenAt)} reached the server at ${at(late.receivedAt)}: counted from arrival`);
  for (const clock of explanation.clocks) {
    const report = ticket.sla?.clocks.find((c) => c.kind === clock.kind);
    lines.push('', clockHeadline(clock.kind, report, at));
    for (const entry of clock.entries) lines.push(`  ${entryLine(entry, at)}`);
  }
  return lines.join('\n');
}

function reasonText({ field, value, oneOf }: SlaExplanation['reasons'][number]): string {
  return oneOf.length === 1 ? `${field} is ${value}` : `${field} ${value} is one of ${oneOf.join(', ')}`;
}

function clockHeadline(kind: ClockReport['kind'], report: ClockReport | undefined, at: (iso: string) => string): string {
  if (!report) return clockNames[kind];
  const used = `${minutes(report.elapsedMinutes)} of ${minutes(report.targetMinutes)} used`;
  const state =
    report.state === 'paused' && report.pausedBy ? `paused (${pauseNames[report.pausedBy]})` : report.state + (report.warning && report.state === 'running' ? ', warning' : '');
  const due = report.dueAt ? (report.state === 'breached' ? `, breached at ${at(report.dueAt)}` : report.state === 'met' ? '' : `, due ${at(report.dueAt)}`) : '';
  const left = report.state === 'running' || report.state === 'paused' ? `, ${minutes(report.remainingMinutes)} left` : '';
  return `${clockNames[kind]}: ${state}; ${used}${left}${due}`;
}

function entryLine(entry: TimelineEntry, at: (iso: string) => string): string {
  const span = `${at(entry.from)} → ${at(entry.to)}`;
  switch (entry.kind) {
    case 'counted': {
      const notes = [entry.holiday ? 'holiday hours' : '', entry.dstShiftMinutes !== 0 ? `clocks moved ${entry.dstShiftMinutes > 0 ? 'forward' : 'back'} ${Math.abs(entry.dstShiftMinutes)} min` : '']
        .filter(Boolean)
        .join(', ');
      return `${span}  counted ${minutes(entry.minutes)}${notes ? ` (${notes})` : ''}`;
    }
    case 'closed':
      return `${span}  closed${entry.holidays.length > 0 ? `: holiday ${entry.holidays.join(', ')}` : ', outside business hours'}`;
    case 'paused':
      return `${span}  paused: ${pauseNames[entry.reason]}`;
  }
}
