import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SurveyFormSchema, SurveyParamsSchema } from '../../shared/portal/forms.js';
import type { ServerContext } from '../context.js';
import { CsatScaleSchema } from '../../shared/csat/survey.js';
import { answerSurvey, csatSettings, surveyState, type SurveyOutcome } from './csat.js';
import { messagePage, portalView, sendPage, type PortalView } from './layout.js';
import { fieldErrors } from './pages/fields.js';
import { surveyPage } from './pages/survey.js';

/**
 * The satisfaction survey a solved ticket's mail links to. The link's token (an HMAC of the ticket
 * id) is the only key: a wrong one is refused before anything about the ticket is said.
 */
export function surveyRoutes(app: FastifyInstance, context: ServerContext): void {
  const outcomePage = (view: PortalView, outcome: SurveyOutcome) => {
    const { t } = view;
    const home = [{ href: '/portal', label: t.t('error.home') }];
    if (outcome === 'missing') return { status: 404, page: messagePage(view, t.t('error.notFoundTitle'), [t.t('error.notFound')], home) };
    if (outcome === 'recorded') return { status: 200, page: messagePage(view, t.t('survey.thanksTitle'), [t.t('survey.thanks')], home) };
    if (outcome === 'answered') return { status: 409, page: messagePage(view, t.t('survey.alreadyTitle'), [t.t('survey.already')], home) };
    return { status: 409, page: messagePage(view, t.t('survey.notSolvedTitle'), [t.t('survey.notSolved')], home) };
  };

  /** The view and the ticket id when the link is genuine; otherwise the refusal is already sent. */
  const checked = async (request: FastifyRequest, reply: FastifyReply, token: unknown) => {
    // A page answering the form's POST switches language on the survey's own link, token included.
    const path = request.method === 'POST' && typeof token === 'string' ? `${request.url}?token=${encodeURIComponent(token)}` : request.url;
    const view = await portalView(context, request, reply, path);
    const { t } = view;
    const params = SurveyParamsSchema.safeParse(request.params);
    if (!params.success) {
      await sendPage(reply, messagePage(view, t.t('error.notFoundTitle'), [t.t('error.notFound')]), 404);
      return null;
    }
    if (typeof token !== 'string' || !context.links.verifySurveyToken(params.data.ticketId, token)) {
      await sendPage(reply, messagePage(view, t.t('survey.invalidTitle'), [t.t('survey.invalid')]), 403);
      return null;
    }
    return { view, ticketId: params.data.ticketId, token };
  };

  app.get('/survey/:ticketId', async (request, reply) => {
    const survey = await checked(request, reply, (request.query as Record<string, unknown>).token);
    if (!survey) return reply;
    const { view } = survey;
    const { state, number, subject } = await surveyState(context, survey.ticketId);
    if (state !== 'open') {
      const { status, page } = outcomePage(view, state);
      // Looking again at an answered survey is no error: the page just says so.
      return sendPage(reply, page, state === 'answered' ? 200 : status);
    }
    const { scale } = await csatSettings(context.db);
    return sendPage(reply, surveyPage(view, { ...survey, number, subject, scale }, { errors: {} }));
  });

  app.post('/survey/:ticketId', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const survey = await checked(request, reply, body.token);
    if (!survey) return reply;
    const { view } = survey;
    const form = SurveyFormSchema.safeParse(body);
    if (!form.success) {
      const { state, number, subject } = await surveyState(context, survey.ticketId);
      if (state !== 'open') {
        const { status, page } = outcomePage(view, state);
        return sendPage(reply, page, status);
      }
      // Shown again on the scale it was sent from, unless that is no scale at all.
      const sent = CsatScaleSchema.safeParse(body.scale);
      const scale = sent.success ? sent.data : (await csatSettings(context.db)).scale;
      const errors = fieldErrors(view.t, form.error, { score: scale === 'good_bad' ? 'errors.scoreGoodBad' : 'errors.score', comment: 'errors.comment' });
      const comment = typeof body.comment === 'string' ? body.comment : undefined;
      return sendPage(reply, surveyPage(view, { ...survey, number, subject, scale }, { comment, errors }), 400);
    }
    const { status, page } = outcomePage(view, await answerSurvey(context, survey.ticketId, form.data));
    return sendPage(reply, page, status);
  });
}
