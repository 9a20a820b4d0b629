import type { AnalyticsMetrics, AnalyticsReport, DurationStats } from '../../shared/analytics/report.js';

type Cell = string | number | null;

const durationColumns = (name: string, stats: (m: AnalyticsMetrics) => DurationStats): [string, (m: AnalyticsMetrics) => Cell][] => [
  [`${name}_count`, (m) => stats(m).count],
  [`${name}_business_count`, (m) => stats(m).businessCount],
  [`${name}_business_median_min`, (m) => minutes(stats(m).business.median)],
  [`${name}_business_p90_min`, (m) => minutes(stats(m).business.p90)],
  [`${name}_calendar_median_min`, (m) => minutes(stats(m).calendar.median)],
  [`${name}_calendar_p90_min`, (m) => minutes(stats(m).calendar.p90)],
];

const metricColumns: [string, (m: AnalyticsMetrics) => Cell][] = [
  ['created', (m) => m.created],
  ['solved', (m) => m.solved],
  ...durationColumns('first_response', (m) => m.firstResponse),
  ...durationColumns('next_reply', (m) => m.nextReply),
  ...durationColumns('resolution', (m) => m.resolution),
  ['fcr_resolved', (m) => m.firstContactResolution.resolved],
  ['fcr_rate', (m) => ratio(m.firstContactResolution.rate)],
  ...(['firstResponse', 'nextReply', 'resolution'] as const).flatMap((target): [string, (m: AnalyticsMetrics) => Cell][] => {
    const name = `sla_${target.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
    return [
      [`${name}_met`, (m) => m.sla[target].met],
      [`${name}_breached`, (m) => m.sla[target].breached],
      [`${name}_rate`, (m) => ratio(m.sla[target].rate)],
    ];
  }),
  ['backlog', (m) => m.backlog],
  ['reopened', (m) => m.reopen.reopened],
  ['reopen_rate', (m) => ratio(m.reopen.rate)],
  ...([1, 2, 3] as const).flatMap((tier): [string, (m: AnalyticsMetrics) => Cell][] => [
    [`escalation_tier${tier}_tickets`, (m) => m.escalation[tier - 1]!.tickets],
    [`escalation_tier${tier}_escalated`, (m) => m.escalation[tier - 1]!.escalated],
    [`escalation_tier${tier}_rate`, (m) => ratio(m.escalation[tier - 1]!.rate)],
  ]),
  ['csat_answers', (m) => m.csat.answers],
  ['csat_average', (m) => ratio(m.csat.average)],
  ['csat_satisfied', (m) => m.csat.satisfied],
  ['csat_satisfied_rate', (m) => ratio(m.csat.satisfiedRate)],
];

function minutes(value: number | null): Cell {
  return value === null ? null : Math.round(value * 100) / 100;
}

function ratio(value: number | null): Cell {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A text field a
 * spreadsheet would take for a formula (=, +, -, @ first) gets a leading apostrophe, as OWASP advises,
 * because queue and agent names are typed by people.
 */
export function csvField(value: Cell, text = false): string {
  if (value === null) return '';
  let field = String(value);
  if (text && /^[=+\-@\t\r]/.test(field)) field = `'${field}`;
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * The report as one table: a row per period × group, then a row per group over the whole range
 * (`scope` total). Minutes to two decimals, rates as fractions to four; empty means not measured.
 */
export function analyticsCsv(report: AnalyticsReport): string {
  const names = new Map(report.groups.map((group) => [group.key, group.name]));
  const periods = new Map(report.periods.map((period) => [period.key, period]));
  const header = ['scope', 'period', 'first_day', 'last_day', 'group', 'group_name', ...metricColumns.map(([name]) => name)];
  const line = (scope: string, period: string | null, firstDay: string, lastDay: string, group: string | null, metrics: AnalyticsMetrics) =>
    [csvField(scope), csvField(period), csvField(firstDay), csvField(lastDay), csvField(group, true), csvField(names.get(group) ?? null, true), ...metricColumns.map(([, read]) => csvField(read(metrics)))].join(',');
  const rows = [
    header.join(','),
    ...report.buckets.map((bucket) => {
      const period = periods.get(bucket.period)!;
      return line('period', bucket.period, period.firstDay, period.lastDay, bucket.group, bucket.metrics);
    }),
    ...report.totals.map((total) => line('total', null, report.query.from, report.query.to, total.group, total.metrics)),
  ];
  return `${rows.join('\r\n')}\r\n`;
}
