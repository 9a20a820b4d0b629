import type { Transaction } from 'kysely';
import { EscalationSchema, involvedUserIds, type Escalation } from '../../shared/domain/escalation.js';
import { seesAllQueues, type User } from '../../shared/domain/people.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';
import { queueScope, userScope } from '../people/visibility.js';
import type { Ladder } from './ladder.js';

type Trx = Transaction<Database>;
type Reader = ServerDb | Trx;

/** An escalation with what only the server keeps: the ladder it climbs and what set it off. */
export interface StoredEscalation {
  escalation: Escalation;
  ladder: Ladder;
  cause: string | null;
}

export type Origin = { clientId: string; mutationId: number };

function fromRow(row: { row_json: string; ladder_json: string; cause: string | null }): StoredEscalation {
  return { escalation: EscalationSchema.parse(JSON.parse(row.row_json)), ladder: JSON.parse(row.ladder_json) as Ladder, cause: row.cause };
}

export async function findEscalation(db: Reader, id: string): Promise<StoredEscalation | null> {
  const row = await db.selectFrom('escalations').select(['row_json', 'ladder_json', 'cause']).where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** A ticket's escalations, newest first. */
export async function ticketEscalations(db: Reader, ticketId: string): Promise<Escalation[]> {
  const rows = await db.selectFrom('escalations').select(['row_json', 'ladder_json', 'cause']).where('ticket_id', '=', ticketId).orderBy('escalated_at', 'desc').orderBy('id').execute();
  return rows.map((row) => fromRow(row).escalation);
}

/** The escalations of a ticket nobody has taken yet (paging, or run out). */
export async function openEscalations(db: Reader, ticketId: string): Promise<StoredEscalation[]> {
  const rows = await db.selectFrom('escalations').select(['row_json', 'ladder_json', 'cause']).where('ticket_id', '=', ticketId).where('state', 'in', ['paging', 'exhausted']).execute();
  return rows.map(fromRow);
}

export async function causeUsed(db: Reader, ticketId: string, cause: string): Promise<boolean> {
  return (await db.selectFrom('escalations').select('id').where('ticket_id', '=', ticketId).where('cause', '=', cause).executeTakeFirst()) !== undefined;
}

export async function insertEscalation(trx: Trx, stored: StoredEscalation): Promise<void> {
  const { escalation, ladder, cause } = stored;
  await trx
    .insertInto('escalations')
    .values({
      id: escalation.id,
      ticket_id: escalation.ticketId,
      cause,
      state: escalation.state,
      deadline_at: escalation.nextTimeoutAt,
      escalated_at: escalation.escalatedAt,
      updated_at: escalation.updatedAt,
      row_json: JSON.stringify(escalation),
      ladder_json: JSON.stringify(ladder),
    })
    .execute();
}

/**
 * Stores the escalation as it is now and appends it to every scope that must hear of it, in the
 * caller's transaction: the queues it left and went to, and everyone it concerns personally (who
 * escalated, who was paged, declined or acknowledged), so "acknowledged by … at …" reaches the agent
 * who escalated even after the ticket left their queues. Nothing ever leaves a scope: an escalation
 * stays in the history of everyone it touched.
 */
export async function saveEscalation(trx: Trx, escalation: Escalation, origin?: Origin): Promise<void> {
  await trx
    .updateTable('escalations')
    .set({ state: escalation.state, deadline_at: escalation.nextTimeoutAt, updated_at: escalation.updatedAt, row_json: JSON.stringify(escalation) })
    .where('id', '=', escalation.id)
    .execute();
  await publishEscalation(trx, escalation, origin);
}

export async function publishEscalation(trx: Trx, escalation: Escalation, origin?: Origin): Promise<void> {
  const scopes = new Set([queueScope(escalation.from.queueId), queueScope(escalation.to.queueId), ...involvedUserIds(escalation).map(userScope)]);
  for (const scope of scopes) {
    await appendChange(trx, { scope, entity: 'escalation', rowId: escalation.id, row: escalation, ...(origin ? { origin } : {}) }, escalation.updatedAt);
  }
}

/** Who may see an escalation: supervisors, everyone it concerns, and the agents of the queues it joins. */
export function seesEscalation(user: User, escalation: Escalation): boolean {
  return (
    seesAllQueues(user) ||
    involvedUserIds(escalation).includes(user.id) ||
    user.queueIds.includes(escalation.from.queueId) ||
    user.queueIds.includes(escalation.to.queueId)
  );
}
