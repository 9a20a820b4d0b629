import type { Transaction } from 'kysely';
import { RoutingDecisionSchema, type RoutingDecision } from '../../shared/routing/decision.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { recordTicketEvent } from '../tickets/ticket-events.js';

const ROUTING_EVENT = 'routing';
/** More than a ticket's "Why here" needs; a ticket bounced around all night has more, and the oldest say least. */
const DECISIONS_SHOWN = 20;

/** A decision joins the ticket's history, where "Why here" reads it. */
export async function recordDecision(trx: Transaction<Database>, ticketId: string, actorId: string | null, decision: RoutingDecision): Promise<void> {
  await recordTicketEvent(trx, ticketId, ROUTING_EVENT, decision.at, actorId, decision);
}

/** Newest first. */
export async function ticketDecisions(db: ServerDb | Transaction<Database>, ticketId: string): Promise<RoutingDecision[]> {
  const rows = await db
    .selectFrom('ticket_events')
    .select('data_json')
    .where('ticket_id', '=', ticketId)
    .where('kind', '=', ROUTING_EVENT)
    .orderBy('at', 'desc')
    .limit(DECISIONS_SHOWN)
    .execute();
  return rows.map((row) => RoutingDecisionSchema.parse(JSON.parse(row.data_json)));
}
