import { AnalyticsQuerySchema } from '../analytics/query.js';
import { AnalyticsReportSchema } from '../analytics/report.js';
import { DownloadedFileSchema } from './file-methods.js';

/**
 * Analytics live on the server only (docs/metrics.md): the core proxies each to its REST endpoint with
 * the signed-in user's token, so they work online only, and for supervisors and admins (others get
 * `forbidden`).
 */
export const analyticsMethods = {
  'analytics.query': { input: AnalyticsQuerySchema, output: AnalyticsReportSchema },
  /** The same report as CSV (one row per period × group, a header row, RFC 4180 quoting), to save. */
  'analytics.export': { input: AnalyticsQuerySchema, output: DownloadedFileSchema },
} as const;
