import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isoNow } from '../../shared/clock.js';
import { seesAllQueues } from '../../shared/domain/people.js';
import { ErrorReplySchema, TicketRefParamsSchema } from '../../shared/api/rest.js';
import {
  AgentParamsSchema,
  AgentPresenceListSchema,
  AgentPresenceSchema,
  AgentSettingsListSchema,
  AgentSettingsSchema,
  AgentStatusBodySchema,
  QueueParamsSchema,
  QueueSettingsListSchema,
  QueueSettingsSchema,
  ReplaceRoutingRulesBodySchema,
  ReplaceRoutingRulesReplySchema,
  RoutingRulesReplySchema,
} from '../../shared/routing/api.js';
import { TicketRoutingReplySchema } from '../../shared/routing/decision.js';
import { AgentRoutingSchema, QueueRoutingSchema } from '../../shared/routing/settings.js';
import { requireAdmin, requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { findVisibleTicket } from '../tickets/routes.js';
import { ticketDecisions } from './decision-log.js';
import { currentRules, RulesRefusal, storeRules } from './rules-store.js';
import { listAgentSettings, listQueueSettings, saveAgentSettings, saveQueueSettings, SettingsRefusal } from './settings-store.js';

const security = [{ bearer: [] }];
const refusals = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema, 404: ErrorReplySchema };

function asHttp(error: unknown): never {
  if (error instanceof RulesRefusal) throw new HttpError(error.code === 'conflict' ? 409 : 400, error.code === 'conflict' ? 'conflict' : 'invalid_request', `body.${error.message}`);
  if (error instanceof SettingsRefusal) throw new HttpError(error.code === 'not_found' ? 404 : 400, error.code === 'not_found' ? 'not_found' : 'invalid_request', error.code === 'not_found' ? error.message : `body.${error.message}`);
  throw error;
}

/**
 * Routing over REST: the rules, queue settings and agents' skills and capacity (admins), agents'
 * presence (everyone reads; each agent sets their own, supervisors and admins anyone's), and why a
 * ticket went where it went.
 */
