import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { TicketEvent } from '../../shared/domain/ticket-event.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';
import { queueScope, seesQueue, userScope } from '../people/visibility.js';

type Trx = Transaction<Database>;

/**
 * Adds to a ticket's history in the caller's transaction: the audit trail, SLA explanations and analytics
 * read it, and consoles show it in the thread. It goes to the scopes the ticket is in now (its queue, and
 * its assignee's own when they are outside the queue); a ticket arriving in a scope later brings its whole
 * history with it (`ticketHistory`), as it brings its thread.
 */
export async function recordTicketEvent(trx: Trx, ticketId: string, kind: string, at: string, actor: string | null, data: object): Promise<void> {
  const id = randomUUID();
  await trx.insertInto('ticket_events').values({ id, ticket_id: ticketId, kind, at, actor, data_json: JSON.stringify(data) }).execute();
  const ticket = await trx.selectFrom('tickets').select(['queue_id', 'assignee_id']).where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) return;
  const name = actor === null ? null : ((await trx.selectFrom('users').select('name').where('id', '=', actor).executeTakeFirst())?.name ?? actor);
  const row: TicketEvent = { id, ticketId, kind, at, actor: actor === null ? null : { userId: actor, name: name! }, data: { ...data } };
  await appendChange(trx, { scope: queueScope(ticket.queue_id), entity: 'ticketEvent', rowId: id, row }, at);
  if (ticket.assignee_id !== null && !(await seesQueue(trx, ticket.assignee_id, ticket.queue_id))) {
    await appendChange(trx, { scope: userScope(ticket.assignee_id), entity: 'ticketEvent', rowId: id, row }, at);
  }
}

/** A ticket's whole history, oldest first, as consoles receive it. */
export async function ticketHistory(trx: Trx, ticketId: string): Promise<TicketEvent[]> {
  const rows = await trx
    .selectFrom('ticket_events')
    .leftJoin('users', 'users.id', 'ticket_events.actor')
    .select(['ticket_events.id as id', 'ticket_events.kind as kind', 'ticket_events.at as at', 'ticket_events.actor as actor', 'ticket_events.data_json as data_json', 'users.name as name'])
    .where('ticket_events.ticket_id', '=', ticketId)
    .orderBy('ticket_events.at')
    .execute();
  return rows.map((r) => ({ id: r.id, ticketId, kind: r.kind, at: r.at, actor: r.actor === null ? null : { userId: r.actor, name: r.name ?? r.actor }, data: JSON.parse(r.data_json) as Record<string, unknown> }));
}

export interface TicketEventActor {
  at: string;
  /** Null for the system (SLA recomputes, intake). */
  actor: string | null;
  /** The actor's name as it is now; null for the system or a deleted user. */
  name: string | null;
}

/**
 * The latest of a ticket's events of these kinds, with who did it: what "changed by X meanwhile" and
 * the stale-reply check both ask. `after` keeps only events since an instant; `notBy` only those of
 * people other than this user (and so never the system's).
 */
export async function latestTicketEvent(
  trx: Trx,
  ticketId: string,
  filter: { kinds: readonly string[]; after?: string; notBy?: string },
): Promise<TicketEventActor | null> {
  let query = trx
    .selectFrom('ticket_events')
    .leftJoin('users', 'users.id', 'ticket_events.actor')
    .select(['ticket_events.at as at', 'ticket_events.actor as actor', 'users.name as name'])
    .where('ticket_events.ticket_id', '=', ticketId)
    .where('ticket_events.kind', 'in', filter.kinds);
  if (filter.after !== undefined) query = query.where('ticket_events.at', '>', filter.after);
  if (filter.notBy !== undefined) query = query.where('ticket_events.actor', 'is not', null).where('ticket_events.actor', '!=', filter.notBy);
  return (await query.orderBy('ticket_events.at', 'desc').limit(1).executeTakeFirst()) ?? null;
}
