import { seesAllQueues, type User } from '../../shared/domain/people.js';
import type { Transaction } from 'kysely';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

export const queueScope = (queueId: string): string => `queue:${queueId}`;
/** Tickets assigned to someone outside the ticket's queue reach them through their own scope. */
export const userScope = (userId: string): string => `user:${userId}`;

/** Handoff notes of a queue go to that queue's agents; notes for the whole desk to everyone. */
export const handoffScope = (queueId: string | null): string => (queueId === null ? 'shared' : queueScope(queueId));

/** The queues whose tickets a user may read: their own, or every queue for supervisors and admins. */
export async function visibleQueueIds(db: ServerDb | Transaction<Database>, user: User): Promise<string[]> {
  if (!seesAllQueues(user)) return user.queueIds;
  const rows = await db.selectFrom('queues').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** A ticket the user may see: in one of their queues, or assigned to them wherever it is. */
export function seesTicket(user: Pick<User, 'id'>, queueIds: readonly string[], ticket: { queue_id: string; assignee_id: string | null }): boolean {
  return queueIds.includes(ticket.queue_id) || ticket.assignee_id === user.id;
}

/** The change-log scopes a user's pull may read. Queue rows themselves are shared with everyone. */
export async function visibleScopes(db: ServerDb, user: User): Promise<string[]> {
  return ['shared', userScope(user.id), ...(await visibleQueueIds(db, user)).map(queueScope)];
}

/** Whether a user sees a queue's tickets anyway (membership, or a role that sees every queue). */
export async function seesQueue(db: ServerDb | Transaction<Database>, userId: string, queueId: string): Promise<boolean> {
  const user = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
  if (!user) return false;
  if (user.role !== 'agent') return true;
  const member = await db.selectFrom('queue_members').select('user_id').where('user_id', '=', userId).where('queue_id', '=', queueId).executeTakeFirst();
  return member !== undefined;
}
