import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessFormSchema, LinkFormSchema, PortalTokenSchema, ReplyFormSchema, RequestFileParamsSchema, RequestParamsSchema } from '../../shared/portal/forms.js';
import type { ServerContext } from '../context.js';
import { IntakeRefusal } from '../intake/attachments.js';
import { receiveCustomerMessage } from '../intake/customer-intake.js';
import { findRequester } from '../intake/customers/requesters.js';
import { download } from '../tickets/message-routes.js';
import { messageFromRow } from '../tickets/rows.js';
import { accessLinkUsable, LINK_MINUTES, redeemAccessLink, sendAccessLink } from './access-links.js';
import { readUpload, uploadError, uploadStatus } from './form-data.js';
import { messagePage, portalView, sendPage, type PortalView } from './layout.js';
import { accessPage, linkLandingPage } from './pages/access.js';
import { fieldErrors, type FieldErrors } from './pages/fields.js';
import { requestListPage, requestPage, type RequestSummary } from './pages/requests.js';
import { endPortalSession, startPortalSession } from './portal-sessions.js';

type Body = Record<string, unknown> | undefined;

/**
 * Signing in by mailed link, and what a signed-in customer sees: their requests (by the address the
 * link was sent to, nobody else's), each request's public thread and files, and a reply box.
 */
