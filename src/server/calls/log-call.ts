import type { Transaction } from 'kysely';
import type { User } from '../../shared/domain/people.js';
import { callRecordOf, reachedCaller, statusAfterCall, type CallLog } from '../../shared/domain/phone-call.js';
import { placeholderAddress } from '../../shared/domain/requester-address.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import type { Rejection } from '../../shared/sync/mutations.js';
import type { ServerContext } from '../context.js';
import { seesTicket, visibleQueueIds } from '../people/visibility.js';
import type { Database } from '../storage/schema.js';
import { staleRefusal } from '../sync/stale.js';
import { ticketFromRow } from '../tickets/rows.js';
import { DEFAULT_QUEUE_ID, type TicketChange } from '../tickets/ticket-store.js';

type Trx = Transaction<Database>;

/** Why a call cannot be logged, in the words the REST route (as an HTTP status) and the sync mutation both answer with. */
export class CallRefusal extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

const refuse = (code: Rejection['code'], field: string, message: string) => new CallRefusal({ code, field, message });

export interface CallLogging {
  /** When the call reached the server: what a call logged offline long ago is judged by. */
  receivedAt: number;
  /** The console mutation this carries out, recorded in the change log. */
  origin?: TicketChange['origin'];
}

/**
 * A caller without an email address gets a placeholder address (see requester-address.ts); built
 * from the number, it groups one caller's tickets.
 */
export function phoneRequesterEmail(phone: string): string {
  return placeholderAddress(`phone-${phone.replace(/\D/g, '')}`);
}

/**
 * Logs an inbound call: a message in the caller's words (the agent's summary, with the call record)
 * on an existing ticket, or a new phone ticket opened by it. An answered call is the customer's first
 * response, and its outcome sets the status; a voicemail reached nobody. No acknowledgement goes
 * out: the call itself was the contact. Answers the ticket as it is now.
 */
export async function logCall(trx: Trx, context: Pick<ServerContext, 'tickets'>, agent: User, call: CallLog & { writtenAt?: string }, logging: CallLogging): Promise<Ticket> {
  const queueIds = await visibleQueueIds(trx, agent);
  const answered = reachedCaller(call.outcome);
  const byAgent = { actor: { userId: agent.id, name: agent.name }, ...(answered ? { respondedBy: 'call' as const } : {}), ...(logging.origin ? { origin: logging.origin } : {}) };
  const extras = { via: 'phone' as const, call: callRecordOf(call) };

  if (call.ticketId !== undefined) {
    const row = await trx.selectFrom('tickets').selectAll().where('id', '=', call.ticketId).executeTakeFirst();
    if (!row || !seesTicket(agent, queueIds, row)) throw refuse('not_found', 'ticketId', `Ticket ${call.ticketId} is not in your queues`);
    const ticket = ticketFromRow(row);
    // As with mail: a closed ticket is history, and the caller's new matter is a ticket of its own.
    if (ticket.status === 'closed') throw refuse('invalid', 'ticketId', `ticketId: #${ticket.number} is closed; log the call without ticketId to open a new ticket`);
    if (call.writtenAt !== undefined) {
      const stale = await staleRefusal(trx, ticket, agent, call.writtenAt, logging.receivedAt);
      if (stale) throw new CallRefusal(stale);
    }
    return context.tickets.applyChange(trx, ticket.id, {
      ...byAgent,
      message: { body: call.notes, isPublic: true, authorKind: 'customer', authorName: call.callerName, ...(call.writtenAt ? { writtenAt: call.writtenAt } : {}), extras },
      status: statusAfterCall(call.outcome, ticket.status),
    });
  }

  const queueId = call.queueId ?? agent.queueIds[0] ?? DEFAULT_QUEUE_ID;
  if (!(await trx.selectFrom('queues').select('id').where('id', '=', queueId).executeTakeFirst())) throw refuse('invalid', 'queueId', `queueId: no queue "${queueId}"`);
  if (!queueIds.includes(queueId)) throw refuse('forbidden', 'queueId', `You do not work in queue "${queueId}"`);
  const opened = await context.tickets.insert(trx, {
    // The schema refuses a call without ticketId that has no subject.
    subject: call.subject!,
    body: call.notes,
    requesterName: call.callerName,
    requesterEmail: call.callerEmail ?? phoneRequesterEmail(call.callerPhone),
    channel: 'phone',
    priority: call.priority ?? 'medium',
    customerTier: 'standard',
    type: call.type ?? 'question',
    queueId,
    firstMessage: { ...(call.writtenAt ? { writtenAt: call.writtenAt } : {}), extras },
    ...(answered ? { taken: true as const } : {}),
  });
  // A voicemail waits in the queue, new and unanswered, like any message; a call someone took is theirs.
  if (!answered) return opened.ticket;
  return context.tickets.applyChange(trx, opened.ticket.id, { ...byAgent, at: opened.ticket.createdAt, status: statusAfterCall(call.outcome, 'new'), assigneeId: agent.id });
}
