import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { AnalyticsQuerySchema, type AnalyticsGrouping } from '../src/shared/analytics/query.js';
import { channels, customerTiers, priorities, ticketTypes } from '../src/shared/domain/ticket.js';
import { AnalyticsFacts } from '../src/server/analytics/fact-store.js';
import { analyticsReport } from '../src/server/analytics/report.js';
import { SlaService } from '../src/server/sla/sla-service.js';
import { migrateToLatest, openSqliteDatabase, type ServerDb } from '../src/server/storage/database.js';

/**
 * Analytics over 1,000,000 tickets (issue 8): a year of generated histories (replies, pending waits,
 * solves, reopens, escalations from tier 1 to 2, CSAT answers) bulk-inserted into a server database,
 * their facts worked out by the server's own refresh, then a 90-day report timed by day and by week,
 * grouped several ways. Goal: ≤ 2,000 ms (median of the runs) for each.
 * `SHIFTDESK_BENCH_TICKETS` makes a smaller run for trying things out. `SHIFTDESK_BENCH_KEEP=<folder>`
 * keeps the generated desk there and, when the folder already holds one, reports over it without
 * generating again: the load and the facts take about twenty minutes on this machine.
 */
const TICKETS = Number(process.env.SHIFTDESK_BENCH_TICKETS ?? 1_000_000);
const DAYS = 365;
const RUNS = 3;
const GOAL_MS = 2_000;
const MINUTE = 60_000;
const NOW = Date.parse('2026-11-23T12:00:00Z');

// A fixed-seed generator: every run builds the same desk.
let seed = 0x2f6e2b1;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
/** Minutes with a long tail, as waits at a help desk are: most short, some very long. */
const wait = (median: number) => Math.max(1, Math.round(median * Math.exp((random() - 0.5) * 3)));

const queues = [
  { id: 'general', name: 'General', tier: 1 },
  { id: 'billing', name: 'Billing', tier: 1 },
  { id: 'network', name: 'Network', tier: 2 },
  { id: 'platform', name: 'Platform', tier: 3 },
];
const agents = Array.from({ length: 40 }, (_, i) => ({ id: `bench-agent-${i}`, name: `Agent ${i}`, tier: i < 28 ? 1 : i < 36 ? 2 : 3 }));

const keep = process.env.SHIFTDESK_BENCH_KEEP;
const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'shiftdesk-analytics-bench-'));
const kept = keep !== undefined && existsSync(join(keep, 'generated.json'));
try {
  const db = openSqliteDatabase(dataDir);
  await migrateToLatest(db);
  const sla = new SlaService(db, { now: () => NOW });
  await sla.ensurePolicy();
  const load = kept ? (JSON.parse(readFileSync(join(dataDir, 'generated.json'), 'utf8')) as GeneratedDesk) : await generateDesk(db, sla);
  if (keep !== undefined && !kept) writeFileSync(join(dataDir, 'generated.json'), JSON.stringify(load));
  if (load.tickets !== TICKETS) throw new Error(`${dataDir} holds ${load.tickets} tickets, not ${TICKETS}`);
  // A kept desk may predate a migration that marked facts to work out again, as a server would on start.
  if (kept) console.log(`facts brought up to date for ${await new AnalyticsFacts(db, sla, () => NOW).refresh()} tickets`);

  await sql`PRAGMA cache_size = -2000`.execute(db);
  // The bulk load wrote one long transaction the server's automatic checkpoints could not fold in.
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);

  const to = new Date(NOW).toISOString().slice(0, 10);
  const from = new Date(NOW - 89 * 86_400_000).toISOString().slice(0, 10);
  const scenarios: { granularity: 'day' | 'week'; groupBy: AnalyticsGrouping }[] = [
    { granularity: 'day', groupBy: 'none' },
    { granularity: 'day', groupBy: 'queue' },
    { granularity: 'week', groupBy: 'agent' },
    { granularity: 'week', groupBy: 'priority' },
  ];
  const results = [];
  for (const scenario of scenarios) {
    const query = AnalyticsQuerySchema.parse({ from, to, timeZone: 'Europe/Warsaw', ...scenario });
    const samples: number[] = [];
    let report: Awaited<ReturnType<typeof analyticsReport>> | null = null;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      report = await analyticsReport(db, query, NOW);
      samples.push(performance.now() - started);
    }
    const medianMs = Math.round(samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!);
    const all = report!.totals.reduce((sum, total) => sum + total.metrics.created, 0);
    results.push({ ...scenario, from, to, samplesMs: samples.map(Math.round), medianMs, ticketsCreatedInRange: all, buckets: report!.buckets.length, goalMs: GOAL_MS, pass: medianMs <= GOAL_MS });
    console.log(`${scenario.granularity} by ${scenario.groupBy}: median ${medianMs} ms over ${all} tickets created in range, ${report!.buckets.length} buckets`);
  }
  await db.destroy();

  const output = {
    benchmark: 'analytics',
    date: new Date().toISOString(),
    machine: { node: process.version, platform: process.platform, loadAverage: loadavg().map((n) => Math.round(n * 100) / 100) },
    tickets: TICKETS,
    spreadOverDays: DAYS,
    rows: load.rows,
    generateSeconds: load.generateSeconds,
    factsSeconds: load.factsSeconds,
    results,
    goalMs: GOAL_MS,
    pass: results.every((r) => r.pass),
  };
  mkdirSync('bench/results', { recursive: true });
  if (TICKETS === 1_000_000) writeFileSync('bench/results/analytics.json', `${JSON.stringify(output, null, 2)}\n`);
  console.log(JSON.stringify(output, null, 2));
  if (!output.pass) process.exitCode = 1;
} finally {
  if (keep === undefined) rmSync(dataDir, { recursive: true, force: true });
}

