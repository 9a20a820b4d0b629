import type { MyStatus } from '../../../shared/desk-api/routing-methods.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import type { AgentStatus } from '../../../shared/domain/people.js';
import type { RoutingDecision } from '../../../shared/routing/decision.js';
import type { FakeDesk } from './fake-desk.js';

export interface RoutingDesk {
  /** The agent's own status as `presence.get` answers it. */
  myStatus: MyStatus;
  /** What the server says of each ticket's routing, newest first; a ticket without an entry has none. */
  routing: Record<string, RoutingDecision[]>;
  /** The server confirms the status chosen here (or a supervisor set one): fires `agents.changed`. */
  confirmStatus(status?: AgentStatus): void;
}

/**
 * Routing for a fake desk, like the core: a status chosen here shows at once as pending and fires
 * `agents.changed`; "Why here?" is the server's to answer, so offline it is unavailable.
 */
export function installRouting(desk: FakeDesk, live: { offline(): boolean }, initial: { myStatus?: MyStatus; routing?: Record<string, RoutingDecision[]> }): RoutingDesk {
  const state = { myStatus: initial.myStatus ?? { status: 'online', pending: false }, routing: initial.routing ?? {} };
  Object.assign(desk.api, {
    'presence.get': async () => state.myStatus,
    'presence.set': async ({ status }: { status: AgentStatus }) => {
      state.myStatus = { status, pending: true };
      desk.emit('agents.changed', {});
      return state.myStatus;
    },
    'tickets.routing': async ({ id }: { id: string }) => {
      if (live.offline()) throw new DeskError('unavailable', 'The server is not reachable');
      return { decisions: state.routing[id] ?? [] };
    },
  });
  return Object.defineProperties(
    {
      confirmStatus(status?: AgentStatus) {
        state.myStatus = { status: status ?? state.myStatus.status, pending: false };
        desk.emit('agents.changed', {});
      },
    },
    {
      myStatus: { get: () => state.myStatus, set: (myStatus: MyStatus) => (state.myStatus = myStatus), enumerable: true },
      routing: { get: () => state.routing, set: (routing: Record<string, RoutingDecision[]>) => (state.routing = routing), enumerable: true },
    },
  ) as RoutingDesk;
}
