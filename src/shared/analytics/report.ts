import { z } from 'zod';
import { IsoDateTimeSchema } from '../domain/ticket.js';
import { LocalDateSchema } from '../sla/calendar-spec.js';
import { AnalyticsQuerySchema } from './query.js';

/** Minutes, fractional; null when nothing was measured. */
const Minutes = z.number().nonnegative().nullable();
const Rate = z.number().min(0).max(1).nullable();
const Count = z.number().int().nonnegative();

/**
 * One duration metric (docs/metrics.md): the median and 90th percentile of the measurements that
 * ended in the bucket, in business minutes (the SLA calendar of the ticket's matched rule, pauses
 * excluded) and in calendar minutes (wall-clock time). `businessCount` is smaller than `count` by the
 * measurements of tickets no SLA rule matched.
 */
export const DurationStatsSchema = z.object({
  count: Count,
  businessCount: Count,
  business: z.object({ median: Minutes, p90: Minutes }),
  calendar: z.object({ median: Minutes, p90: Minutes }),
});
export type DurationStats = z.infer<typeof DurationStatsSchema>;

/** Clocks of one SLA target that were met or breached in the bucket; `rate` = met / (met + breached). */
export const SlaTargetStatsSchema = z.object({ met: Count, breached: Count, rate: Rate });
export type SlaTargetStats = z.infer<typeof SlaTargetStatsSchema>;

export const slaTargets = ['firstResponse', 'nextReply', 'resolution'] as const;
export type SlaTarget = (typeof slaTargets)[number];

export const analyticsTiers = [1, 2, 3] as const;

/** Of the tickets created in the bucket that sat in a queue of this tier, those escalated out of it. */
export const TierEscalationSchema = z.object({ tier: z.union([z.literal(1), z.literal(2), z.literal(3)]), tickets: Count, escalated: Count, rate: Rate });

/** Satisfaction answers given in the bucket, on the 1–5 scale (good counts 5, bad 1); satisfied = 4 or 5. */
export const CsatStatsSchema = z.object({
  answers: Count,
  average: z.number().min(1).max(5).nullable(),
  satisfied: Count,
  satisfiedRate: Rate,
});

export const AnalyticsMetricsSchema = z.object({
  /** Tickets created in the bucket. */
  created: Count,
  /** Tickets solved for the first time in the bucket. */
  solved: Count,
  firstResponse: DurationStatsSchema,
  nextReply: DurationStatsSchema,
  resolution: DurationStatsSchema,
  /** Of the tickets first solved in the bucket: solved with one public agent reply and never reopened. */
  firstContactResolution: z.object({ solved: Count, resolved: Count, rate: Rate }),
  sla: z.object({ firstResponse: SlaTargetStatsSchema, nextReply: SlaTargetStatsSchema, resolution: SlaTargetStatsSchema }),
  /** Tickets not solved or closed at the end of the bucket (for the whole range: at its end). */
  backlog: Count,
  /** Of the tickets first solved in the bucket: reopened since. */
  reopen: z.object({ solved: Count, reopened: Count, rate: Rate }),
  escalation: z.array(TierEscalationSchema),
  csat: CsatStatsSchema,
});
export type AnalyticsMetrics = z.infer<typeof AnalyticsMetricsSchema>;

/** A day, or a week cut to the range; `start` inclusive, `end` exclusive, as instants in the query's zone. */
export const AnalyticsPeriodSchema = z.object({ key: LocalDateSchema, firstDay: LocalDateSchema, lastDay: LocalDateSchema, start: IsoDateTimeSchema, end: IsoDateTimeSchema });
export type AnalyticsPeriod = z.infer<typeof AnalyticsPeriodSchema>;

/**
 * One value of the grouping: a queue or agent id, a channel, tier or priority code, 'all' when the
 * report is not grouped. `key` null: tickets without a value (unassigned, for agents). `name` is the
 * queue's or agent's name as it is now; null for codes, which the console translates.
 */
export const AnalyticsGroupSchema = z.object({ key: z.string().nullable(), name: z.string().nullable() });
export type AnalyticsGroup = z.infer<typeof AnalyticsGroupSchema>;

/** One period × group cell; `group` is the group's key. Cells with nothing in them are left out. */
export const AnalyticsBucketSchema = z.object({ period: LocalDateSchema, group: z.string().nullable(), metrics: AnalyticsMetricsSchema });
export type AnalyticsBucket = z.infer<typeof AnalyticsBucketSchema>;

export const CsatCommentSchema = z.object({
  ticketId: z.uuid(),
  ticketNumber: z.number().int().positive(),
  score: z.number().int().min(1).max(5),
  comment: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  at: IsoDateTimeSchema,
  group: z.string().nullable(),
});
export type CsatComment = z.infer<typeof CsatCommentSchema>;

/** At most this many comments come back, newest first; `csatCommentsTotal` says how many there were. */
export const MAX_CSAT_COMMENTS = 200;

export const AnalyticsReportSchema = z.object({
  query: AnalyticsQuerySchema,
  /** Facts as of this instant: open clocks past their due time count as breached from then on. */
  generatedAt: IsoDateTimeSchema,
  periods: z.array(AnalyticsPeriodSchema),
  groups: z.array(AnalyticsGroupSchema),
  buckets: z.array(AnalyticsBucketSchema),
  /** Each group over the whole range (percentiles over all its measurements, not an average of cells). */
  totals: z.array(z.object({ group: z.string().nullable(), metrics: AnalyticsMetricsSchema })),
  csatComments: z.array(CsatCommentSchema),
  csatCommentsTotal: Count,
  /**
   * Tickets whose facts were still being worked out when the report was made: 0, except for a while
   * after a new SLA policy or the first start on a large existing desk (docs/metrics.md).
   */
  factsPending: Count.optional(),
});
export type AnalyticsReport = z.infer<typeof AnalyticsReportSchema>;
