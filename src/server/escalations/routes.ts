import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Transaction } from 'kysely';
import { ErrorReplySchema, TicketRefParamsSchema } from '../../shared/api/rest.js';
import { EscalationSchema } from '../../shared/domain/escalation.js';
import { DeclineBodySchema, EscalateBodySchema, EscalationListSchema, EscalationParamsSchema } from '../../shared/escalations/rest.js';
import { EscalationPoliciesSchema, EscalationTriggersSchema, StoredPoliciesSchema, StoredTriggersSchema } from '../../shared/escalations/settings.js';
import { isoNow } from '../../shared/clock.js';
import { requireAdmin, requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import type { Database } from '../storage/schema.js';
import { findVisibleTicket } from '../tickets/routes.js';
import { ticketEscalations } from './escalation-store.js';
import { EscalationRefusal } from './escalation-service.js';
import { currentPolicies, currentTriggers, missingReferences, storeDocument } from './settings-store.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema, 404: ErrorReplySchema, 409: ErrorReplySchema };

/** The refusals the console's mutations get, as HTTP answers; bad input names the body field. */
function asHttpError(error: unknown): unknown {
  if (!(error instanceof EscalationRefusal)) return error;
  const { code, message } = error.rejection;
  if (code === 'invalid') return new HttpError(400, 'invalid_request', `body.${message}`);
  if (code === 'forbidden') return new HttpError(403, 'forbidden', message);
  if (code === 'conflict') return new HttpError(409, 'conflict', message);
  return new HttpError(404, 'not_found', message);
}

export function escalationRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, feed, escalations } = context;
  /** One transaction per request; the commit is announced so consoles hear of it at once. */
  const write = async <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> => {
    try {
      const result = await db.transaction().execute(work);
      feed.committed();
      return result;
    } catch (error) {
      throw asHttpError(error);
    }
  };

  return async (app) => {
    app.post(
      '/api/v1/tickets/:id/escalations',
      {
        schema: {
          tags: ['escalations'],
          summary: 'Escalate a ticket to a higher tier’s queue or a named queue, with a reason; the escalation policy of that queue starts paging',
          security,
          params: TicketRefParamsSchema,
          body: EscalateBodySchema,
          response: { 201: EscalationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = await requireUser(db, clock, request);
        const { ticket } = await findVisibleTicket(context, user, request.params.id);
        const { tier, queueId, reason } = request.body;
        const target = tier !== undefined ? { tier } : { queueId: queueId! };
        const escalation = await write((trx) => escalations.escalateByHand(trx, user, { id: randomUUID(), ticketId: ticket.id, target, reason }));
        return reply.status(201).send(escalation);
      },
    );

    app.get(
      '/api/v1/tickets/:id/escalations',
      {
        schema: {
          tags: ['escalations'],
          summary: 'A ticket’s escalations, newest first: trigger, reason, who was paged at which level, who declined, who acknowledged and when',
          security,
          params: TicketRefParamsSchema,
          response: { 200: EscalationListSchema, 401: ErrorReplySchema, 404: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        const { ticket } = await findVisibleTicket(context, user, request.params.id);
        return { items: await ticketEscalations(db, ticket.id) };
      },
    );

    app.post(
      '/api/v1/escalations/:id/ack',
      {
        schema: {
          tags: ['escalations'],
          summary: 'Acknowledge an escalation: the ladder stops and the ticket is assigned to the caller; acknowledging again changes nothing',
          security,
          params: EscalationParamsSchema,
          response: { 200: EscalationSchema, ...errors },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        return (await write((trx) => escalations.acknowledge(trx, user, request.params.id))).escalation;
      },
    );

    app.post(
      '/api/v1/escalations/:id/decline',
      {
        schema: {
          tags: ['escalations'],
          summary: 'Decline a page with a reason: when nobody else on the page is left, the next level is paged at once',
          security,
          params: EscalationParamsSchema,
          body: DeclineBodySchema,
          response: { 200: EscalationSchema, ...errors },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        return (await write((trx) => escalations.decline(trx, user, request.params.id, request.body.reason))).escalation;
      },
    );

    app.get(
      '/api/v1/escalations/triggers',
      { schema: { tags: ['escalations'], summary: 'The automatic escalation triggers in force, and where tier escalations land', security, response: { 200: StoredTriggersSchema, 401: ErrorReplySchema, 403: ErrorReplySchema } } },
      async (request) => {
        await requireAdmin(db, clock, request, 'read the escalation triggers');
        return currentTriggers(db);
      },
    );

    app.put(
      '/api/v1/escalations/triggers',
      {
        schema: {
          tags: ['escalations'],
          summary: 'Replace the escalation triggers (admins); the queues they name must exist',
          security,
          body: EscalationTriggersSchema,
          response: { 200: StoredTriggersSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireAdmin(db, clock, request, 'change the escalation triggers');
        const missing = await missingReferences(db, { triggers: request.body });
        if (missing.length > 0) throw new HttpError(400, 'invalid_request', `body.${missing.join('; body.')}`);
        await db.transaction().execute((trx) => storeDocument(trx, 'triggers', request.body, user.id, isoNow(clock)));
        return currentTriggers(db);
      },
    );

    app.get(
      '/api/v1/escalations/policies',
      { schema: { tags: ['escalations'], summary: 'The escalation policies in force: each queue’s ladder of levels, targets and timeouts', security, response: { 200: StoredPoliciesSchema, 401: ErrorReplySchema, 403: ErrorReplySchema } } },
      async (request) => {
        await requireAdmin(db, clock, request, 'read the escalation policies');
        return currentPolicies(db);
      },
    );

    app.put(
      '/api/v1/escalations/policies',
      {
        schema: {
          tags: ['escalations'],
          summary: 'Replace the escalation policies (admins); ladders already climbing keep the policy they started with',
          security,
          body: EscalationPoliciesSchema,
          response: { 200: StoredPoliciesSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireAdmin(db, clock, request, 'change the escalation policies');
        const missing = await missingReferences(db, { policies: request.body });
        if (missing.length > 0) throw new HttpError(400, 'invalid_request', `body.${missing.join('; body.')}`);
        await db.transaction().execute((trx) => storeDocument(trx, 'policies', request.body, user.id, isoNow(clock)));
        return currentPolicies(db);
      },
    );
  };
}
