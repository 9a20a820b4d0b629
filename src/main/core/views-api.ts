import { randomUUID } from 'node:crypto';
import type { DeskApi } from '../../shared/desk-api/contract.js';
import { DeskError } from '../../shared/desk-api/errors.js';
import { TICKET_SEARCH_MAX } from '../../shared/desk-api/view-methods.js';
import type { User } from '../../shared/domain/people.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import type { Replica } from './replica/replica.js';

export interface ViewsApiDeps {
  /** Read when called: the core opens its replica after building its api. */
  replica(): Replica;
  /** The signed-in user; throws when nobody is. */
  user(): User;
  now(): string;
  /** Writes the mutation to the outbox and shows it through the overlay. */
  record(user: User, mutation: Omit<Mutation, 'id'>): unknown;
  send(): void;
  changed(): void;
}

type ViewMethod = 'views.list' | 'views.save' | 'views.delete' | 'tickets.search';

/** The queue's saved views (through the outbox, so offline too) and its full-text search, from the replica. */
export function viewsApi(deps: ViewsApiDeps): Pick<DeskApi, ViewMethod> {
  return {
    'views.list': async () => deps.replica().views.list(deps.user().id),
    'views.save': async ({ id, name, filters, sort, search }) => {
      const user = deps.user();
      if (id !== undefined && !deps.replica().views.get(id, user.id)) throw new DeskError('not_found', `id: no view ${id} of yours`);
      const viewId = id ?? randomUUID();
      deps.record(user, { name: 'view.save', args: { viewId, name, filters, sort, search }, createdAt: deps.now() });
      deps.changed();
      deps.send();
      return { id: viewId };
    },
    'views.delete': async ({ id }) => {
      const user = deps.user();
      if (!deps.replica().views.get(id, user.id)) return { queued: false };
      deps.record(user, { name: 'view.delete', args: { viewId: id }, createdAt: deps.now() });
      deps.changed();
      deps.send();
      return { queued: true };
    },
    'tickets.search': async ({ query, limit }) => {
      deps.user();
      return deps.replica().ticketSearch.search(query, limit ?? TICKET_SEARCH_MAX);
    },
  };
}
