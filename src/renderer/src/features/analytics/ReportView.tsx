import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsPeriod, AnalyticsReport } from '../../../../shared/analytics/report.js';
import { Disclosure } from '../../ui/Disclosure.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { useFigureFormat, useGroupName } from './format.js';
import { LineChart, Marker, type ChartSeries } from './LineChart.js';
import { allMetrics, chartedMetrics, type MetricDefinition } from './metrics.js';

export type Clock = 'business' | 'calendar';

/** A period's short name: the day, or "week of" its first day; local dates, so formatted in UTC. */
function usePeriodLabel(granularity: 'day' | 'week') {
  const { t, i18n } = useTranslation('analytics');
  const day = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  // A week cut at the start of the range is named by its first day in the range, not by a Monday outside it.
  return (period: AnalyticsPeriod) => {
    const date = day.format(new Date(`${period.firstDay}T00:00:00Z`));
    return granularity === 'week' ? t('charts.week', { date }) : date;
  };
}

/** The report: totals of every metric per group, each charted metric over time (chart and table), and the comments. */
export function ReportView({ report, clock }: { report: AnalyticsReport; clock: Clock }) {
  const { t } = useTranslation('analytics');
  const format = useFigureFormat();
  const groupName = useGroupName(report.query.groupBy);
  const totalsId = useId();
  const chartsId = useId();
  const groups = report.groups;
  const totals = new Map(report.totals.map((total) => [total.group, total.metrics]));
  const metricName = (m: MetricDefinition) => t(`metrics.${m.id}` as never);

  return (
    <>
      <section className="analytics__section" aria-labelledby={totalsId}>
        <h3 id={totalsId}>{t('totals.heading')}</h3>
        <div className="analytics__table-scroll" tabIndex={0} role="group" aria-labelledby={totalsId}>
          <table className="analytics__table" data-testid="analytics-totals">
            <thead>
              <tr>
                <th scope="col">{t('totals.metric')}</th>
                {groups.map((group) => (
                  <th scope="col" key={group.key ?? ''}>
                    {groupName(group)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {allMetrics.map((m) => (
                <tr key={m.id} data-metric={m.id}>
                  <th scope="row">{metricName(m)}</th>
                  {groups.map((group) => {
                    const metrics = totals.get(group.key);
                    return <td key={group.key ?? ''}>{format(metrics ? m.value(metrics) : null, m.format)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="analytics__section" aria-labelledby={chartsId}>
        <h3 id={chartsId}>{t('charts.heading')}</h3>
        <div className="analytics__charts">
          {chartedMetrics(clock).map((m) => (
            <ChartFigure key={m.id} report={report} metric={m} />
          ))}
        </div>
      </section>
      <CsatComments report={report} />
    </>
  );
}

function ChartFigure({ report, metric }: { report: AnalyticsReport; metric: MetricDefinition }) {
  const { t } = useTranslation('analytics');
  const format = useFigureFormat();
  const groupName = useGroupName(report.query.groupBy);
  const periodLabel = usePeriodLabel(report.query.granularity);
  const [tableOpen, setTableOpen] = useState(false);
  const captionId = useId();
  const title = t(`metrics.${metric.id}` as never);
  const cells = new Map(report.buckets.map((bucket) => [`${bucket.period}|${bucket.group ?? ''}`, bucket.metrics]));
  const periods = report.periods.map((period) => period.key);
  const labels = report.periods.map(periodLabel);
  const series: ChartSeries[] = report.groups.map((group) => ({
    key: group.key ?? '',
    name: groupName(group),
    values: periods.map((period) => {
      const metrics = cells.get(`${period}|${group.key ?? ''}`);
      return metrics ? metric.value(metrics) : null;
    }),
  }));
  const show = (value: number) => format(value, metric.format);
  const description = [
    t('charts.summary', { metric: title, granularity: t(`granularityWord.${report.query.granularity}`), first: labels[0] ?? '', last: labels.at(-1) ?? '' }),
    ...series.map((s) => {
      const known = s.values.map((value, i) => ({ value, i })).filter((p): p is { value: number; i: number } => p.value !== null);
      if (known.length === 0) return t('charts.seriesEmpty', { name: s.name });
      const max = known.reduce((a, b) => (b.value > a.value ? b : a));
      const min = known.reduce((a, b) => (b.value < a.value ? b : a));
      return t('charts.series', { name: s.name, max: show(max.value), maxAt: labels[max.i] ?? '', min: show(min.value), minAt: labels[min.i] ?? '', last: show(known.at(-1)!.value) });
    }),
  ].join(' ');

  return (
    <figure className="analytics-chart" aria-labelledby={captionId} data-testid="analytics-chart" data-metric={metric.id}>
      <figcaption id={captionId} className="analytics-chart__title">
        {title}
      </figcaption>
      <LineChart title={title} description={description} periodLabels={labels} series={series} formatValue={show} unit={metric.format === 'minutes' ? 'minutes' : 'plain'} />
      <ul className="analytics-chart__legend" aria-label={t('charts.legend')}>
        {series.slice(0, 8).map((s, index) => (
          <li key={s.key}>
            <svg className={`analytics-series analytics-series--${index}`} width="16" height="12" viewBox="0 0 16 12" aria-hidden="true">
              <Marker index={index} x={8} y={6} size={4} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
      <Disclosure className="analytics-chart__table" open={tableOpen} onToggle={() => setTableOpen(!tableOpen)} label={t('charts.table', { metric: title })} hint={t('charts.tableHint')} region={t('charts.table', { metric: title })}>
        <div className="analytics__table-scroll">
          <table className="analytics__table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.period')}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={periods[i]}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.key}>{format(s.values[i] ?? null, metric.format)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Disclosure>
    </figure>
  );
}

function CsatComments({ report }: { report: AnalyticsReport }) {
  const { t } = useTranslation('analytics');
  const formatDateTime = useDateTimeFormat();
  const groupName = useGroupName(report.query.groupBy);
  const headingId = useId();
  const names = new Map(report.groups.map((group) => [group.key, groupName(group)]));
  const comments = report.csatComments;
  const grouped = report.query.groupBy !== 'none';

  return (
    <section className="analytics__section" aria-labelledby={headingId} data-testid="analytics-comments">
      <h3 id={headingId}>
        {t('comments.heading')} · {t('comments.count', { count: report.csatCommentsTotal })}
      </h3>
      {comments.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <>
          {comments.length < report.csatCommentsTotal && <p className="muted">{t('comments.newest', { shown: comments.length })}</p>}
          <div className="analytics__table-scroll">
            <table className="analytics__table analytics__table--comments">
              <thead>
                <tr>
                  <th scope="col">{t('comments.ticket')}</th>
                  <th scope="col">{t('comments.score')}</th>
                  <th scope="col">{t('comments.comment')}</th>
                  <th scope="col">{t('comments.agent')}</th>
                  {grouped && <th scope="col">{t('comments.group')}</th>}
                  <th scope="col">{t('comments.when')}</th>
                </tr>
              </thead>
              <tbody>
                {comments.map((comment) => (
                  <tr key={comment.ticketId}>
                    <th scope="row">#{comment.ticketNumber}</th>
                    <td>{t('comments.scoreOf', { score: comment.score })}</td>
                    <td className="analytics__comment">{comment.comment}</td>
                    <td>{comment.agentName ?? t('groups.unassigned')}</td>
                    {grouped && <td>{names.get(comment.group) ?? t('groups.noValue')}</td>}
                    <td>{formatDateTime(comment.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
