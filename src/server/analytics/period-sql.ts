import { sql, type RawBuilder } from 'kysely';
import type { AnalyticsQuery } from '../../shared/analytics/query.js';
import { dayOfLocalDate } from '../../shared/sla/calendar-spec.js';
import { DAY_MS, offsetAt } from '../../shared/sla/zoned-time.js';

/** Day 0 (1970-01-01) was a Thursday: days since the last Monday. */
const sinceMonday = (day: number) => (((day + 3) % 7) + 7) % 7;

/**
 * The SQL for "which period of the report holds this instant", so SQLite can group by it: the local
 * day is (instant + the zone's offset then) / day, and the offset only changes at the zone's DST
 * transitions, of which a range has a handful; each is found to the millisecond here once.
 */
export function periodIndexSql(column: string, query: Pick<AnalyticsQuery, 'from' | 'to' | 'timeZone' | 'granularity'>, rangeStart: number, rangeEnd: number): RawBuilder<number> {
  const pieces: { from: number; offset: number }[] = [{ from: rangeStart, offset: offsetAt(query.timeZone, rangeStart) }];
  for (let day = rangeStart; day < rangeEnd; day += DAY_MS / 2) {
    const next = Math.min(day + DAY_MS / 2, rangeEnd);
    const offset = offsetAt(query.timeZone, next);
    if (offset === pieces[pieces.length - 1]!.offset) continue;
    let low = day;
    let high = next;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (offsetAt(query.timeZone, mid) === offset) high = mid;
      else low = mid;
    }
    pieces.push({ from: high, offset });
  }
  const local = pieces.length === 1
    ? `${pieces[0]!.offset}`
    : `CASE ${pieces.slice(1).map((piece, index) => `WHEN ${column} < ${piece.from} THEN ${pieces[index]!.offset}`).join(' ')} ELSE ${pieces[pieces.length - 1]!.offset} END`;
  const first = dayOfLocalDate(query.from);
  const origin = query.granularity === 'week' ? first - sinceMonday(first) : first;
  const days = `((${column} + ${local}) / ${DAY_MS} - ${origin})`;
  return sql.raw<number>(query.granularity === 'week' ? `(${days} / 7)` : days);
}