export function routingRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, feed, router } = context;
  return async (app) => {
    app.get(
      '/api/v1/routing/rules',
      { schema: { tags: ['routing'], summary: 'The routing rules in force: ordered, first match wins, and the default queue', security, response: { 200: RoutingRulesReplySchema, ...refusals } } },
      async (request) => {
        await requireAdmin(db, clock, request, 'read the routing rules');
        return currentRules(db);
      },
    );

    app.put(
      '/api/v1/routing/rules',
      {
        schema: {
          tags: ['routing'],
          summary: 'Replace the routing rules (a new version; new tickets follow it, tickets already placed stay)',
          description: 'With `baseVersion`, a save based on rules someone has replaced since is refused with 409.',
          security,
          body: ReplaceRoutingRulesBodySchema,
          response: { 200: ReplaceRoutingRulesReplySchema, ...refusals, 409: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireAdmin(db, clock, request, 'change the routing rules');
        const { document, reason, baseVersion } = request.body;
        const version = await db
          .transaction()
          .execute((trx) => storeRules(trx, document, { reason, createdBy: user.id, createdAt: isoNow(clock), ...(baseVersion !== undefined ? { baseVersion } : {}) }))
          .catch(asHttp);
        return { version };
      },
    );

    app.get(
      '/api/v1/routing/queues',
      { schema: { tags: ['routing'], summary: 'Every queue’s routing settings: skills, calendar, overflow queue', security, response: { 200: QueueSettingsListSchema, ...refusals } } },
      async (request) => {
        await requireAdmin(db, clock, request, 'read queue settings');
        return { items: await listQueueSettings(db) };
      },
    );

    app.put(
      '/api/v1/routing/queues/:id',
      {
        schema: {
          tags: ['routing'],
          summary: 'Replace a queue’s routing settings; waiting tickets are looked at again',
          security,
          params: QueueParamsSchema,
          body: QueueRoutingSchema,
          response: { 200: QueueSettingsSchema, ...refusals },
        },
      },
      async (request) => {
        await requireAdmin(db, clock, request, 'change queue settings');
        const saved = await db
          .transaction()
          .execute(async (trx) => {
            const queue = await saveQueueSettings(trx, request.params.id, request.body, isoNow(clock));
            // A queue opened longer or given an overflow may have room for what waits.
            await router.requestPlacement(trx);
            return queue;
          })
          .catch(asHttp);
        feed.committed();
        return saved;
      },
    );

    app.get(
      '/api/v1/routing/agents',
      { schema: { tags: ['routing'], summary: 'Every agent’s skills, capacity per channel and presence', security, response: { 200: AgentSettingsListSchema, ...refusals } } },
      async (request) => {
        await requireAdmin(db, clock, request, 'read agents’ routing settings');
        return { items: await listAgentSettings(db) };
      },
    );

    app.put(
      '/api/v1/routing/agents/:id',
      {
        schema: {
          tags: ['routing'],
          summary: 'Replace an agent’s skills and capacity (channels left out get the defaults: chat 2, email 6, …)',
          security,
          params: AgentParamsSchema,
          body: AgentRoutingSchema,
          response: { 200: AgentSettingsSchema, ...refusals },
        },
      },
      async (request) => {
        await requireAdmin(db, clock, request, 'change agents’ routing settings');
        await db
          .transaction()
          .execute(async (trx) => {
            await saveAgentSettings(trx, request.params.id, request.body, isoNow(clock));
            await router.requestPlacement(trx);
          })
          .catch(asHttp);
        feed.committed();
        return (await listAgentSettings(db)).find((agent) => agent.id === request.params.id)!;
      },
    );

    app.get(
      '/api/v1/agents/status',
      { schema: { tags: ['routing'], summary: 'Who is online, away or offline, as routing sees it', security, response: { 200: AgentPresenceListSchema, 401: ErrorReplySchema } } },
      async (request) => {
        await requireUser(db, clock, request);
        return { items: (await listAgentSettings(db)).map(({ id, name, status, effectiveStatus, statusSince }) => ({ id, name, status, effectiveStatus, statusSince })) };
      },
    );

    app.put(
      '/api/v1/agents/:id/status',
      {
        schema: {
          tags: ['routing'],
          summary: 'Set an agent’s status (`me` for oneself; supervisors and admins for anyone)',
          description:
            'Offline hands their unanswered tickets on; online has waiting tickets looked at. Routing counts an agent as there only while a console of theirs is connected (or for the grace period after), so `effectiveStatus` may stay offline.',
          security,
          params: AgentParamsSchema,
          body: AgentStatusBodySchema,
          response: { 200: AgentPresenceSchema, ...refusals },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        const agentId = request.params.id === 'me' ? user.id : request.params.id;
        if (agentId !== user.id && !seesAllQueues(user)) throw new HttpError(403, 'forbidden', 'Only supervisors and admins set another agent’s status');
        if (!(await db.selectFrom('users').select('id').where('id', '=', agentId).executeTakeFirst())) throw new HttpError(404, 'not_found', `No agent "${agentId}"`);
        await db.transaction().execute((trx) => router.setStatus(trx, agentId, request.body.status, { userId: user.id, name: user.name }, { fromConsole: false }));
        feed.committed();
        const { id, name, status, effectiveStatus, statusSince } = (await listAgentSettings(db)).find((agent) => agent.id === agentId)!;
        return { id, name, status, effectiveStatus, statusSince };
      },
    );

    app.get(
      '/api/v1/tickets/:id/routing',
      {
        schema: {
          tags: ['routing'],
          summary: 'Why the ticket is where it is: each routing decision with the rule matched, the skills asked and every candidate’s load then',
          security,
          params: TicketRefParamsSchema,
          response: { 200: TicketRoutingReplySchema, 401: ErrorReplySchema, 404: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        const { ticket } = await findVisibleTicket(context, user, request.params.id);
        return { decisions: await ticketDecisions(db, ticket.id) };
      },
    );
  };
}
