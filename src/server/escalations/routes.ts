import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ErrorReplySchema, TicketRefParamsSchema } from '../../shared/api/rest.js';
import { EscalationSchema } from '../../shared/domain/escalation.js';
import { DeclineBodySchema, EscalateBodySchema, EscalationListSchema, EscalationParamsSchema } from '../../shared/escalations/rest.js';
import { EscalationPoliciesSchema, EscalationTriggersSchema, StoredPoliciesSchema, StoredTriggersSchema } from '../../shared/escalations/settings.js';
import { isoNow } from '../../shared/clock.js';
import { requireAdmin, requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { findVisibleTicket } from '../tickets/routes.js';
import { ticketEscalations } from './escalation-store.js';
import { EscalationRefusal } from './escalation-service.js';
import { currentPolicies, currentTriggers, missingReferences, storeDocument, type EscalationDocument } from './settings-store.js';
import { announcedWrites } from '../sync/change-feed.js';

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
  const write = announcedWrites(db, feed, asHttpError);

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

    documentRoutes(app, context, {
      kind: 'triggers',
      body: EscalationTriggersSchema,
      reply: StoredTriggersSchema,
      read: currentTriggers,
      what: 'the escalation triggers',
      summaries: { get: 'The automatic escalation triggers in force, and where tier escalations land', put: 'Replace the escalation triggers (admins); the queues they name must exist' },
    });
    documentRoutes(app, context, {
      kind: 'policies',
      body: EscalationPoliciesSchema,
      reply: StoredPoliciesSchema,
      read: currentPolicies,
      what: 'the escalation policies',
      summaries: {
        get: 'The escalation policies in force: each queue’s ladder of levels, targets and timeouts',
        put: 'Replace the escalation policies (admins); ladders already climbing keep the policy they started with',
      },
    });
  };
}

/** The schemas are zod's, checked at the edge; the document is the kind's once parsed. */
interface DocumentSpec {
  kind: EscalationDocument['kind'];
  body: z.ZodType;
  reply: z.ZodType;
  read(db: ServerContext['db']): Promise<unknown>;
  what: string;
  summaries: { get: string; put: string };
}

/** An admins' document: read it, or replace it with a new version once the queues, people and rotations it names exist. */
function documentRoutes(app: Parameters<FastifyPluginAsyncZod>[0], { db, clock }: ServerContext, spec: DocumentSpec): void {
  const path = `/api/v1/escalations/${spec.kind}`;
  app.get(path, { schema: { tags: ['escalations'], summary: spec.summaries.get, security, response: { 200: spec.reply, 401: ErrorReplySchema, 403: ErrorReplySchema } } }, async (request) => {
    await requireAdmin(db, clock, request, `read ${spec.what}`);
    return spec.read(db);
  });
  app.put(
    path,
    { schema: { tags: ['escalations'], summary: spec.summaries.put, security, body: spec.body, response: { 200: spec.reply, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema } } },
    async (request) => {
      const user = await requireAdmin(db, clock, request, `change ${spec.what}`);
      const document = { kind: spec.kind, document: request.body } as EscalationDocument;
      const missing = await missingReferences(db, document);
      if (missing.length > 0) throw new HttpError(400, 'invalid_request', `body.${missing.join('; body.')}`);
      await db.transaction().execute((trx) => storeDocument(trx, document, user.id, isoNow(clock)));
      return spec.read(db);
    },
  );
}
