import type { AnalyticsMetrics, DurationStats } from '../../../../shared/analytics/report.js';

export type MetricFormat = 'minutes' | 'rate' | 'count' | 'score';

/** One figure of a report, named by its i18n key (analytics:metrics.<id>) and read from a cell's metrics. */
export interface MetricDefinition {
  id: string;
  format: MetricFormat;
  value(metrics: AnalyticsMetrics): number | null;
}

const durations = ['firstResponse', 'nextReply', 'resolution'] as const;
type Duration = (typeof durations)[number];

const duration = (name: Duration, clock: 'business' | 'calendar', stat: 'median' | 'p90'): MetricDefinition => ({
  id: `${name}.${clock}.${stat}`,
  format: 'minutes',
  value: (m) => (m[name] as DurationStats)[clock][stat],
});

/** Every metric of docs/metrics.md, in the order the totals table lists them. */
export const allMetrics: readonly MetricDefinition[] = [
  { id: 'created', format: 'count', value: (m) => m.created },
  { id: 'solved', format: 'count', value: (m) => m.solved },
  ...durations.flatMap((name) => (['business', 'calendar'] as const).flatMap((clock) => (['median', 'p90'] as const).map((stat) => duration(name, clock, stat)))),
  { id: 'fcr', format: 'rate', value: (m) => m.firstContactResolution.rate },
  { id: 'sla.firstResponse', format: 'rate', value: (m) => m.sla.firstResponse.rate },
  { id: 'sla.nextReply', format: 'rate', value: (m) => m.sla.nextReply.rate },
  { id: 'sla.resolution', format: 'rate', value: (m) => m.sla.resolution.rate },
  { id: 'backlog', format: 'count', value: (m) => m.backlog },
  { id: 'reopen', format: 'rate', value: (m) => m.reopen.rate },
  ...([1, 2, 3] as const).map((tier) => ({ id: `escalation.tier${tier}`, format: 'rate' as const, value: (m: AnalyticsMetrics) => m.escalation.find((e) => e.tier === tier)?.rate ?? null })),
  { id: 'csat.answers', format: 'count', value: (m) => m.csat.answers },
  { id: 'csat.average', format: 'score', value: (m) => m.csat.average },
  { id: 'csat.satisfied', format: 'rate', value: (m) => m.csat.satisfiedRate },
];

const byId = new Map(allMetrics.map((metric) => [metric.id, metric]));
export const metric = (id: string): MetricDefinition => byId.get(id)!;

/** The figures drawn over time; the durations follow the chosen clock (business or calendar). */
export function chartedMetrics(clock: 'business' | 'calendar'): MetricDefinition[] {
  return [
    metric(`firstResponse.${clock}.median`),
    metric(`nextReply.${clock}.median`),
    metric(`resolution.${clock}.median`),
    metric(`resolution.${clock}.p90`),
    metric('sla.firstResponse'),
    metric('fcr'),
    metric('backlog'),
    metric('reopen'),
    metric('csat.satisfied'),
  ];
}
