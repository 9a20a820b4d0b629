import { sql, type RawBuilder } from 'kysely';
import { analyticsPeriods } from '../../shared/analytics/periods.js';
import type { AnalyticsGrouping, AnalyticsQuery } from '../../shared/analytics/query.js';
import { MAX_CSAT_COMMENTS, slaTargets, type AnalyticsMetrics, type AnalyticsReport, type DurationStats, type SlaTarget } from '../../shared/analytics/report.js';
import type { ServerDb } from '../storage/database.js';
import { periodIndexSql } from './period-sql.js';
import { percentile, sortedValues } from './percentile.js';
import type { DurationMetric } from './ticket-facts.js';

const groupColumns: Record<AnalyticsGrouping, string | null> = {
  none: null,
  queue: 'queue_id',
  channel: 'channel',
  customerTier: 'customer_tier',
  priority: 'priority',
  agent: 'agent_id',
};
const ALL = 'all';
const durationMetrics: readonly DurationMetric[] = ['firstResponse', 'nextReply', 'resolution'];
const TIERS = [1, 2, 3] as const;

/** What a cell gathers before it becomes metrics. */
class Cell {
  created = 0;
  solved = 0;
  firstContact = 0;
  reopened = 0;
  visited = [0, 0, 0];
  escalated = [0, 0, 0];
  durations = Object.fromEntries(durationMetrics.map((m) => [m, { business: [] as number[], calendar: [] as number[] }])) as Record<DurationMetric, { business: number[]; calendar: number[] }>;
  sla = Object.fromEntries(slaTargets.map((t) => [t, { met: 0, breached: 0 }])) as Record<SlaTarget, { met: number; breached: number }>;
  backlog = 0;
  answers = 0;
  scoreSum = 0;
  satisfied = 0;

  metrics(): AnalyticsMetrics {
    const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
    const duration = ({ business, calendar }: { business: number[]; calendar: number[] }): DurationStats => {
      const b = sortedValues(business);
      const c = sortedValues(calendar);
      return { count: c.length, businessCount: b.length, business: { median: percentile(b, 50), p90: percentile(b, 90) }, calendar: { median: percentile(c, 50), p90: percentile(c, 90) } };
    };
    const target = ({ met, breached }: { met: number; breached: number }) => ({ met, breached, rate: rate(met, met + breached) });
    return {
      created: this.created,
      solved: this.solved,
      firstResponse: duration(this.durations.firstResponse),
      nextReply: duration(this.durations.nextReply),
      resolution: duration(this.durations.resolution),
      firstContactResolution: { solved: this.solved, resolved: this.firstContact, rate: rate(this.firstContact, this.solved) },
      sla: { firstResponse: target(this.sla.firstResponse), nextReply: target(this.sla.nextReply), resolution: target(this.sla.resolution) },
      backlog: this.backlog,
      reopen: { solved: this.solved, reopened: this.reopened, rate: rate(this.reopened, this.solved) },
      escalation: TIERS.map((tier) => ({ tier, tickets: this.visited[tier - 1]!, escalated: this.escalated[tier - 1]!, rate: rate(this.escalated[tier - 1]!, this.visited[tier - 1]!) })),
      csat: { answers: this.answers, average: this.answers === 0 ? null : this.scoreSum / this.answers, satisfied: this.satisfied, satisfiedRate: rate(this.satisfied, this.answers) },
    };
  }
}

/**
 * A report over the analytics facts (docs/metrics.md). Each table is read once over the range, by
 * its time index, with the filters and the grouping into period × group cells in SQL; durations
 * come back as each cell's list of values for exact percentiles. Every cell also adds to its group's
 * whole-range total, whose percentiles are its own.
 */
