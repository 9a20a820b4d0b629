import { z } from 'zod';
import { ChannelSchema, CustomerTierSchema, PrioritySchema } from '../domain/ticket.js';
import { dayOfLocalDate, LocalDateSchema, TimeZoneSchema } from '../sla/calendar-spec.js';

export const analyticsGroupings = ['none', 'queue', 'channel', 'customerTier', 'priority', 'agent'] as const;
export const AnalyticsGroupingSchema = z.enum(analyticsGroupings);
export type AnalyticsGrouping = z.infer<typeof AnalyticsGroupingSchema>;

export const analyticsGranularities = ['day', 'week'] as const;
export const AnalyticsGranularitySchema = z.enum(analyticsGranularities);
export type AnalyticsGranularity = z.infer<typeof AnalyticsGranularitySchema>;

/** A year and a day: a leap year's worth of days, by day, is the longest report anyone reads. */
export const MAX_ANALYTICS_DAYS = 366;

const Ids = z.array(z.string().min(1).max(200)).max(100);

const fields = {
  /** First local day of the report, in `timeZone`. */
  from: LocalDateSchema,
  /** Last local day of the report, included. */
  to: LocalDateSchema,
  /** Where the days begin and end (DST-correct); the supervisor's own zone as a rule. */
  timeZone: TimeZoneSchema.default('UTC'),
  /** Weeks run Monday to Sunday (ISO); the first and last are cut at `from` and `to`. */
  granularity: AnalyticsGranularitySchema.default('day'),
  groupBy: AnalyticsGroupingSchema.default('none'),
  /** Each filter keeps tickets with any of its values; absent or empty keeps all. */
  queueIds: Ids.optional(),
  channels: z.array(ChannelSchema).max(20).optional(),
  customerTiers: z.array(CustomerTierSchema).max(20).optional(),
  priorities: z.array(PrioritySchema).max(20).optional(),
  /** Agents' user ids (the ticket's assignee; the credited agent for CSAT). */
  agentIds: Ids.optional(),
};

function checkRange(query: { from: string; to: string }, context: z.RefinementCtx): void {
  const days = dayOfLocalDate(query.to) - dayOfLocalDate(query.from) + 1;
  if (days < 1) context.addIssue({ code: 'custom', path: ['to'], message: `${query.to} is before from ${query.from}` });
  else if (days > MAX_ANALYTICS_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_ANALYTICS_DAYS} days from ${query.from} (asked for ${days})` });
}

/** What a supervisor asks: a range of local days, cut into days or weeks, optionally split by one dimension. */
export const AnalyticsQuerySchema = z.object(fields).strict().superRefine(checkRange);
export type AnalyticsQuery = z.output<typeof AnalyticsQuerySchema>;
export type AnalyticsQueryInput = z.input<typeof AnalyticsQuerySchema>;

const listParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value), schema);

/**
 * The same query as a URL's query string (`GET /api/v1/analytics?from=…&to=…&queueIds=a,b`): lists are
 * comma-separated or repeated. Unknown parameters are refused, so a typo never silently widens a report.
 */
export const AnalyticsQueryStringSchema = z
  .object({
    ...fields,
    queueIds: listParam(fields.queueIds),
    channels: listParam(fields.channels),
    customerTiers: listParam(fields.customerTiers),
    priorities: listParam(fields.priorities),
    agentIds: listParam(fields.agentIds),
  })
  .strict()
  .superRefine(checkRange);

/** The query string the REST endpoints read, for a query: what the desktop core sends. */
export function analyticsSearchParams(query: AnalyticsQueryInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  return params;
}
