import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorReplySchema, ReplaceSlaPolicyBodySchema, ReplaceSlaPolicyReplySchema, SlaPolicyReplySchema, TicketRefParamsSchema } from '../../shared/api/rest.js';
import { explainSla } from '../../shared/sla/explain.js';
import { SlaExplanationSchema } from '../../shared/sla/snapshot.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { findVisibleTicket } from '../tickets/routes.js';
import { currentPolicy } from './policy-store.js';

const security = [{ bearer: [] }];

export function slaRoutes({ db, clock, tickets, sla, feed }: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/tickets/:id/sla',
      {
        schema: {
          tags: ['sla'],
          summary: 'Why the ticket’s clocks say what they say: matched rule, counted and paused time',
          security,
          params: TicketRefParamsSchema,
          response: { 200: SlaExplanationSchema, 401: ErrorReplySchema, 404: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        const { ticket } = await findVisibleTicket({ db, tickets }, user, request.params.id);
        const { evaluation, facts } = await sla.evaluate(db, ticket);
        if (!evaluation) throw new HttpError(404, 'not_found', `No SLA rule matches ticket ${ticket.number}`);
        return explainSla(evaluation, facts, evaluation.snapshot.calendarId);
      },
    );

    app.get(
      '/api/v1/sla/policy',
      { schema: { tags: ['sla'], summary: 'The SLA policy in force: calendars and ordered rules', security, response: { 200: SlaPolicyReplySchema, 401: ErrorReplySchema } } },
      async (request) => {
        await requireUser(db, clock, request);
        const stored = await currentPolicy(db);
        if (!stored) throw new HttpError(404, 'not_found', 'No SLA policy');
        return stored;
      },
    );

    app.put(
      '/api/v1/sla/policy',
      {
        schema: {
          tags: ['sla'],
          summary: 'Replace the SLA policy (admins); open tickets are recomputed and the reason recorded',
          security,
          body: ReplaceSlaPolicyBodySchema,
          response: { 200: ReplaceSlaPolicyReplySchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        if (user.role !== 'admin') throw new HttpError(403, 'forbidden', 'Only admins change the SLA policy');
        const { policy, reason } = request.body;
        const result = await db.transaction().execute(async (trx) => {
          const version = await sla.replacePolicy(trx, policy, reason, user.id);
          const open = await trx.selectFrom('tickets').select('id').where('status', '!=', 'closed').execute();
          let recomputed = 0;
          for (const ticket of open) {
            if ((await tickets.recomputeSla(trx, ticket.id, { text: reason, policyVersion: version, userId: user.id })) !== null) recomputed++;
          }
          return { version, recomputed };
        });
        // The new policy is itself a change every console receives.
        feed.committed();
        return { version: result.version, recomputedTickets: result.recomputed };
      },
    );
  };
}
