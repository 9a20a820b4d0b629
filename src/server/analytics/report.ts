import { sql, type RawBuilder } from 'kysely';
import { analyticsPeriods } from '../../shared/analytics/periods.js';
import type { AnalyticsGrouping, AnalyticsQuery } from '../../shared/analytics/query.js';
import { MAX_CSAT_COMMENTS, slaTargets, type AnalyticsMetrics, type AnalyticsReport, type DurationStats, type SlaTarget } from '../../shared/analytics/report.js';
import type { ServerDb } from '../storage/database.js';
import { percentile } from './percentile.js';
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
const TIERS = [1, 2, 3] as const;
const noDurations: DurationStats = { count: 0, businessCount: 0, business: { median: null, p90: null }, calendar: { median: null, p90: null } };

/** What a cell gathers before it becomes metrics. */
class Cell {
  created = 0;
  solved = 0;
  firstContact = 0;
  reopened = 0;
  visited = [0, 0, 0];
  escalated = [0, 0, 0];
  durations: Record<DurationMetric, DurationStats> = { firstResponse: noDurations, nextReply: noDurations, resolution: noDurations };
  sla = Object.fromEntries(slaTargets.map((t) => [t, { met: 0, breached: 0 }])) as Record<SlaTarget, { met: number; breached: number }>;
  backlog = 0;
  answers = 0;
  scoreSum = 0;
  satisfied = 0;

