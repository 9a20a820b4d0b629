import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateHandoffBodySchema, ErrorReplySchema, HandoffListQuerySchema, HandoffPageSchema, HandoffRefParamsSchema } from '../../shared/api/rest.js';
import { HandoffNoteSchema } from '../../shared/domain/handoff.js';
import { requireUser } from '../auth/guard.js';
import { HttpError } from '../http/errors.js';
import type { ServerContext } from '../context.js';
import { HandoffRefusal } from './handoff-store.js';

const security = [{ bearer: [] }];

/** The same refusals the console's mutations get, as HTTP answers; bad input names the body field. */
function asHttpError(error: unknown): unknown {
  if (!(error instanceof HandoffRefusal)) return error;
  if (error.code === 'invalid') return new HttpError(400, 'invalid_request', `body.${error.message}`);
  if (error.code === 'forbidden') return new HttpError(403, 'forbidden', error.message);
  return new HttpError(404, 'not_found', error.message);
}

export function handoffRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, handoffs } = context;
  return async (app) => {
    app.get(
      '/api/v1/handoffs',
      {
        schema: {
          tags: ['handoffs'],
          summary: 'List the shift handoff notes the caller may read (the whole desk’s and their queues’), newest first; `q` searches author and text',
          security,
          querystring: HandoffListQuerySchema,
          response: { 200: HandoffPageSchema, 400: ErrorReplySchema, 401: ErrorReplySchema },
        },
      },
      async (request) => handoffs.list(await requireUser(db, clock, request), request.query),
    );

    app.post(
      '/api/v1/handoffs',
      {
        schema: {
          tags: ['handoffs'],
          summary: 'Leave a handoff note for the next shift of a queue, or of the whole desk (queueId: null); with `shift`, it hands over that shift of the caller’s',
          security,
          body: CreateHandoffBodySchema,
          response: { 201: HandoffNoteSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request, reply) => {
        const user = await requireUser(db, clock, request);
        const { queueId, body, writtenAt, shift } = request.body;
        try {
          return reply.status(201).send(await handoffs.write(user, { queueId, body, ...(writtenAt ? { writtenAt } : {}), ...(shift ? { shift } : {}) }));
        } catch (error) {
          throw asHttpError(error);
        }
      },
    );

    app.post(
      '/api/v1/handoffs/:id/acknowledge',
      {
        schema: {
          tags: ['handoffs'],
          summary: 'Say the caller has read a handoff note; saying it again changes nothing',
          security,
          params: HandoffRefParamsSchema,
          response: { 200: HandoffNoteSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 404: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        try {
          return await handoffs.acknowledge(user, request.params.id);
        } catch (error) {
          throw asHttpError(error);
        }
      },
    );
  };
}
