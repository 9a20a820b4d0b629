import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { analyticsPeriods } from '../../shared/analytics/periods.js';
import { AnalyticsQuerySchema } from '../../shared/analytics/query.js';
import { periodIndexSql } from './period-sql.js';

const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });

async function sqlPeriod(query: ReturnType<typeof AnalyticsQuerySchema.parse>, at: number): Promise<number> {
  const periods = analyticsPeriods(query);
  const expression = periodIndexSql('at_ms', query, Date.parse(periods[0]!.start), Date.parse(periods.at(-1)!.end));
  // Fact tables keep instants as INTEGER; a bound JS number would be a REAL.
  const { rows } = await sql<{ p: number }>`SELECT ${expression} AS p FROM (SELECT CAST(${at} AS INTEGER) AS at_ms)`.execute(db);
  return rows[0]!.p;
}

describe('the period of an instant, in SQL', () => {
  it.each(['day', 'week'] as const)('agrees with the report’s periods by %s around Warsaw’s autumn DST change', async (granularity) => {
    const query = AnalyticsQuerySchema.parse({ from: '2026-10-21', to: '2026-11-03', timeZone: 'Europe/Warsaw', granularity });
    const periods = analyticsPeriods(query);
    // Every period's first and last millisecond, and every hour across the night the clocks go back.
    const instants = periods.flatMap((period) => [Date.parse(period.start), Date.parse(period.end) - 1]);
    for (let hour = Date.parse('2026-10-24T20:00:00Z'); hour < Date.parse('2026-10-25T06:00:00Z'); hour += 1_800_000) instants.push(hour);
    for (const at of instants) {
      const expected = periods.findIndex((period) => Date.parse(period.start) <= at && at < Date.parse(period.end));
      expect(await sqlPeriod(query, at), new Date(at).toISOString()).toBe(expected);
    }
  });
});