interface GeneratedDesk {
  tickets: number;
  rows: { messages: number; events: number; answers: number };
  generateSeconds: number;
  factsSeconds: number;
}

/** Loads the generated year into the database and works out its facts, as the server would. */
async function generateDesk(db: ServerDb, sla: SlaService): Promise<GeneratedDesk> {
  const file = new SqliteDatabase(join(dataDir, 'shiftdesk.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = OFF');
  // A ticket's row is written after its history, once its final status is known.
  file.pragma('foreign_keys = OFF');
  // Random ids land on random pages of every index: a cache that holds them makes the load minutes, not hours.
  file.pragma('cache_size = -1000000');
  const generateStarted = performance.now();
  const counts = generate(file);
  file.close();
  const generateMs = performance.now() - generateStarted;
  console.log(`generated ${TICKETS} tickets (${counts.messages} messages, ${counts.events} events, ${counts.answers} CSAT answers) in ${Math.round(generateMs / 1000)} s`);

  // The same for working out the facts; the reports below run with SQLite's default cache again.
  await sql`PRAGMA cache_size = -1000000`.execute(db);
  const factsStarted = performance.now();
  const facts = new AnalyticsFacts(db, sla, () => NOW);
  let done = 0;
  await facts.refresh(async () => {
    done += 250;
    if (done % 100_000 === 0) console.log(`  facts: ${done} tickets, ${Math.round((performance.now() - factsStarted) / 1000)} s`);
  });
  const factsMs = performance.now() - factsStarted;
  console.log(`facts worked out in ${Math.round(factsMs / 1000)} s`);
  return { tickets: TICKETS, rows: counts, generateSeconds: Math.round(generateMs / 1000), factsSeconds: Math.round(factsMs / 1000) };
}

/** The desk's year, in one transaction of prepared inserts (the triggers mark every ticket for its facts). */
function generate(file: SqliteDatabase.Database): { messages: number; events: number; answers: number } {
  const at = (ms: number) => new Date(ms).toISOString();
  const insertQueue = file.prepare('INSERT OR IGNORE INTO queues (id, name, tier, created_at) VALUES (?, ?, ?, ?)');
  const insertUser = file.prepare("INSERT INTO users (id, email, name, password_hash, role, tier, locale, time_zone, created_at) VALUES (?, ?, ?, 'x', 'agent', ?, 'en', 'Europe/Warsaw', ?)");
  const insertTicket = file.prepare(
    `INSERT INTO tickets (id, number, subject, requester_name, requester_email, channel, priority, customer_tier, type, status, queue_id, assignee_id, created_at, updated_at, first_responded_at, solved_at, sla_json, sla_wake_at, tags_json)
     VALUES (?, ?, 'Generated', 'Customer', 'customer@example.com', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, '[]')`,
  );
  const insertMessage = file.prepare("INSERT INTO messages (id, ticket_id, author_kind, author_name, body, is_public, created_at, written_at, meta_json) VALUES (?, ?, ?, 'x', '…', ?, ?, NULL, NULL)");
  const insertEvent = file.prepare('INSERT INTO ticket_events (id, ticket_id, kind, at, actor, data_json) VALUES (?, ?, ?, ?, NULL, ?)');
  const insertAnswer = file.prepare('INSERT INTO csat_answers (ticket_id, score, comment, agent_id, answered_at) VALUES (?, ?, ?, ?, ?)');
  let messages = 0;
  let events = 0;
  let answers = 0;

  file.transaction(() => {
    for (const queue of queues) insertQueue.run(queue.id, queue.name, queue.tier, at(NOW - DAYS * 86_400_000));
    for (const agent of agents) insertUser.run(agent.id, `${agent.id}@bench`, agent.name, agent.tier, at(NOW - DAYS * 86_400_000));
    for (let n = 0; n < TICKETS; n++) {
      const id = randomUUID();
      const createdAt = NOW - DAYS * 86_400_000 + Math.floor((n / TICKETS) * DAYS * 86_400_000) + Math.floor(random() * 60_000);
      let queue = queues[random() < 0.6 ? 0 : random() < 0.7 ? 1 : random() < 0.7 ? 2 : 3]!;
      const agent = pick(agents.filter((candidate) => candidate.tier === queue.tier));
      let status = 'new';
      let t = createdAt;
      let firstRespondedAt: number | null = null;
      let solvedAt: number | null = null;
      const message = (kind: 'customer' | 'agent', when: number, isPublic = true) => {
        insertMessage.run(randomUUID(), id, kind, isPublic ? 1 : 0, at(when));
        messages++;
      };
      const event = (kind: string, when: number, data: object) => {
        insertEvent.run(randomUUID(), id, kind, at(when), JSON.stringify(data));
        events++;
      };
      const setStatus = (to: string, when: number) => {
        event('status', when, { from: status, to });
        status = to;
        if (to === 'solved') solvedAt = when;
      };
      message('customer', t);
      const steps = (): boolean => {
        t += wait(45) * MINUTE;
        if (t > NOW) return false;
        message('agent', t);
        firstRespondedAt ??= t;
        if (status === 'new' || status === 'open') setStatus(random() < 0.35 ? 'pending' : 'open', t);
        if (random() < 0.05 && queue.tier === 1) {
          const to = queues[2]!;
          event('escalated', t, { from: queue.id, to: to.id, trigger: 'manual' });
          event('queue', t, { from: queue.id, to: to.id });
          queue = to;
        }
        if (random() < 0.45) {
          t += wait(120) * MINUTE;
          if (t > NOW) return false;
          message('customer', t);
          if (status === 'pending') setStatus('open', t);
          t += wait(60) * MINUTE;
          if (t > NOW) return false;
          message('agent', t);
        }
        t += wait(180) * MINUTE;
        if (t > NOW) return false;
        setStatus('solved', t);
        return true;
      };
      let solved = steps();
      if (solved && random() < 0.08) {
        t += wait(600) * MINUTE;
        if (t <= NOW) {
          message('customer', t);
          setStatus('open', t);
          solved = steps();
        }
      }
      if (solved && random() < 0.3) {
        const answeredAt = t + wait(240) * MINUTE;
        if (answeredAt <= NOW) {
          const score = random() < 0.75 ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3);
          insertAnswer.run(id, score, random() < 0.2 ? 'Generated comment' : null, agent.id, at(answeredAt));
          answers++;
        }
      }
      insertTicket.run(id, 1001 + n, pick(channels), pick(priorities), pick(customerTiers), pick(ticketTypes), status, queue.id, agent.id, at(createdAt), at(t), firstRespondedAt === null ? null : at(firstRespondedAt), solvedAt === null ? null : at(solvedAt));
    }
  })();
  return { messages, events, answers };
}
