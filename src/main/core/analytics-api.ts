import { analyticsSearchParams } from '../../shared/analytics/query.js';
import { AnalyticsReportSchema } from '../../shared/analytics/report.js';
import type { analyticsMethods } from '../../shared/desk-api/analytics-methods.js';
import type { DeskApi } from '../../shared/desk-api/contract.js';
import type { ServerSession } from './channels/channel-api.js';
import { requestFile, requestJson } from './sync/server-api.js';

type AnalyticsMethod = keyof typeof analyticsMethods;

/**
 * Analytics are computed on the server over every ticket, which no console holds: one REST call each
 * with the signed-in user's token, so they fail with `unavailable` offline and `forbidden` for agents.
 */
export function analyticsApi(session: () => ServerSession): Pick<DeskApi, AnalyticsMethod> {
  return {
    'analytics.query': (query) => requestJson({ ...session(), path: `/api/v1/analytics?${analyticsSearchParams(query).toString()}`, reply: AnalyticsReportSchema }),
    'analytics.export': (query) => requestFile({ ...session(), path: `/api/v1/analytics.csv?${analyticsSearchParams(query).toString()}` }),
  };
}
