import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

/** Adds to a ticket's history in the caller's transaction: the audit trail, SLA explanations and analytics read it. */
export async function recordTicketEvent(trx: Transaction<Database>, ticketId: string, kind: string, at: string, actor: string | null, data: object): Promise<void> {
  await trx.insertInto('ticket_events').values({ id: randomUUID(), ticket_id: ticketId, kind, at, actor, data_json: JSON.stringify(data) }).execute();
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
  trx: Transaction<Database>,
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