export async function analyticsReport(db: ServerDb, query: AnalyticsQuery, now: number): Promise<AnalyticsReport> {
  const periods = analyticsPeriods(query);
  const starts = periods.map((p) => Date.parse(p.start));
  const rangeStart = starts[0]!;
  const rangeEnd = Date.parse(periods[periods.length - 1]!.end);
  const groupColumn = groupColumns[query.groupBy];
  const group = sql.raw(groupColumn ?? `'${ALL}'`);
  const filters = filterSql(query);

  const period = (column: string) => periodIndexSql(column, query, rangeStart, rangeEnd);

  const cells = new Map<string, Cell>();
  const totals = new Map<string | null, Cell>();
  const cellOf = (periodIndex: number, key: string | null) => {
    const id = `${periodIndex}\u0000${key ?? ''}\u0000${key === null ? 'null' : ''}`;
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = new Cell()));
    return cell;
  };
  const totalOf = (key: string | null) => {
    let cell = totals.get(key);
    if (!cell) totals.set(key, (cell = new Cell()));
    return cell;
  };
  const both = (periodIndex: number, key: string | null, add: (cell: Cell) => void) => {
    add(cellOf(periodIndex, key));
    add(totalOf(key));
  };
  // SQLite gives sums as numbers, or as null over no rows; group_concat gives the values as text.
  const values = (text: string | null) => (text === null ? [] : text.split(',').map(Number));

  const created = await sql<{ p: number; g: string | null; n: number; v1: number; v2: number; v3: number; e1: number; e2: number; e3: number }>`
    SELECT ${period('created_ms')} AS p, ${group} AS g, COUNT(*) AS n,
      SUM((tiers_visited & 1) > 0) AS v1, SUM((tiers_visited & 2) > 0) AS v2, SUM((tiers_visited & 4) > 0) AS v3,
      SUM((tiers_escalated & 1) > 0) AS e1, SUM((tiers_escalated & 2) > 0) AS e2, SUM((tiers_escalated & 4) > 0) AS e3
    FROM analytics_tickets WHERE created_ms >= ${rangeStart} AND created_ms < ${rangeEnd} ${filters} GROUP BY p, g`.execute(db);
  for (const r of created.rows) {
    both(r.p, r.g, (cell) => {
      cell.created += r.n;
      [r.v1, r.v2, r.v3].forEach((n, tier) => (cell.visited[tier]! += n));
      [r.e1, r.e2, r.e3].forEach((n, tier) => (cell.escalated[tier]! += n));
    });
  }

  const solved = await sql<{ p: number; g: string | null; n: number; first_contact: number; reopened: number }>`
    SELECT ${period('first_solved_ms')} AS p, ${group} AS g, COUNT(*) AS n, SUM(first_contact) AS first_contact, SUM(reopened) AS reopened FROM analytics_tickets
    WHERE first_solved_ms >= ${rangeStart} AND first_solved_ms < ${rangeEnd} ${filters} GROUP BY p, g`.execute(db);
  for (const r of solved.rows) {
    both(r.p, r.g, (cell) => {
      cell.solved += r.n;
      cell.firstContact += r.first_contact;
      cell.reopened += r.reopened;
    });
  }

  // One row per metric, period and group with its measurements as text: a few thousand rows to read, not a million.
  const durations = await sql<{ metric: DurationMetric; p: number; g: string | null; business: string | null; calendar: string }>`
    SELECT metric, ${period('at_ms')} AS p, ${group} AS g, group_concat(business_min) AS business, group_concat(calendar_min) AS calendar FROM analytics_durations
    WHERE metric IN ('firstResponse', 'nextReply', 'resolution') AND at_ms >= ${rangeStart} AND at_ms < ${rangeEnd} ${filters} GROUP BY metric, p, g`.execute(db);
  for (const r of durations.rows) {
    const business = values(r.business);
    const calendar = values(r.calendar);
    both(r.p, r.g, (cell) => {
      const measured = cell.durations[r.metric];
      // A loop, not push(...values): a busy week's thousands of values would overflow the call stack.
      for (const value of business) measured.business.push(value);
      for (const value of calendar) measured.calendar.push(value);
    });
  }

  // Open clocks whose due time has passed are breached as of now; those still counting are not yet anything.
  const slaEnd = Math.min(rangeEnd, now + 1);
  const sla = await sql<{ target: SlaTarget; p: number; g: string | null; met: number; breached: number }>`
    SELECT target, ${period('at_ms')} AS p, ${group} AS g, SUM(outcome = 'met') AS met, SUM(outcome <> 'met') AS breached FROM analytics_sla
    WHERE target IN ('firstResponse', 'nextReply', 'resolution') AND at_ms >= ${rangeStart} AND at_ms < ${slaEnd} ${filters} GROUP BY target, p, g`.execute(db);
  for (const r of sla.rows) {
    both(r.p, r.g, (cell) => {
      cell.sla[r.target].met += r.met;
      cell.sla[r.target].breached += r.breached;
    });
  }

  await addBacklog(db, { rangeStart, rangeEnd, now, starts, period: period('at'), group, filters }, cellOf, totalOf);

  const answers = await sql<{ p: number; g: string | null; n: number; total: number; satisfied: number }>`
    SELECT ${period('answered_ms')} AS p, ${group} AS g, COUNT(*) AS n, SUM(score) AS total, SUM(score >= 4) AS satisfied FROM analytics_csat
    WHERE answered_ms >= ${rangeStart} AND answered_ms < ${rangeEnd} ${filters} GROUP BY p, g`.execute(db);
  for (const r of answers.rows) {
    both(r.p, r.g, (cell) => {
      cell.answers += r.n;
      cell.scoreSum += r.total;
      cell.satisfied += r.satisfied;
    });
  }

  const comments = await csatComments(db, { rangeStart, rangeEnd, group, filters });
  const keys = [...totals.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return {
    query,
    generatedAt: new Date(now).toISOString(),
    periods,
    groups: await groupNames(db, query.groupBy, keys),
    buckets: [...cells.entries()]
      .map(([id, cell]) => {
        const [index, key, isNull] = id.split('\u0000') as [string, string, string];
        return { periodIndex: Number(index), group: isNull === 'null' ? null : key, cell };
      })
      .sort((a, b) => a.periodIndex - b.periodIndex || keys.indexOf(a.group) - keys.indexOf(b.group))
      .map(({ periodIndex, group: key, cell }) => ({ period: periods[periodIndex]!.key, group: key, metrics: cell.metrics() })),
    totals: keys.map((key) => ({ group: key, metrics: totals.get(key)!.metrics() })),
    csatComments: comments.items,
    csatCommentsTotal: comments.total,
  };
}

