import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OutboundListQuerySchema, OutboundListSchema } from '../../shared/admin/quarantine.js';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { requireAdmin } from '../auth/guard.js';
import type { ServerContext } from '../context.js';

/** What the desk sent or is still trying to send: a relay that refuses mail shows up here, not in silence. */
export function outboundRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock } = context;
  return async (app) => {
    app.get(
      '/api/v1/admin/outbound',
      {
        schema: {
          tags: ['admin'],
          summary: 'Notifications and replies sent to customers, newest first, with delivery state and last error',
          security: [{ bearer: [] }],
          querystring: OutboundListQuerySchema,
          response: { 200: OutboundListSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request) => {
        await requireAdmin(db, clock, request, 'see outbound mail');
        let query = db.selectFrom('outbound_messages').selectAll();
        if (request.query.status) query = query.where('status', '=', request.query.status);
        const rows = await query.orderBy('created_at', 'desc').limit(request.query.limit).execute();
        return {
          items: rows.map((r) => ({
            id: r.id,
            ticketId: r.ticket_id,
            kind: r.kind,
            channel: r.channel,
            to: r.to_address,
            subject: r.subject,
            status: r.status as 'queued' | 'sent' | 'failed',
            attempts: r.attempts,
            nextAttemptAt: r.next_attempt_at,
            lastError: r.last_error,
            createdAt: r.created_at,
            sentAt: r.sent_at,
          })),
        };
      },
    );
  };
}
