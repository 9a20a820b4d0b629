import { dayOfLocalDate, localDateOfDay } from '../sla/calendar-spec.js';
import { DAY_MS, instantOfLocal } from '../sla/zoned-time.js';
import type { AnalyticsQuery } from './query.js';
import type { AnalyticsPeriod } from './report.js';

/** Day 0 (1970-01-01) was a Thursday: days since the last Monday. */
const sinceMonday = (day: number) => (day + 3) % 7;

/**
 * The report's periods: local days, or ISO weeks cut to the range, each from local midnight to local
 * midnight in the query's zone, so a DST day lasts 23 or 25 hours and still holds that day's tickets.
 */
export function analyticsPeriods(query: Pick<AnalyticsQuery, 'from' | 'to' | 'timeZone' | 'granularity'>): AnalyticsPeriod[] {
  const first = dayOfLocalDate(query.from);
  const last = dayOfLocalDate(query.to);
  const midnight = (day: number) => new Date(instantOfLocal(query.timeZone, day * DAY_MS)).toISOString();
  const periods: AnalyticsPeriod[] = [];
  for (let day = first; day <= last; ) {
    const key = query.granularity === 'week' ? day - sinceMonday(day) : day;
    const end = Math.min(query.granularity === 'week' ? key + 7 : day + 1, last + 1);
    periods.push({ key: localDateOfDay(key), firstDay: localDateOfDay(day), lastDay: localDateOfDay(end - 1), start: midnight(day), end: midnight(end) });
    day = end;
  }
  return periods;
}