function filterSql(query: AnalyticsQuery): RawBuilder<unknown> {
  const lists: [string, readonly string[] | undefined][] = [
    ['queue_id', query.queueIds],
    ['channel', query.channels],
    ['customer_tier', query.customerTiers],
    ['priority', query.priorities],
    ['agent_id', query.agentIds],
  ];
  const parts = lists.filter(([, values]) => values !== undefined && values.length > 0).map(([column, values]) => sql`AND ${sql.ref(column)} IN (${sql.join(values!)})`);
  return parts.length === 0 ? sql`` : sql.join(parts, sql` `);
}

interface RangeSql {
  rangeStart: number;
  rangeEnd: number;
  group: RawBuilder<unknown>;
  filters: RawBuilder<unknown>;
}

/**
 * Open tickets at each period's end (or now, for a period not over yet): the stretches open at the
 * range's start, plus those opened, minus those closed before each end. A stretch closed exactly at
 * an end was still open through that period.
 */
async function addBacklog(
  db: ServerDb,
  range: RangeSql & { now: number; starts: readonly number[]; period: RawBuilder<number> },
  cellOf: (periodIndex: number, key: string | null) => Cell,
  totalOf: (key: string | null) => Cell,
): Promise<void> {
  const { rangeStart, rangeEnd, group, filters, period } = range;
  const running = new Map<string | null, number>();
  const base = await sql<{ g: string | null; n: number }>`
    SELECT g, COUNT(*) AS n FROM (
      SELECT ${group} AS g FROM analytics_open_spans WHERE closed_ms >= ${rangeStart} AND opened_ms < ${rangeStart} ${filters}
      UNION ALL
      SELECT ${group} AS g FROM analytics_open_spans WHERE closed_ms IS NULL AND opened_ms < ${rangeStart} ${filters}
    ) GROUP BY g`.execute(db);
  for (const r of base.rows) running.set(r.g, r.n);
  const changes = await sql<{ p: number; g: string | null; delta: number }>`
    SELECT ${period} AS p, g, SUM(delta) AS delta FROM (
      SELECT opened_ms AS at, ${group} AS g, 1 AS delta FROM analytics_open_spans WHERE opened_ms >= ${rangeStart} AND opened_ms < ${rangeEnd} ${filters}
      UNION ALL
      SELECT closed_ms AS at, ${group} AS g, -1 AS delta FROM analytics_open_spans WHERE closed_ms >= ${rangeStart} AND closed_ms < ${rangeEnd} ${filters}
    ) GROUP BY p, g`.execute(db);
  const deltas = new Map<number, { g: string | null; delta: number }[]>();
  for (const change of changes.rows) deltas.set(change.p, [...(deltas.get(change.p) ?? []), change]);
  // A period that has not begun has no backlog yet.
  const begun = range.starts.filter((start) => start <= range.now).length;
  for (let index = 0; index < begun; index++) {
    for (const { g, delta } of deltas.get(index) ?? []) running.set(g, (running.get(g) ?? 0) + delta);
    for (const [key, open] of running) if (open !== 0) cellOf(index, key).backlog = open;
  }
  for (const [key, open] of running) if (open !== 0) totalOf(key).backlog = open;
}

