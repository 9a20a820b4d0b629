import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorReplySchema, TicketRefParamsSchema } from '../../shared/api/rest.js';
import { MessageFileParamsSchema, ThreadReplySchema } from '../../shared/api/messages.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { findVisibleTicket } from './routes.js';
import { UploadHeadersSchema, UploadParamsSchema, UploadReplySchema } from '../../shared/api/uploads.js';
import { MAX_REPLY_FILE_BYTES } from '../../shared/domain/reply-files.js';
import { safeFilename } from '../intake/attachments.js';

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
    // Only this plugin's routes take raw bytes; the limit is the console's, with room for nothing else.
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_REPLY_FILE_BYTES }, (_request, body, done) => done(null, body));

    app.put(
      '/api/v1/uploads/:id',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Send a file ahead of the reply or note that attaches it (by this id); sending it again is harmless',
          security,
          params: UploadParamsSchema,
          headers: UploadHeadersSchema,
          response: { 200: UploadReplySchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 409: ErrorReplySchema, 413: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        if (!Buffer.isBuffer(request.body)) throw new HttpError(400, 'invalid_input', 'body: send the file as application/octet-stream');
        const { id } = request.params;
        const existing = await db.selectFrom('uploads').select(['user_id', 'size']).where('id', '=', id).executeTakeFirst();
        const claimed = await db.selectFrom('attachments').select('id').where('id', '=', id).executeTakeFirst();
        // The same file sent again (a retry after a lost answer) is fine; another's id, or one already attached, is not.
        if (claimed || (existing && existing.user_id !== user.id)) throw new HttpError(409, 'conflict', `id: upload ${id} exists already`);
        if (!existing) {
          const filename = safeFilename(decodeURIComponent(request.headers['x-filename']));
          const contentType = request.headers['x-content-type'];
          await db.insertInto('uploads').values({ id, user_id: user.id, filename, content_type: contentType, size: request.body.length, data: request.body, created_at: new Date(clock.now()).toISOString() }).execute();
        }
        return { id, size: request.body.length };
      },
    );

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
