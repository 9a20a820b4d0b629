import type { LocalSavedView } from '../../../shared/desk-api/view-methods.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import type { User } from '../../../shared/domain/people.js';
import type { Message, Ticket } from '../../../shared/domain/ticket.js';
import type { FakeDesk } from './fake-desk.js';
import { testNow } from './test-time.js';

export interface ViewsDesk {
  /** The agent's saved views as `views.list` answers them. */
  views: LocalSavedView[];
}

/**
 * Saved views and ticket search for a fake desk, like the core: a saved view shows at once as
 * pending, and `views.changed` fires. The search is not FTS5: every word of the query as a prefix of
 * a word of the number, subject, requester, tags or messages, which is what tests need.
 */
export function installViews(desk: FakeDesk, live: { user(): User | null; tickets(): Ticket[]; messages(): Message[] }, initial: { views?: LocalSavedView[] }): ViewsDesk {
  const state = { views: initial.views ?? [] };
  const changed = () => desk.emit('views.changed', {});
  Object.assign(desk.api, {
    'views.list': async () => [...state.views].sort((a, b) => a.name.localeCompare(b.name)),
    'views.save': async ({ id, ...view }: Omit<LocalSavedView, 'id' | 'ownerId' | 'updatedAt' | 'pending'> & { id?: string }) => {
      if (id !== undefined && !state.views.some((candidate) => candidate.id === id)) throw new DeskError('not_found', `id: no view ${id} of yours`);
      const saved: LocalSavedView = { ...view, id: id ?? crypto.randomUUID(), ownerId: live.user()?.id ?? '', updatedAt: new Date(testNow).toISOString(), pending: true };
      state.views = [...state.views.filter((candidate) => candidate.id !== saved.id), saved];
      changed();
      return { id: saved.id };
    },
    'views.delete': async ({ id }: { id: string }) => {
      const before = state.views.length;
      state.views = state.views.filter((view) => view.id !== id);
      changed();
      return { queued: state.views.length < before };
    },
    'tickets.search': async ({ query, limit }: { query: string; limit?: number }) => {
      const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length === 0) return [];
      const textOf = (ticket: Ticket) =>
        [ticket.number, ticket.subject, ticket.requesterName, ticket.requesterEmail, ...ticket.tags, ...live.messages().filter((m) => m.ticketId === ticket.id).map((m) => m.body)].join(' ').toLowerCase();
      return live
        .tickets()
        .filter((ticket) => {
          const found = textOf(ticket).match(/[\p{L}\p{N}]+/gu) ?? [];
          return words.every((word) => found.some((candidate) => candidate.startsWith(word)));
        })
        .slice(0, limit ?? 10_000)
        .map((ticket) => ticket.id);
    },
  });
  return {
    get views() {
      return state.views;
    },
    set views(views: LocalSavedView[]) {
      state.views = views;
    },
  };
}
