import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QuarantineListQuerySchema, QuarantineListSchema, QuarantineParamsSchema, QuarantinedItemSchema } from '../../shared/admin/quarantine.js';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { isoNow } from '../../shared/clock.js';
import { requireAdmin } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { download } from '../tickets/message-routes.js';
import { findQuarantined, listQuarantine, quarantinedOriginal, resolveQuarantined } from './quarantine-store.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema, 404: ErrorReplySchema };

/** What channels could not take in, with the reason, for admins to inspect and clear. */
export function quarantineRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock } = context;
  const what = 'see quarantined messages';
  return async (app) => {
    app.get(
      '/api/v1/admin/quarantine',
      { schema: { tags: ['admin'], summary: 'Messages a channel could not take in, newest first, with the reason', security, querystring: QuarantineListQuerySchema, response: { 200: QuarantineListSchema, ...errors } } },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        return { items: await listQuarantine(db, request.query.state) };
      },
    );
    app.get(
      '/api/v1/admin/quarantine/:id/original',
      { schema: { tags: ['admin'], summary: 'Download a quarantined message as it arrived', security, params: QuarantineParamsSchema, response: errors } },
      async (request, reply) => {
        await requireAdmin(db, clock, request, what);
        const item = await quarantinedOriginal(db, request.params.id);
        if (!item) throw new HttpError(404, 'not_found', `No quarantined message ${request.params.id}`);
        return download(reply, item.data, item.content_type, `quarantine-${request.params.id.slice(0, 8)}.${item.content_type === 'message/rfc822' ? 'eml' : 'txt'}`);
      },
    );
    app.post(
      '/api/v1/admin/quarantine/:id/resolve',
      { schema: { tags: ['admin'], summary: 'Mark a quarantined message as dealt with', security, params: QuarantineParamsSchema, response: { 200: QuarantinedItemSchema, ...errors } } },
      async (request) => {
        const user = await requireAdmin(db, clock, request, what);
        await resolveQuarantined(db, request.params.id, user.name, isoNow(clock));
        const item = await findQuarantined(db, request.params.id);
        if (!item) throw new HttpError(404, 'not_found', `No quarantined message ${request.params.id}`);
        return item;
      },
    );
  };
}
