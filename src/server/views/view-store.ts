import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { User } from '../../shared/domain/people.js';
import { SavedViewSchema, type QueueViewSpec, type SavedView } from '../../shared/queue/queue-view.js';
import type { Rejection } from '../../shared/sync/mutations.js';
import { userScope } from '../people/visibility.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';

type Trx = Transaction<Database>;
type Origin = { clientId: string; mutationId: number };

/** A view change the server refuses; recorded as the mutation's result. */
export class ViewRefusal extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

/** How many views one agent may keep: enough for any shift, not a store for anything else. */
export const MAX_VIEWS_PER_USER = 100;

async function ownedView(trx: Trx, user: User, id: string): Promise<SavedView | null | 'other'> {
  const row = await trx.selectFrom('queue_views').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return row.owner_id === user.id ? SavedViewSchema.parse(JSON.parse(row.row_json)) : 'other';
}

/**
 * Creates or replaces one of the agent's views. Views are personal: another agent's view id is
 * answered as not found (saying whose it is would tell that it exists).
 */
export async function saveView(trx: Trx, clock: Clock, user: User, id: string, view: QueueViewSpec & { name: string }, origin?: Origin): Promise<SavedView> {
  const existing = await ownedView(trx, user, id);
  if (existing === 'other') throw new ViewRefusal({ code: 'not_found', message: `No view ${id} of yours` });
  if (existing === null) {
    const count = await trx.selectFrom('queue_views').select((eb) => eb.fn.countAll<number>().as('count')).where('owner_id', '=', user.id).executeTakeFirstOrThrow();
    if (Number(count.count) >= MAX_VIEWS_PER_USER) throw new ViewRefusal({ code: 'invalid', field: 'viewId', message: `You have ${MAX_VIEWS_PER_USER} views already; delete one first` });
  }
  const now = isoNow(clock);
  const saved: SavedView = { id, ownerId: user.id, name: view.name, filters: view.filters, sort: view.sort, search: view.search, updatedAt: now };
  const row = { owner_id: user.id, row_json: JSON.stringify(saved), updated_at: now };
  if (existing) await trx.updateTable('queue_views').set(row).where('id', '=', id).execute();
  else await trx.insertInto('queue_views').values({ id, ...row }).execute();
  await appendChange(trx, { scope: userScope(user.id), entity: 'view', rowId: id, row: saved, ...(origin ? { origin } : {}) }, now);
  return saved;
}

/** Deleting a view that is already gone changes nothing: the agent's other console may have deleted it first. */
export async function deleteView(trx: Trx, clock: Clock, user: User, id: string, origin?: Origin): Promise<void> {
  const existing = await ownedView(trx, user, id);
  if (existing === 'other') throw new ViewRefusal({ code: 'not_found', message: `No view ${id} of yours` });
  if (existing === null) return;
  await trx.deleteFrom('queue_views').where('id', '=', id).execute();
  await appendChange(trx, { scope: userScope(user.id), entity: 'view', rowId: id, ...(origin ? { origin } : {}) }, isoNow(clock));
}
