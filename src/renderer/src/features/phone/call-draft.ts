import { CALL_DURATION_MAX_SECONDS, CallLogSchema, type CallLog, type CallOutcome } from '../../../../shared/domain/phone-call.js';
import type { Priority, Ticket } from '../../../../shared/domain/ticket.js';

/** What a call needs of the ticket it is logged on. */
export type CalledTicket = Pick<Ticket, 'id' | 'number' | 'subject' | 'status'>;

/** The call as the agent types it, kept while the dialog is closed so nothing said on the phone is lost. */
export interface CallDraft {
  /** An existing ticket's number; empty opens a new ticket. */
  ticketNumber: string;
  callerName: string;
  callerPhone: string;
  callerEmail: string;
  subject: string;
  notes: string;
  /** As typed: "4:32", "4" (minutes) or "1:02:03". */
  duration: string;
  outcome: CallOutcome;
  priority: Priority;
  /** null: the first of the agent's queues. */
  queueId: string | null;
}

/** Follow-up is the outcome that closes nothing by accident. */
export const emptyCallDraft: CallDraft = {
  ticketNumber: '',
  callerName: '',
  callerPhone: '',
  callerEmail: '',
  subject: '',
  notes: '',
  duration: '',
  outcome: 'follow_up',
  priority: 'medium',
  queueId: null,
};

export type CallField = 'ticketNumber' | 'callerName' | 'callerPhone' | 'callerEmail' | 'subject' | 'notes' | 'duration';

export interface CallProblem {
  field: CallField;
  /** For the ticket number: what is wrong with the ticket it names. */
  reason?: 'notFound' | 'closed';
}

/** Seconds from whole minutes ("4"), "m:ss" or "h:mm:ss"; null when it is none of them. */
export function parseDuration(text: string): number | null {
  const [first, ...rest] = text.trim().split(':');
  if (rest.length > 2 || !/^\d{1,4}$/.test(first ?? '') || rest.some((part) => !/^[0-5]\d$/.test(part))) return null;
  const total = [Number(first), ...rest.map(Number)].reduce((sum, part) => sum * 60 + part, 0) * (rest.length === 0 ? 60 : 1);
  return total <= CALL_DURATION_MAX_SECONDS ? total : null;
}

/** "4:32", or "1:02:03" from an hour on. */
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** ISO 8601, for <time dateTime>: PT4M32S. */
export function isoDuration(totalSeconds: number): string {
  return `PT${totalSeconds}S`;
}

const fieldOfPath: Record<string, CallField> = { ticketId: 'ticketNumber', durationSeconds: 'duration' };

/**
 * The call the draft describes, checked by the same schema the core and the server use, or what the
 * agent must fix, field by field in the order of the form. `findTicket` looks a number up in the
 * agent's queues.
 */
export function callFromDraft(draft: CallDraft, findTicket: (number: number) => CalledTicket | null, defaultQueueId: string | null): { call: CallLog } | { problems: CallProblem[] } {
  const problems: CallProblem[] = [];
  const number = draft.ticketNumber.trim().replace(/^#/, '');
  let ticket: CalledTicket | null = null;
  if (number !== '') {
    ticket = /^\d+$/.test(number) ? findTicket(Number(number)) : null;
    if (!/^\d+$/.test(number)) problems.push({ field: 'ticketNumber' });
    else if (!ticket) problems.push({ field: 'ticketNumber', reason: 'notFound' });
    else if (ticket.status === 'closed') problems.push({ field: 'ticketNumber', reason: 'closed' });
  }
  const durationSeconds = parseDuration(draft.duration);
  const onTicket = number !== '';
  const queueId = draft.queueId ?? defaultQueueId;
  const candidate = {
    ...(ticket ? { ticketId: ticket.id } : {}),
    callerName: draft.callerName,
    callerPhone: draft.callerPhone,
    notes: draft.notes,
    durationSeconds: durationSeconds ?? 0,
    outcome: draft.outcome,
    ...(onTicket
      ? {}
      : { subject: draft.subject, priority: draft.priority, ...(draft.callerEmail.trim() ? { callerEmail: draft.callerEmail.trim() } : {}), ...(queueId ? { queueId } : {}) }),
  };
  const parsed = CallLogSchema.safeParse(candidate);
  const invalid = new Set<CallField>(parsed.success ? [] : parsed.error.issues.map((issue) => fieldOfPath[String(issue.path[0])] ?? (issue.path[0] as CallField)));
  if (durationSeconds === null) invalid.add('duration');
  const shown: readonly CallField[] = onTicket ? ['callerName', 'callerPhone', 'notes', 'duration'] : ['callerName', 'callerPhone', 'callerEmail', 'subject', 'notes', 'duration'];
  for (const field of shown) {
    if (invalid.has(field)) problems.push({ field });
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  return { call: parsed.data };
}
