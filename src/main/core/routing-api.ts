import type { z } from 'zod';
import type { DeskApi } from '../../shared/desk-api/contract.js';
import type { MyStatus, routingMethods } from '../../shared/desk-api/routing-methods.js';
import type { Agent, AgentStatus, User } from '../../shared/domain/people.js';
import { AgentSettingsListSchema, AgentSettingsSchema, QueueSettingsListSchema, QueueSettingsSchema, ReplaceRoutingRulesReplySchema, RoutingRulesReplySchema } from '../../shared/routing/api.js';
import { TicketRoutingReplySchema } from '../../shared/routing/decision.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import type { ServerSession } from './channels/channel-api.js';
import type { OutboxEntry } from './replica/overlay.js';
import { requestJson } from './sync/server-api.js';

type RoutingMethod = keyof typeof routingMethods;

export interface RoutingApiDeps {
  user(): User;
  /** The agents as the replica holds them. */
  agents(): Agent[];
  /** This user's changes the server has not confirmed yet, oldest first. */
  unconfirmed(user: User): readonly OutboxEntry[];
  now(): string;
  record(user: User, mutation: Omit<Mutation, 'id'>): unknown;
  send(): void;
  /** The agent's own status view changed. */
  changed(): void;
  session(): ServerSession;
}

/**
 * The agent's own presence and routing's admin settings. A status chosen here shows at once (from
 * the outbox) and reaches the server with the next sync; a console offline says nothing about the
 * agent's presence that the server does not already know from the missing connection.
 */
export function routingApi(deps: RoutingApiDeps): Pick<DeskApi, RoutingMethod> {
  const json = <T extends z.ZodType>(path: string, reply: T, init: { method?: 'PUT'; body?: unknown } = {}) => requestJson({ ...deps.session(), path, ...init, reply });

  function myStatus(user: User): MyStatus {
    const chosen = deps.unconfirmed(user).findLast(({ mutation }) => mutation.name === 'agent.setStatus');
    if (chosen?.mutation.name === 'agent.setStatus') return { status: chosen.mutation.args.status, pending: true };
    const status: AgentStatus = deps.agents().find((agent) => agent.id === user.id)?.status ?? 'offline';
    return { status, pending: false };
  }

  return {
    'presence.get': async () => myStatus(deps.user()),
    'presence.set': async ({ status }) => {
      const user = deps.user();
      deps.record(user, { name: 'agent.setStatus', args: { status }, createdAt: deps.now() });
      deps.changed();
      deps.send();
      return myStatus(user);
    },
    'tickets.routing': ({ id }) => json(`/api/v1/tickets/${id}/routing`, TicketRoutingReplySchema),
    'admin.routing.rules': () => json('/api/v1/routing/rules', RoutingRulesReplySchema),
    'admin.routing.saveRules': (body) => json('/api/v1/routing/rules', ReplaceRoutingRulesReplySchema, { method: 'PUT', body }),
    'admin.routing.queues': async () => (await json('/api/v1/routing/queues', QueueSettingsListSchema)).items,
    'admin.routing.saveQueue': ({ id, settings }) => json(`/api/v1/routing/queues/${encodeURIComponent(id)}`, QueueSettingsSchema, { method: 'PUT', body: settings }),
    'admin.routing.agents': async () => (await json('/api/v1/routing/agents', AgentSettingsListSchema)).items,
    'admin.routing.saveAgent': ({ id, settings }) => json(`/api/v1/routing/agents/${encodeURIComponent(id)}`, AgentSettingsSchema, { method: 'PUT', body: settings }),
  };
}
