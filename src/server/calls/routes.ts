import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { CallLogSchema } from '../../shared/domain/phone-call.js';
import { TicketDetailSchema } from '../../shared/domain/ticket.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { CallRefusal, logCall } from './log-call.js';

const security = [{ bearer: [] }];

/** The refusals a console's `call.log` gets, as HTTP answers; bad input names the body field. */
function asHttpError(error: unknown): unknown {
  if (!(error instanceof CallRefusal)) return error;
  const { code, message } = error.rejection;
  if (code === 'invalid') return new HttpError(400, 'invalid_request', `body.${message}`);
  if (code === 'forbidden') return new HttpError(403, 'forbidden', message);
  if (code === 'not_found') return new HttpError(404, 'not_found', message);
  return new HttpError(409, code, message);
}

/**
 * Phone calls for telephony and CRM integrations, with the token of the agent who took the call:
 * the call is theirs (first response, assignee), exactly as if they had logged it in the console.
 */
export function callRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, feed, tickets } = context;
  return async (app) => {
    app.post(
      '/api/v1/calls',
      {
        schema: {
          tags: ['calls'],
          summary: 'Log an inbound phone call: a message on the ticket it was about (ticketId), or a new phone ticket',
          security,
          body: CallLogSchema,
          response: { 201: TicketDetailSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema, 404: ErrorReplySchema },
        },
      },
      async (request, reply) => {
        const user = await requireUser(db, clock, request);
        const receivedAt = clock.now();
        let ticket;
        try {
          ticket = await db.transaction().execute((trx) => logCall(trx, context, user, request.body, { receivedAt }));
        } catch (error) {
          throw asHttpError(error);
        }
        feed.committed();
        return reply.status(201).send((await tickets.find([ticket.queueId], ticket.id))!);
      },
    );
  };
}
