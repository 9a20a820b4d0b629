import type { Transaction } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import type { User } from '../../shared/domain/people.js';
import type { Rejection, ViewMutation } from '../../shared/sync/mutations.js';
import type { Database } from '../storage/schema.js';
import { deleteView, saveView, ViewRefusal } from './view-store.js';

/**
 * Applies a console's view.save or view.delete. Views never conflict: the last save wins, as the
 * agent's own two consoles would expect. A refusal is turned into the dispatcher's own error.
 */
export async function applyViewIntent(trx: Transaction<Database>, clock: Clock, user: User, clientId: string, mutation: ViewMutation, refuse: (rejection: Rejection) => Error): Promise<void> {
  const origin = { clientId, mutationId: mutation.id };
  try {
    if (mutation.name === 'view.save') {
      const { viewId, ...view } = mutation.args;
      await saveView(trx, clock, user, viewId, view, origin);
    } else await deleteView(trx, clock, user, mutation.args.viewId, origin);
  } catch (error) {
    if (error instanceof ViewRefusal) throw refuse(error.rejection);
    throw error;
  }
}
