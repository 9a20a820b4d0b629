import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MailboxCreateBodySchema,
  MailboxListSchema,
  MailboxParamsSchema,
  MailboxPatchBodySchema,
  MailboxPollReplySchema,
  MailboxSchema,
} from '../../../shared/admin/mailboxes.js';
import { ErrorReplySchema } from '../../../shared/api/rest.js';
import { isoNow } from '../../../shared/clock.js';
import { requireAdmin } from '../../auth/guard.js';
import type { ServerContext } from '../../context.js';
import { HttpError } from '../../http/errors.js';
import type { MailboxPoller } from './mailbox-poller.js';
import { createMailbox, deleteMailbox, findMailboxRow, listMailboxes, MailboxError, mailboxFromRow, updateMailbox } from './mailbox-store.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema, 404: ErrorReplySchema, 409: ErrorReplySchema };

/** The IMAP mailboxes the desk reads, for admins. Passwords go in and are never shown again. */
export function mailboxRoutes(context: ServerContext, poller: MailboxPoller): FastifyPluginAsyncZod {
  const { db, clock } = context;
  const what = 'manage mailboxes';
  const notFound = (id: string) => new HttpError(404, 'not_found', `No mailbox ${id}`);
  const refused = (error: unknown) => {
    if (error instanceof MailboxError) return new HttpError(error.field === 'name' ? 409 : 400, error.field === 'name' ? 'conflict' : 'invalid_request', `body.${error.message}`);
    return error;
  };
  return async (app) => {
    app.get(
      '/api/v1/admin/mailboxes',
      { schema: { tags: ['admin'], summary: 'The IMAP mailboxes the desk polls, with when each was last read and why it failed', security, response: { 200: MailboxListSchema, ...errors } } },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        return { items: await listMailboxes(db) };
      },
    );
    app.post(
      '/api/v1/admin/mailboxes',
      {
        schema: {
          tags: ['admin'],
          summary: 'Add a mailbox; its first poll starts at the oldest unread message',
          security,
          body: MailboxCreateBodySchema,
          response: { 201: MailboxSchema, ...errors },
        },
      },
      async (request, reply) => {
        await requireAdmin(db, clock, request, what);
        try {
          return reply.status(201).send(await createMailbox(db, request.body, isoNow(clock)));
        } catch (error) {
          throw refused(error);
        }
      },
    );
    app.patch(
      '/api/v1/admin/mailboxes/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'Change a mailbox; another host, user or folder starts reading again at its oldest unread message',
          security,
          params: MailboxParamsSchema,
          body: MailboxPatchBodySchema,
          response: { 200: MailboxSchema, ...errors },
        },
      },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        let mailbox;
        try {
          mailbox = await updateMailbox(db, request.params.id, request.body);
        } catch (error) {
          throw refused(error);
        }
        if (!mailbox) throw notFound(request.params.id);
        return mailbox;
      },
    );
    app.delete(
      '/api/v1/admin/mailboxes/:id',
      { schema: { tags: ['admin'], summary: 'Stop reading a mailbox; its tickets stay', security, params: MailboxParamsSchema, response: { 200: MailboxSchema, ...errors } } },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        const mailbox = await deleteMailbox(db, request.params.id);
        if (!mailbox) throw notFound(request.params.id);
        return mailbox;
      },
    );
    app.post(
      '/api/v1/admin/mailboxes/:id/poll',
      {
        schema: {
          tags: ['admin'],
          summary: 'Read a mailbox now (also a disabled one) and answer what became of its new messages',
          security,
          params: MailboxParamsSchema,
          response: { 200: MailboxPollReplySchema, ...errors },
        },
      },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        const counts = await poller.poll(request.params.id);
        const row = counts && (await findMailboxRow(db, request.params.id));
        if (!counts || !row) throw notFound(request.params.id);
        return { mailbox: mailboxFromRow(row), ...counts };
      },
    );
  };
}
