import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { DeflectionEventBodySchema, DeflectionQuerySchema, DeflectionReportSchema } from '../../shared/portal/deflection.js';
import { SuggestionQuerySchema, SuggestionReplySchema } from '../../shared/portal/knowledge.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { searchPublicArticles } from '../knowledge/article-search.js';
import { deflectionReport, recordDeflection } from './deflection.js';

const SUGGESTIONS = 5;
/** Below this share of the subject's words matched, an article is more noise than help. */
const MIN_COVERAGE = 0.3;
/** An article scoring far below the best one matched a stray word ("keep", "password" in passing), not the question. */
const MIN_SHARE_OF_BEST = 0.35;
const DEFAULT_REPORT_DAYS = 30;

/** What the portal's pages call from their script, and the deflection report for supervisors. */
export function portalApiRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock } = context;
  return async (app) => {
    app.get(
      '/api/v1/portal/suggestions',
      { schema: { tags: ['portal'], summary: 'Public articles that may answer a subject the customer is typing', querystring: SuggestionQuerySchema, response: { 200: SuggestionReplySchema, 400: ErrorReplySchema } } },
      async (request) => {
        const hits = await searchPublicArticles(db, request.query.q, request.query.lang, SUGGESTIONS);
        const best = hits[0]?.score ?? 0;
        return { items: hits.filter((hit) => hit.coverage >= MIN_COVERAGE && hit.score >= best * MIN_SHARE_OF_BEST).map((hit) => ({ id: hit.id, title: hit.title, excerpt: hit.excerpt, url: `/portal/kb/${encodeURIComponent(hit.id)}` })) };
      },
    );

    app.post(
      '/api/v1/portal/events',
      {
        schema: {
          tags: ['portal'],
          summary: 'Record what happened in a request-form visit (suggestions shown or opened, form left unsent); repeats count once',
          body: DeflectionEventBodySchema,
          response: { 204: z.null(), 400: ErrorReplySchema },
        },
      },
      async (request, reply) => {
        const event = request.body;
        if (event.articleId !== undefined && !(await db.selectFrom('articles').select('id').where('id', '=', event.articleId).where('is_public', '=', 1).executeTakeFirst())) {
          throw new HttpError(400, 'invalid_request', `body.articleId: no public article "${event.articleId}"`);
        }
        await recordDeflection(db, clock, { kind: event.kind, visit: event.visit, locale: event.lang, ...(event.articleId !== undefined ? { articleId: event.articleId } : {}) });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/admin/portal/deflection',
      {
        schema: {
          tags: ['portal'],
          summary: 'Deflection over a period (default: the last 30 days): form visits, suggestions shown and opened, forms sent and left, and the share deflected',
          security: [{ bearer: [] }],
          querystring: DeflectionQuerySchema,
          response: { 200: DeflectionReportSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        if (user.role === 'agent') throw new HttpError(403, 'forbidden', 'Only supervisors and admins see portal deflection');
        const to = request.query.to ?? new Date(clock.now()).toISOString();
        const from = request.query.from ?? new Date(Date.parse(to) - DEFAULT_REPORT_DAYS * 86_400_000).toISOString();
        if (Date.parse(from) >= Date.parse(to)) throw new HttpError(400, 'invalid_request', 'querystring.from: must be before to');
        return deflectionReport(db, new Date(from).toISOString(), new Date(to).toISOString());
      },
    );
  };
}