async function csatComments(db: ServerDb, range: RangeSql): Promise<{ items: AnalyticsReport['csatComments']; total: number }> {
  const { rangeStart, rangeEnd, group, filters } = range;
  const where = sql`answered_ms >= ${rangeStart} AND answered_ms < ${rangeEnd} ${filters} AND EXISTS (
    SELECT 1 FROM csat_answers a WHERE a.ticket_id = analytics_csat.ticket_id AND a.comment IS NOT NULL AND trim(a.comment) <> '')`;
  const total = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM analytics_csat WHERE ${where}`.execute(db);
  const rows = await sql<{ ticket_id: string; number: number; score: number; comment: string; agent_id: string | null; agent_name: string | null; at: string; g: string | null }>`
    SELECT f.ticket_id, t.number, a.score, a.comment, a.agent_id, u.name AS agent_name, a.answered_at AS at, f.g
    FROM (SELECT ticket_id, answered_ms, ${group} AS g FROM analytics_csat WHERE ${where} ORDER BY answered_ms DESC LIMIT ${MAX_CSAT_COMMENTS}) f
    JOIN csat_answers a ON a.ticket_id = f.ticket_id JOIN tickets t ON t.id = f.ticket_id LEFT JOIN users u ON u.id = a.agent_id
    ORDER BY f.answered_ms DESC`.execute(db);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({ ticketId: r.ticket_id, ticketNumber: r.number, score: r.score, comment: r.comment, agentId: r.agent_id, agentName: r.agent_name, at: new Date(Date.parse(r.at)).toISOString(), group: r.g })),
  };
}

async function groupNames(db: ServerDb, grouping: AnalyticsGrouping, keys: (string | null)[]): Promise<AnalyticsReport['groups']> {
  const ids = keys.filter((key): key is string => key !== null);
  const names = new Map<string, string>();
  if (grouping === 'queue' && ids.length > 0) for (const q of await db.selectFrom('queues').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(q.id, q.name);
  if (grouping === 'agent' && ids.length > 0) for (const u of await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(u.id, u.name);
  return keys.map((key) => ({ key, name: key === null ? null : (names.get(key) ?? null) }));
}
