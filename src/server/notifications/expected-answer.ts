import type { Transaction } from 'kysely';
import type { Ticket } from '../../shared/domain/ticket.js';
import type { CustomerLocale } from '../../shared/notifications/templates.js';
import type { ShiftDirectory } from '../shifts/shift-directory.js';
import type { SlaService } from '../sla/sla-service.js';
import type { Database } from '../storage/schema.js';

/** Business minutes an agent typically spends to first answer one ticket; what a queue's backlog costs. */
export const MINUTES_PER_WAITING_TICKET = 15;
/** More unanswered tickets than this per agent on shift, and we tell customers we are busy. */
export const BUSY_TICKETS_PER_AGENT = 3;
const ROUND_TO_MS = 5 * 60_000;

export interface ExpectedAnswer {
  kind: 'ack.open' | 'ack.closed' | 'ack.busy';
  at: number;
  timeZone: string;
}

/**
 * When a new ticket can expect its first answer. The SLA's first-response due time is the promise;
 * the queue's backlog (unanswered tickets ahead, shared among the queue's agents on shift) can bring
 * the estimate earlier, never later. Counting starts when the calendar opens, so a ticket written at
 * night is told the morning's time, in the calendar's own time zone.
 *
 * When nobody working the queue is on shift, the answer cannot come before the next shift starts, so
 * that is when counting starts, whatever the SLA promised; a critical ticket pages the on-call engineer
 * instead (escalation) and keeps its SLA promise.
 */
export async function expectedFirstAnswer(trx: Transaction<Database>, sla: SlaService, shifts: Pick<ShiftDirectory, 'onShiftAgentIds' | 'nextShiftStart'>, ticket: Ticket, now: number): Promise<ExpectedAnswer> {
  const { policy } = await sla.policy(trx);
  const calendar = ticket.sla ? policy.calendars.get(ticket.sla.calendarId) : undefined;
  const due = ticket.sla?.clocks.find((c) => c.kind === 'firstResponse')?.dueAt;
  const ahead = await trx
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('queue_id', '=', ticket.queueId)
    .where('first_responded_at', 'is', null)
    .where('status', 'in', ['new', 'open'])
    .where('id', '!=', ticket.id)
    .where('created_at', '<=', ticket.createdAt)
    .executeTakeFirstOrThrow();
  const onShift = await shifts.onShiftAgentIds(trx, new Date(now));
  const members = await trx.selectFrom('queue_members').select('user_id').where('queue_id', '=', ticket.queueId).execute();
  const working = members.filter((member) => onShift.has(member.user_id)).length;
  const nextShift = working === 0 && ticket.priority !== 'critical' ? await shifts.nextShiftStart(trx, ticket.queueId, new Date(now)) : null;
  const shiftStart = nextShift && nextShift.getTime() > now ? nextShift.getTime() : null;
  const staff = Math.max(1, working);
  const waiting = Number(ahead.n);
  const workMinutes = ((waiting + 1) * MINUTES_PER_WAITING_TICKET) / staff;
  let promised: number;
  if (shiftStart !== null) {
    // The shift is when people are there, whatever the SLA calendar says: counted in plain minutes from its start.
    promised = shiftStart + workMinutes * 60_000;
  } else {
    const estimate = calendar ? calendar.addBusinessMinutes(now, workMinutes) : now + workMinutes * 60_000;
    promised = due ? Math.min(Date.parse(due), estimate) : estimate;
  }
  const closed = shiftStart !== null || (calendar ? !calendar.isOpen(now) : false);
  return {
    kind: closed ? 'ack.closed' : waiting / staff > BUSY_TICKETS_PER_AGENT ? 'ack.busy' : 'ack.open',
    at: Math.ceil(promised / ROUND_TO_MS) * ROUND_TO_MS,
    timeZone: calendar?.timeZone ?? 'UTC',
  };
}

/** "Monday, 30 November, 09:30 Central European Standard Time", in the customer's language. */
export function formatAnswerTime(at: number, timeZone: string, locale: CustomerLocale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'long' }).format(at);
}
