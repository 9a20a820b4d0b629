import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorReplySchema, TicketRefParamsSchema } from '../../shared/api/rest.js';
import { MessageFileParamsSchema, ThreadReplySchema } from '../../shared/api/messages.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { findVisibleTicket } from './routes.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 404: ErrorReplySchema };

/**
 * A ticket's thread for integrations, and the bytes behind it: attachments and the originals that
 * channels keep. Files are always downloads, never rendered by the browser, because what a stranger
 * mailed us (HTML, SVG) must not run with an agent's session.
 */
export function messageRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock } = context;
  return async (app) => {
    app.get(
      '/api/v1/tickets/:id/messages',
      { schema: { tags: ['tickets'], summary: 'A ticket’s thread: each message’s visible text, its attachments and a link to its original', security, params: TicketRefParamsSchema, response: { 200: ThreadReplySchema, ...errors } } },
      async (request) => {
        const { ticket, messages } = await findVisibleTicket(context, await requireUser(db, clock, request), request.params.id);
        const base = `/api/v1/tickets/${ticket.id}`;
        return {
          ticketId: ticket.id,
          number: ticket.number,
          items: messages.map((m) => ({
            ...m,
            attachments: (m.attachments ?? []).map((a) => ({ ...a, url: `${base}/attachments/${a.id}` })),
            originalUrl: m.hasOriginal ? `${base}/messages/${m.id}/original` : null,
          })),
        };
      },
    );

    app.get(
      '/api/v1/tickets/:id/attachments/:fileId',
      { schema: { tags: ['tickets'], summary: 'Download an attachment', security, params: MessageFileParamsSchema, response: errors } },
      async (request, reply) => {
        const { ticket } = await findVisibleTicket(context, await requireUser(db, clock, request), request.params.id);
        const file = await db.selectFrom('attachments').selectAll().where('id', '=', request.params.fileId).where('ticket_id', '=', ticket.id).executeTakeFirst();
        if (!file) throw new HttpError(404, 'not_found', `No attachment ${request.params.fileId} on ticket ${ticket.number}`);
        return download(reply, file.data, file.content_type, file.filename);
      },
    );

    app.get(
      '/api/v1/tickets/:id/messages/:fileId/original',
      { schema: { tags: ['tickets'], summary: 'Download a message as it arrived (an email as .eml)', security, params: MessageFileParamsSchema, response: errors } },
      async (request, reply) => {
        const { ticket } = await findVisibleTicket(context, await requireUser(db, clock, request), request.params.id);
        const original = await db.selectFrom('message_originals').selectAll().where('message_id', '=', request.params.fileId).where('ticket_id', '=', ticket.id).executeTakeFirst();
        if (!original) throw new HttpError(404, 'not_found', `No original of message ${request.params.fileId} on ticket ${ticket.number}`);
        const extension = original.content_type === 'message/rfc822' ? 'eml' : original.content_type === 'application/json' ? 'json' : 'txt';
        return download(reply, original.data, original.content_type, `ticket-${ticket.number}-${request.params.fileId.slice(0, 8)}.${extension}`);
      },
    );
  };
}

export function download(reply: FastifyReply, data: Buffer, contentType: string, filename: string): FastifyReply {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .send(data);
}