export function accountRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const invalidLink = (view: PortalView) => messagePage(view, view.t.t('link.invalidTitle'), [view.t.t('link.invalid')], [{ href: '/portal/access', label: view.t.t('link.again') }]);
  const notFound = (view: PortalView) => messagePage(view, view.t.t('error.notFoundTitle'), [view.t.t('error.notFound')], [{ href: '/portal/requests', label: view.t.t('request.back') }]);

  /** The signed-in customer's view; without a session the browser is sent to ask for a link. */
  const signedIn = async (request: FastifyRequest, reply: FastifyReply, path?: string) => {
    const view = await portalView(context, request, reply, path);
    // What a customer's requests say must not stay in a shared computer's cache.
    reply.header('cache-control', 'no-store');
    return view.email ? { view, email: view.email } : null;
  };

  /** A ticket of this customer's, by number; another customer's is as good as absent. */
  const ownTicket = (email: string, number: number) => db.selectFrom('tickets').selectAll().where('number', '=', number).where('requester_email', '=', email).executeTakeFirst();

  app.get('/access', async (request, reply) => sendPage(reply, accessPage(await portalView(context, request, reply), { errors: {} })));

  app.post('/access', async (request, reply) => {
    const view = await portalView(context, request, reply, '/portal/access');
    const parsed = AccessFormSchema.safeParse(request.body);
    if (!parsed.success) {
      const email = (request.body as Body)?.email;
      return sendPage(reply, accessPage(view, { email: typeof email === 'string' ? email : undefined, errors: fieldErrors(view.t, parsed.error, { email: 'errors.email' }) }), 400);
    }
    await sendAccessLink(context, parsed.data.email, view.t.locale);
    const { t } = view;
    return sendPage(reply, messagePage(view, t.t('access.sentTitle'), [t.t('access.sent'), t.plural('access.validity', LINK_MINUTES)], [{ href: '/portal', label: t.t('thanks.home') }]));
  });

  app.get('/link/:token', async (request, reply) => {
    const view = await portalView(context, request, reply, '/portal/access');
    const token = PortalTokenSchema.safeParse((request.params as { token: string }).token);
    if (!token.success || !(await accessLinkUsable(context, token.data))) return sendPage(reply, invalidLink(view), 410);
    return sendPage(reply, linkLandingPage(view, token.data));
  });

  app.post('/link', async (request, reply) => {
    const view = await portalView(context, request, reply, '/portal/access');
    const form = LinkFormSchema.safeParse(request.body);
    const email = form.success ? await redeemAccessLink(context, form.data.token) : null;
    if (!email) return sendPage(reply, invalidLink(view), 410);
    await startPortalSession(context, reply, email);
    return reply.redirect('/portal/requests', 303);
  });

  app.post('/sign-out', async (request, reply) => {
    await endPortalSession(context, request, reply);
    return reply.redirect('/portal', 303);
  });

  app.get('/requests', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply.redirect('/portal/access', 303);
    const tickets = await db.selectFrom('tickets').select(['id', 'number', 'subject', 'status', 'created_at', 'solved_at']).where('requester_email', '=', session.email).execute();
    const latest = tickets.length
      ? await db
          .selectFrom('messages')
          .select(['ticket_id', (eb) => eb.fn.max('created_at').as('at')])
          .where('is_public', '=', 1)
          .where(
            'ticket_id',
            'in',
            tickets.map((ticket) => ticket.id),
          )
          .groupBy('ticket_id')
          .execute()
      : [];
    const lastPublic = new Map(latest.map((row) => [row.ticket_id, String(row.at)]));
    const requests: RequestSummary[] = tickets
      .map((ticket) => ({
        number: ticket.number,
        subject: ticket.subject,
        status: ticket.status as RequestSummary['status'],
        createdAt: ticket.created_at,
        lastUpdate: [lastPublic.get(ticket.id) ?? ticket.created_at, ticket.solved_at ?? ''].sort().at(-1)!,
      }))
      .sort((a, b) => b.lastUpdate.localeCompare(a.lastUpdate) || b.number - a.number);
    return sendPage(reply, requestListPage(session.view, session.email, requests));
  });

  const showRequest = async (view: PortalView, email: string, number: number, reply: { value?: string | undefined; errors: FieldErrors }) => {
    const ticket = await ownTicket(email, number);
    if (!ticket) return null;
    const messages = await db.selectFrom('messages').selectAll().where('ticket_id', '=', ticket.id).where('is_public', '=', 1).orderBy('created_at').execute();
    const answered = await db.selectFrom('csat_answers').select('ticket_id').where('ticket_id', '=', ticket.id).executeTakeFirst();
    const thread = messages.map(messageFromRow);
    return requestPage(
      view,
      {
        number: ticket.number,
        subject: ticket.subject,
        status: ticket.status as RequestSummary['status'],
        createdAt: ticket.created_at,
        messages: thread,
        // A ticket closed after it was solved can still be rated, as its survey link in the mail can.
        surveyUrl: (ticket.status === 'solved' || ticket.status === 'closed') && !answered ? `/portal/survey/${ticket.id}?token=${context.links.surveyToken(ticket.id)}` : null,
      },
      reply,
    );
  };

  app.get('/requests/:number', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply.redirect('/portal/access', 303);
    const params = RequestParamsSchema.safeParse(request.params);
    const page = params.success ? await showRequest(session.view, session.email, params.data.number, { errors: {} }) : null;
    return page ? sendPage(reply, page) : sendPage(reply, notFound(session.view), 404);
  });

  app.get('/requests/:number/files/:fileId', async (request, reply) => {
    const session = await signedIn(request, reply);
    const params = RequestFileParamsSchema.safeParse(request.params);
    const ticket = session && params.success ? await ownTicket(session.email, params.data.number) : undefined;
    // Only files of messages the customer can see: an agent's internal note may carry files too.
    const file =
      ticket && params.success
        ? await db
            .selectFrom('attachments')
            .innerJoin('messages', 'messages.id', 'attachments.message_id')
            .select(['attachments.data', 'attachments.content_type', 'attachments.filename'])
            .where('attachments.id', '=', params.data.fileId)
            .where('attachments.ticket_id', '=', ticket.id)
            .where('messages.is_public', '=', 1)
            .executeTakeFirst()
        : undefined;
    if (!file) return sendPage(reply, notFound(session?.view ?? (await portalView(context, request, reply))), 404);
    return download(reply, file.data, file.content_type, file.filename);
  });

  app.post('/requests/:number/reply', async (request, reply) => {
    const params = RequestParamsSchema.safeParse(request.params);
    const session = await signedIn(request, reply, params.success ? `/portal/requests/${params.data.number}` : '/portal/requests');
    if (!session) return reply.redirect('/portal/access', 303);
    const ticket = params.success ? await ownTicket(session.email, params.data.number) : undefined;
    if (!ticket) return sendPage(reply, notFound(session.view), 404);
    const { t } = session.view;
    const upload = await readUpload(request);
    const parsed = ReplyFormSchema.safeParse(upload.fields);
    const refuse = async (errors: FieldErrors, status: number) => sendPage(reply, (await showRequest(session.view, session.email, ticket.number, { value: upload.fields.message, errors }))!, status);
    if (!parsed.success || upload.problem) {
      const errors = parsed.success ? {} : fieldErrors(t, parsed.error, { message: 'errors.message' });
      if (upload.problem) errors.attachments = uploadError(t, upload.problem);
      return refuse(errors, upload.problem ? uploadStatus(upload.problem) : 400);
    }
    try {
      const outcome = await db.transaction().execute(async (trx) =>
        receiveCustomerMessage(context, trx, {
          channel: 'web',
          from: { email: session.email, name: (await findRequester(trx, session.email))?.name ?? ticket.requester_name },
          subject: ticket.subject,
          body: parsed.data.message,
          attachments: upload.files,
          // A closed request is history: the reply opens a follow-up, which is acknowledged like any new request.
          ticketId: ticket.id,
          acknowledge: true,
        }),
      );
      context.feed.committed();
      return reply.redirect(`/portal/requests/${outcome.ticket.number}`, 303);
    } catch (error) {
      if (error instanceof IntakeRefusal) return refuse({ attachments: error.message }, 413);
      throw error;
    }
  });
}
