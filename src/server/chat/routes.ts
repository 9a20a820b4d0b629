import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { ChatStatsQuerySchema, ChatStatsSchema } from '../../shared/chat/protocol.js';
import { CustomerLocaleSchema } from '../../shared/notifications/templates.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { chatStats } from './stats.js';
import { demoPage } from './widget/demo-page.js';
import { languageNames, widgetStrings } from './widget/strings.js';

const security = [{ bearer: [] }];
const DEFAULT_PERIOD_MS = 30 * 86_400_000;

/** The widget as sites load it: the plain script with its strings filled in, read once. */
function widgetScript(): string {
  const source = readFileSync(new URL('./widget/widget.js', import.meta.url), 'utf8');
  return source.replace('/* strings */ {}', JSON.stringify(widgetStrings)).replace('/* languages */ {}', JSON.stringify(languageNames));
}

/** The embeddable widget, a demo page that embeds it, and how the assistant fares for supervisors. */
export function chatRoutes({ db, clock }: ServerContext): FastifyPluginAsyncZod {
  const script = widgetScript();
  return async (app) => {
    app.get('/chat/widget.js', { schema: { hide: true } }, async (_request, reply) =>
      // Sites cache it a little: a new release reaches visitors within minutes.
      reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(script),
    );

    app.get('/chat/demo', { schema: { hide: true, querystring: z.object({ lang: CustomerLocaleSchema.catch('en').default('en') }) } }, async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(demoPage(request.query.lang)),
    );

    app.get(
      '/api/v1/admin/chat/stats',
      {
        schema: {
          tags: ['chat'],
          summary: 'Live chats started in a period (default: the last 30 days): resolved by the assistant, handed over by reason, abandoned',
          security,
          querystring: ChatStatsQuerySchema,
          response: { 200: ChatStatsSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        if (user.role === 'agent') throw new HttpError(403, 'forbidden', 'Only supervisors and admins see chat statistics');
        const now = clock.now();
        const to = request.query.to ? new Date(request.query.to) : new Date(now);
        const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - DEFAULT_PERIOD_MS);
        if (from >= to) throw new HttpError(400, 'invalid_request', 'query.from: must be before to');
        return chatStats(db, from.toISOString(), to.toISOString(), now);
      },
    );
  };
}
