import { seesAllQueues, type User } from '../../shared/domain/people.js';
import type { ServerDb } from '../storage/database.js';

export const queueScope = (queueId: string): string => `queue:${queueId}`;

/** The queues whose tickets a user may read: their own, or every queue for supervisors and admins. */
export async function visibleQueueIds(db: ServerDb, user: User): Promise<string[]> {
  if (!seesAllQueues(user)) return user.queueIds;
  const rows = await db.selectFrom('queues').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The change-log scopes a user's pull may read. Queue rows themselves are shared with everyone. */
export async function visibleScopes(db: ServerDb, user: User): Promise<string[]> {
  return ['shared', ...(await visibleQueueIds(db, user)).map(queueScope)];
}
