import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { AnalyticsQueryStringSchema, type AnalyticsQuery } from '../../shared/analytics/query.js';
import { AnalyticsReportSchema } from '../../shared/analytics/report.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { download } from '../tickets/message-routes.js';
import { analyticsCsv } from './csv.js';
import { AnalyticsFacts } from './fact-store.js';
import { analyticsReport } from './report.js';

/** After a commit, wait this long for more before working out the tickets it touched: bursts come in one go. */
const REFRESH_DELAY_MS = 2_000;
/** Dirty tickets a report waits for (a second or so of work); beyond that it does not keep a supervisor waiting. */
const WAIT_FOR_AT_MOST = 5_000;

/**
 * Analytics for supervisors and admins (docs/metrics.md). Facts are brought up to date in the
 * background after commits and again before each report, so a report sees every committed change.
 */
export function analyticsRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock } = context;
  const facts = new AnalyticsFacts(db, context.sla, () => clock.now());
  const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
  let running: Promise<unknown> | null = null;
  const refresh = (): Promise<unknown> => {
    running ??= facts.refresh(yieldToRequests).finally(() => {
      running = null;
    });
    return running;
  };
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const later = () => {
    if (timer !== null || closed) return;
    timer = setTimeout(() => {
      timer = null;
      refresh().catch(() => {});
    }, REFRESH_DELAY_MS);
    timer.unref();
  };

  const report = async (request: FastifyRequest, query: AnalyticsQuery) => {
    const user = await requireUser(db, clock, request);
    if (user.role === 'agent') throw new HttpError(403, 'forbidden', 'Only supervisors and admins see analytics');
    // A refresh already under way may have started before the latest commit: go round again after it.
    // Thousands of dirty tickets (a new SLA policy) are the background's to work through: the report
    // answers from the facts as they are and says how many are still to come.
    if ((await facts.pending()) <= WAIT_FOR_AT_MOST) {
      await refresh();
      await refresh();
    } else void refresh().catch(() => {});
    return { ...(await analyticsReport(db, query, clock.now())), factsPending: await facts.pending() };
  };

  return async (app) => {
    const unsubscribe = context.feed.subscribe(later);
    later();
    app.addHook('onClose', async () => {
      closed = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      await running?.catch(() => {});
    });

    const schema = {
      tags: ['analytics'],
      security: [{ bearer: [] }],
      querystring: AnalyticsQueryStringSchema,
    };
    app.get(
      '/api/v1/analytics',
      {
        schema: {
          ...schema,
          summary: 'Metrics by day or week over a range of local days, optionally split by queue, channel, customer tier, priority or agent',
          response: { 200: AnalyticsReportSchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request) => report(request, request.query),
    );
    app.get(
      '/api/v1/analytics.csv',
      {
        schema: {
          ...schema,
          summary: 'The same report as CSV: a header row, a row per period and group, then a total row per group (RFC 4180)',
          produces: ['text/csv'],
          response: { 200: z.string().describe('text/csv'), 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema },
        },
      },
      async (request, reply) => {
        const query = request.query;
        const csv = analyticsCsv(await report(request, query));
        const name = `shiftdesk-analytics-${query.from}-${query.to}-${query.granularity}${query.groupBy === 'none' ? '' : `-${query.groupBy}`}.csv`;
        return download(reply, Buffer.from(csv, 'utf8'), 'text/csv; charset=utf-8', name);
      },
    );
  };
}
