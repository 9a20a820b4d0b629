import type { Transaction } from 'kysely';
import type { User } from '../../shared/domain/people.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import type { Rejection } from '../../shared/sync/mutations.js';
import type { Database } from '../storage/schema.js';
import { latestTicketEvent } from '../tickets/ticket-events.js';

type Trx = Transaction<Database>;

/**
 * A reply or note that took longer than this to reach the server was written offline, against a
 * ticket the agent may no longer recognise. Shorter gaps are a flaky connection, not an absence,
 * and are appended as always.
 */
export const STALE_AFTER_MS = 30 * 60_000;

/**
 * What people do to a ticket. `sla.recomputed` is left out: a policy or calendar change re-reads the
 * clocks, it does not move the conversation on.
 */
const movingEventKinds = ['status', 'attributes', 'assignee', 'queue'];

const settledStatuses: readonly Ticket['status'][] = ['solved', 'closed'];

interface MovedOn {
  at: string;
  /** `thread`: someone wrote on the ticket; `ticket`: someone changed it. */
  what: 'thread' | 'ticket';
  by: string | null;
}

/**
 * Refuses a reply or note written long before it arrived on a ticket that has moved on since: someone
 * else wrote on it or changed it after `writtenAt`, or it is now solved or closed (not by this agent).
 * Answers null when it should be appended as today. The agent then reads the ticket and sends it
 * again, or discards it.
 */
export async function staleRefusal(trx: Trx, ticket: Ticket, user: User, writtenAt: string, receivedAt: number): Promise<Rejection | null> {
  const written = Date.parse(writtenAt);
  const waited = receivedAt - written;
  if (waited <= STALE_AFTER_MS) return null;
  // Stored times are all toISOString(); the console may have sent another offset.
  const since = new Date(written).toISOString();
  const changed = await lastChangeBySomeoneElse(trx, ticket.id, user, since);
  const wrote = await lastMessageBySomeoneElse(trx, ticket.id, user, since);
  // A reply that also opened the ticket is told as the reply: the message comes first on a tie.
  const movedOn = [wrote, changed].filter((moved): moved is MovedOn => moved !== null).sort((a, b) => b.at.localeCompare(a.at))[0] ?? (await settledBySomeoneElse(trx, ticket, user));
  if (!movedOn) return null;
  const age = waited >= 3_600_000 ? `${Math.floor(waited / 3_600_000)} h` : `${Math.floor(waited / 60_000)} min`;
  return {
    code: 'stale',
    field: movedOn.what,
    current: ticket.status,
    changedBy: movedOn.by,
    message: `Written ${age} before it reached the server; #${ticket.number} has moved on since${movedOn.by ? ` (${movedOn.by})` : ''} and is now ${ticket.status}`,
  };
}

/**
 * A solved or closed ticket has moved on even when that happened before the agent wrote: offline, they
 * could not have seen it. Unless they solved it themselves, which they know.
 */
async function settledBySomeoneElse(trx: Trx, ticket: Ticket, user: User): Promise<MovedOn | null> {
  if (!settledStatuses.includes(ticket.status)) return null;
  const event = await latestTicketEvent(trx, ticket.id, { kinds: ['status'] });
  if (event?.actor === user.id) return null;
  return { at: event?.at ?? ticket.updatedAt, what: 'ticket', by: event?.name ?? null };
}

/** System changes (actor null) and the agent's own changes from elsewhere do not count. */
async function lastChangeBySomeoneElse(trx: Trx, ticketId: string, user: User, since: string): Promise<MovedOn | null> {
  const event = await latestTicketEvent(trx, ticketId, { kinds: movingEventKinds, after: since, notBy: user.id });
  return event ? { at: event.at, what: 'ticket', by: event.name } : null;
}

/**
 * The customer writing again, or another agent's public reply. Messages keep the author's name but
 * no id, so "another agent" means another name: a namesake's reply is taken for this agent's own
 * (appended as today); an agent renamed since would see their earlier replies as someone else's.
 */
async function lastMessageBySomeoneElse(trx: Trx, ticketId: string, user: User, since: string): Promise<MovedOn | null> {
  const message = await trx
    .selectFrom('messages')
    .select(['created_at', 'author_name'])
    .where('ticket_id', '=', ticketId)
    .where('created_at', '>', since)
    .where((eb) => eb.or([eb('author_kind', '=', 'customer'), eb.and([eb('author_kind', '=', 'agent'), eb('is_public', '=', 1), eb('author_name', '!=', user.name)])]))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return message ? { at: message.created_at, what: 'thread', by: message.author_name } : null;
}