  metrics(): AnalyticsMetrics {
    const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
    const target = ({ met, breached }: { met: number; breached: number }) => ({ met, breached, rate: rate(met, met + breached) });
    return {
      created: this.created,
      solved: this.solved,
      firstResponse: this.durations.firstResponse,
      nextReply: this.durations.nextReply,
      resolution: this.durations.resolution,
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
 * A report over the analytics facts (docs/metrics.md). Each fact table is read period by period, each
 * period one stretch of the table's time index grouped by the report's grouping: one GROUP BY over the
 * whole range makes SQLite sort every row of it through a temporary b-tree (at a million tickets most
 * of a report's time), while a period's rows are few enough to group in memory. Counts in a cell also
 * add to its group's whole-range total; durations come back as each cell's values, whose exact
 * percentiles are taken here, and the total's percentiles are those of all its cells' values.
 */
export async function analyticsReport(db: ServerDb, query: AnalyticsQuery, now: number): Promise<AnalyticsReport> {
  const periods = analyticsPeriods(query);
  const spans = periods.map((p, index) => ({ index, from: Date.parse(p.start), to: Date.parse(p.end) }));
  const rangeStart = spans[0]!.from;
  const rangeEnd = spans[spans.length - 1]!.to;
  const groupColumn = groupColumns[query.groupBy];
  const group = sql.raw(groupColumn ?? `'${ALL}'`);
  // Without a grouping every row is in one group: no GROUP BY, so SQLite does not sort for it.
  const byGroup = groupColumn === null ? sql`` : sql.raw(`GROUP BY ${groupColumn}`);
  const byKindAndGroup = (kind: string) => sql.raw(groupColumn === null ? `GROUP BY ${kind}` : `GROUP BY ${kind}, ${groupColumn}`);
  const filters = filterSql(query);

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

  await eachPeriod(spans, (from, to) => sql<{ g: string | null; n: number; v1: number; v2: number; v3: number; e1: number; e2: number; e3: number }>`
    SELECT ${group} AS g, COUNT(*) AS n,
      SUM((tiers_visited & 1) > 0) AS v1, SUM((tiers_visited & 2) > 0) AS v2, SUM((tiers_visited & 4) > 0) AS v3,
      SUM((tiers_escalated & 1) > 0) AS e1, SUM((tiers_escalated & 2) > 0) AS e2, SUM((tiers_escalated & 4) > 0) AS e3
    FROM analytics_tickets WHERE created_ms >= ${from} AND created_ms < ${to} ${filters} ${byGroup}`.execute(db), (p, r) => {
    both(p, r.g, (cell) => {
      cell.created += r.n;
      [r.v1, r.v2, r.v3].forEach((n, tier) => (cell.visited[tier]! += n));
      [r.e1, r.e2, r.e3].forEach((n, tier) => (cell.escalated[tier]! += n));
    });
  });

  await eachPeriod(spans, (from, to) => sql<{ g: string | null; n: number; first_contact: number; reopened: number }>`
    SELECT ${group} AS g, COUNT(*) AS n, SUM(first_contact) AS first_contact, SUM(reopened) AS reopened FROM analytics_tickets
    WHERE first_solved_ms >= ${from} AND first_solved_ms < ${to} ${filters} ${byGroup}`.execute(db), (p, r) => {
    both(p, r.g, (cell) => {
      cell.solved += r.n;
      cell.firstContact += r.first_contact;
      cell.reopened += r.reopened;
    });
  });

  // A cell's measurements come as text (group_concat): one row per metric and group, not one per value.
  const measured = new DurationValues();
  await eachPeriod(spans, (from, to) => sql<{ metric: DurationMetric; g: string | null; business: string | null; calendar: string }>`
    SELECT metric, ${group} AS g, group_concat(business_min) AS business, group_concat(calendar_min) AS calendar FROM analytics_durations
    WHERE metric IN ('firstResponse', 'nextReply', 'resolution') AND at_ms >= ${from} AND at_ms < ${to} ${filters} ${byKindAndGroup('metric')}`.execute(db), (p, r) => {
    cellOf(p, r.g).durations[r.metric] = measured.add(r.g, r.metric, r.business, r.calendar);
  });
  for (const [key, metric, stats] of measured.totals()) totalOf(key).durations[metric] = stats;

  // Open clocks whose due time has passed are breached as of now; those still counting are not yet anything.
  const slaEnd = Math.min(rangeEnd, now + 1);
  await eachPeriod(spans.filter((span) => span.from < slaEnd), (from, to) => sql<{ target: SlaTarget; g: string | null; met: number; breached: number }>`
    SELECT target, ${group} AS g, SUM(outcome = 'met') AS met, SUM(outcome <> 'met') AS breached FROM analytics_sla
    WHERE target IN ('firstResponse', 'nextReply', 'resolution') AND at_ms >= ${from} AND at_ms < ${Math.min(to, slaEnd)} ${filters} ${byKindAndGroup('target')}`.execute(db), (p, r) => {
    both(p, r.g, (cell) => {
      cell.sla[r.target].met += r.met;
      cell.sla[r.target].breached += r.breached;
    });
  });

  await addBacklog(db, { rangeStart, now, spans, group, byGroup, filters }, cellOf, totalOf);

  let commented = 0;
  await eachPeriod(spans, (from, to) => sql<{ g: string | null; n: number; total: number; satisfied: number; commented: number }>`
    SELECT ${group} AS g, COUNT(*) AS n, SUM(score) AS total, SUM(score >= 4) AS satisfied, SUM(commented) AS commented FROM analytics_csat
    WHERE answered_ms >= ${from} AND answered_ms < ${to} ${filters} ${byGroup}`.execute(db), (p, r) => {
    commented += r.commented;
    both(p, r.g, (cell) => {
      cell.answers += r.n;
      cell.scoreSum += r.total;
      cell.satisfied += r.satisfied;
    });
  });

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
    csatComments: comments,
    csatCommentsTotal: commented,
  };
}

interface Span {
  index: number;
  from: number;
  to: number;
}

/**
 * Runs a grouped read for each period and hands its rows over with the period's index. An aggregate
 * without GROUP BY answers one row even over no rows; that row (a count of 0) is no group.
 */
async function eachPeriod<R extends object>(spans: readonly Span[], read: (from: number, to: number) => Promise<{ rows: R[] }>, take: (periodIndex: number, row: R) => void): Promise<void> {
  for (const span of spans) {
    const { rows } = await read(span.from, span.to);
    for (const row of rows) if (!('n' in row && row.n === 0)) take(span.index, row);
  }
}

/** Duration values per cell, kept so a group's whole-range percentiles use all its cells' values without reading them twice. */
class DurationValues {
  private readonly byGroup = new Map<string | null, Map<DurationMetric, { business: Float64Array[]; calendar: Float64Array[] }>>();

  add(key: string | null, metric: DurationMetric, business: string | null, calendar: string): DurationStats {
    let metrics = this.byGroup.get(key);
    if (!metrics) this.byGroup.set(key, (metrics = new Map()));
    let lists = metrics.get(metric);
    if (!lists) metrics.set(metric, (lists = { business: [], calendar: [] }));
    const b = parseValues(business);
    const c = parseValues(calendar);
    lists.business.push(b);
    lists.calendar.push(c);
    return durationStats(b, c);
  }

  *totals(): Generator<[string | null, DurationMetric, DurationStats]> {
    for (const [key, metrics] of this.byGroup) for (const [metric, lists] of metrics) yield [key, metric, durationStats(joined(lists.business), joined(lists.calendar))];
  }
}

/** group_concat's text as numbers (it skips nulls, so an empty list comes back as null). */
function parseValues(text: string | null): Float64Array {
  if (text === null) return new Float64Array(0);
  // A plain loop: Float64Array.from with a mapping function took three times as long.
  const parts = text.split(',');
  const values = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i++) values[i] = Number(parts[i]);
  return values;
}

function joined(parts: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

function durationStats(business: Float64Array, calendar: Float64Array): DurationStats {
  return {
    count: calendar.length,
    businessCount: business.length,
    business: { median: percentile(business, 50), p90: percentile(business, 90) },
    calendar: { median: percentile(calendar, 50), p90: percentile(calendar, 90) },
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
  range: RangeSql & { now: number; spans: readonly Span[]; byGroup: RawBuilder<unknown> },
  cellOf: (periodIndex: number, key: string | null) => Cell,
  totalOf: (key: string | null) => Cell,
): Promise<void> {
  const { rangeStart, group, byGroup, filters } = range;
  const running = new Map<string | null, number>();
  const base = await sql<{ g: string | null; n: number }>`
    SELECT g, COUNT(*) AS n FROM (
      SELECT ${group} AS g FROM analytics_open_spans WHERE closed_ms >= ${rangeStart} AND opened_ms < ${rangeStart} ${filters}
      UNION ALL
      SELECT ${group} AS g FROM analytics_open_spans WHERE closed_ms IS NULL AND opened_ms < ${rangeStart} ${filters}
    ) GROUP BY g`.execute(db);
  for (const r of base.rows) running.set(r.g, r.n);
  const change = (key: string | null, delta: number) => running.set(key, (running.get(key) ?? 0) + delta);
  // A period that has not begun has no backlog yet.
  const begun = range.spans.filter((span) => span.from <= range.now);
  for (const span of begun) {
    const opened = await sql<{ g: string | null; n: number }>`
      SELECT ${group} AS g, COUNT(*) AS n FROM analytics_open_spans WHERE opened_ms >= ${span.from} AND opened_ms < ${span.to} ${filters} ${byGroup}`.execute(db);
    const closed = await sql<{ g: string | null; n: number }>`
      SELECT ${group} AS g, COUNT(*) AS n FROM analytics_open_spans WHERE closed_ms >= ${span.from} AND closed_ms < ${span.to} ${filters} ${byGroup}`.execute(db);
    for (const r of opened.rows) change(r.g, r.n);
    for (const r of closed.rows) change(r.g, -r.n);
    for (const [key, open] of running) if (open !== 0) cellOf(span.index, key).backlog = open;
  }
  for (const [key, open] of running) if (open !== 0) totalOf(key).backlog = open;
}

/** The latest commented answers of the range (their count comes with the scores). */
async function csatComments(db: ServerDb, range: RangeSql & { rangeEnd: number }): Promise<AnalyticsReport['csatComments']> {
  const { rangeStart, rangeEnd, group, filters } = range;
  const rows = await sql<{ ticket_id: string; number: number; score: number; comment: string; agent_id: string | null; agent_name: string | null; at: string; g: string | null }>`
    SELECT f.ticket_id, t.number, a.score, a.comment, a.agent_id, u.name AS agent_name, a.answered_at AS at, f.g
    FROM (SELECT ticket_id, answered_ms, ${group} AS g FROM analytics_csat WHERE answered_ms >= ${rangeStart} AND answered_ms < ${rangeEnd} ${filters} AND commented = 1
      ORDER BY answered_ms DESC LIMIT ${MAX_CSAT_COMMENTS}) f
    JOIN csat_answers a ON a.ticket_id = f.ticket_id JOIN tickets t ON t.id = f.ticket_id LEFT JOIN users u ON u.id = a.agent_id
    ORDER BY f.answered_ms DESC`.execute(db);
  return rows.rows.map((r) => ({ ticketId: r.ticket_id, ticketNumber: r.number, score: r.score, comment: r.comment, agentId: r.agent_id, agentName: r.agent_name, at: new Date(Date.parse(r.at)).toISOString(), group: r.g }));
}

async function groupNames(db: ServerDb, grouping: AnalyticsGrouping, keys: (string | null)[]): Promise<AnalyticsReport['groups']> {
  const ids = keys.filter((key): key is string => key !== null);
  const names = new Map<string, string>();
  if (grouping === 'queue' && ids.length > 0) for (const q of await db.selectFrom('queues').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(q.id, q.name);
  if (grouping === 'agent' && ids.length > 0) for (const u of await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(u.id, u.name);
  return keys.map((key) => ({ key, name: key === null ? null : (names.get(key) ?? null) }));
}
