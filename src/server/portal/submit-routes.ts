import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { RequestFormSchema } from '../../shared/portal/forms.js';
import type { ServerContext } from '../context.js';
import { IntakeRefusal } from '../intake/attachments.js';
import { receiveCustomerMessage } from '../intake/customer-intake.js';
import { findRequester } from '../intake/customers/requesters.js';
import { recordDeflection } from './deflection.js';
import { readUpload, uploadError, uploadStatus } from './form-data.js';
import { portalView, sendPage, type PortalView } from './layout.js';
import { fieldErrors, type FieldErrors } from './pages/fields.js';
import { homePage, thanksPage, type RequestFormState } from './pages/home.js';

const HOME_ARTICLES = 6;

/** The front page with its request form, and what sending the form does. */
export function submitRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  const render = async (view: PortalView, form: RequestFormState) => {
    let articles = await db.selectFrom('articles').select(['id', 'title', 'locale']).where('is_public', '=', 1).where('locale', '=', view.t.locale).orderBy('title').limit(HOME_ARTICLES).execute();
    if (articles.length === 0) articles = await db.selectFrom('articles').select(['id', 'title', 'locale']).where('is_public', '=', 1).where('locale', '=', 'en').orderBy('title').limit(HOME_ARTICLES).execute();
    return homePage(view, form, articles);
  };

  app.get('/', async (request, reply) => {
    const view = await portalView(context, request, reply);
    const requester = view.email ? await findRequester(db, view.email) : null;
    const values = requester ? { name: requester.name, email: requester.email } : {};
    return sendPage(reply, await render(view, { visit: randomUUID(), values, errors: {} }));
  });

  app.post('/requests', async (request, reply) => {
    const view = await portalView(context, request, reply, '/portal');
    const { t } = view;
    const upload = await readUpload(request);
    const parsed = RequestFormSchema.safeParse(upload.fields);
    const refuse = async (errors: FieldErrors, status: number) => {
      const visit = RequestFormSchema.shape.visit.parse(upload.fields.visit) ?? randomUUID();
      return sendPage(reply, await render(view, { visit, values: upload.fields, errors }), status);
    };
    if (!parsed.success || upload.problem) {
      const errors = parsed.success ? {} : fieldErrors(t, parsed.error, { name: 'errors.name', email: 'errors.email', language: 'errors.language', subject: 'errors.subject', description: 'errors.description' });
      if (upload.problem) errors.attachments = uploadError(t, upload.problem);
      return refuse(errors, upload.problem ? uploadStatus(upload.problem) : 400);
    }
    const form = parsed.data;
    try {
      const outcome = await db.transaction().execute(async (trx) => {
        const received = await receiveCustomerMessage(context, trx, {
          channel: 'web',
          from: { email: form.email, name: form.name, locale: form.language },
          subject: form.subject,
          body: form.description,
          attachments: upload.files,
          acknowledge: true,
        });
        if (form.visit) await recordDeflection(trx, context.clock, { kind: 'form_submitted', visit: form.visit, locale: form.language });
        return received;
      });
      context.feed.committed();
      return sendPage(reply, thanksPage(view, { number: outcome.ticket.number, email: form.email, acknowledgement: outcome.acknowledgement?.body ?? null }));
    } catch (error) {
      if (error instanceof IntakeRefusal) return refuse({ attachments: error.message }, 413);
      throw error;
    }
  });
}
