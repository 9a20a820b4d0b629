import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateTicketBodySchema,
  ErrorReplySchema,
  TicketListQuerySchema,
  TicketPageSchema,
  TicketRefParamsSchema,
} from '../../shared/api/rest.js';
import { TicketDetailSchema } from '../../shared/domain/ticket.js';
import { requireUser } from '../auth/guard.js';
import { HttpError } from '../http/errors.js';
import { visibleQueueIds } from '../people/visibility.js';
import type { ServerContext } from '../context.js';
import { TicketStoreError } from './ticket-store.js';

const security = [{ bearer: [] }];

export function ticketRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, tickets } = context;
  return async (app) => {
    app.post(
      '/api/v1/tickets',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Open a ticket with the customer’s first message',
          security,
          body: CreateTicketBodySchema,
          response: { 201: TicketDetailSchema, 400: ErrorReplySchema, 401: ErrorReplySchema },
        },
      },
      async (request, reply) => {
        await requireUser(db, clock, request);
        try {
          return reply.status(201).send(await tickets.create(request.body));
        } catch (error) {
          if (error instanceof TicketStoreError) throw new HttpError(400, 'invalid_request', `body.${error.message}`);
          throw error;
        }
      },
    );

    app.get(
      '/api/v1/tickets',
      {
        schema: {
          tags: ['tickets'],
          summary: 'List the tickets the caller may see, newest first, one page at a time',
          security,
          querystring: TicketListQuerySchema,
          response: { 200: TicketPageSchema, 400: ErrorReplySchema, 401: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        return tickets.list(await visibleQueueIds(db, user), request.query);
      },
    );

    app.get(
      '/api/v1/tickets/:id',
      {
        schema: {
          tags: ['tickets'],
          summary: 'One ticket with its thread, by id or number',
          security,
          params: TicketRefParamsSchema,
          response: { 200: TicketDetailSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 404: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        const detail = await tickets.find(await visibleQueueIds(db, user), request.params.id);
        if (!detail) throw new HttpError(404, 'not_found', `No ticket ${request.params.id}`);
        return detail;
      },
    );
  };
}
