import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateTicketBodySchema,
  ErrorReplySchema,
  TicketListQuerySchema,
  TicketPageSchema,
  TicketRefParamsSchema,
  UpdateTicketBodySchema,
  AddMessageBodySchema,
} from '../../shared/api/rest.js';
import { TicketDetailSchema } from '../../shared/domain/ticket.js';
import { requireUser } from '../auth/guard.js';
import { HttpError } from '../http/errors.js';
import { visibleQueueIds } from '../people/visibility.js';
import type { ServerContext } from '../context.js';
import { TicketStoreError } from './ticket-store.js';
import type { User } from '../../shared/domain/people.js';

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

    app.patch(
      '/api/v1/tickets/:id',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Change a ticket’s status, priority, customer tier or type (the SLA clocks follow)',
          security,
          params: TicketRefParamsSchema,
          body: UpdateTicketBodySchema,
          response: { 200: TicketDetailSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 404: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        const found = await findVisibleTicket(context, user, request.params.id);
        try {
          return await tickets.change(found.ticket.id, { ...request.body, actor: { userId: user.id, name: user.name } });
        } catch (error) {
          if (error instanceof TicketStoreError) throw new HttpError(400, 'invalid_request', `body.${error.message}`);
          throw error;
        }
      },
    );

    app.post(
      '/api/v1/tickets/:id/messages',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Reply to the customer, or add an internal note (isPublic: false)',
          security,
          params: TicketRefParamsSchema,
          body: AddMessageBodySchema,
          response: { 201: TicketDetailSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 404: ErrorReplySchema },
        },
      },
      async (request, reply) => {
        const user = await requireUser(db, clock, request);
        const found = await findVisibleTicket(context, user, request.params.id);
        const { body, isPublic, writtenAt } = request.body;
        const detail = await tickets.change(found.ticket.id, {
          actor: { userId: user.id, name: user.name },
          message: { body, isPublic, authorKind: 'agent', ...(writtenAt ? { writtenAt } : {}) },
        });
        return reply.status(201).send(detail);
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
        return findVisibleTicket(context, user, request.params.id);
      },
    );
  };
}

/**
 * A ticket the user may see: in their queues or assigned to them. Any other answers exactly as a
 * missing one, so existence does not leak.
 */
export async function findVisibleTicket({ db, tickets }: Pick<ServerContext, 'db' | 'tickets'>, user: User, ref: string) {
  const detail = await tickets.find(await visibleQueueIds(db, user), ref, user.id);
  if (!detail) throw new HttpError(404, 'not_found', `No ticket ${ref}`);
  return detail;
}
