import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '../src/shared/clock.js';
import type { Message, Ticket } from '../src/shared/domain/ticket.js';
import type { Change } from '../src/shared/sync/protocol.js';
import { WorkerDesk } from '../src/main/core/worker/worker-desk.js';
import { Replica } from '../src/main/core/replica/replica.js';
import { storedChange } from '../src/main/core/replica/stored-change.js';
import { launchTs, type Launched } from '../scripts/processes.js';
import { startTestServer } from '../src/server/testing/test-server.js';
import type { QueueListing } from '../src/shared/queue/queue-listing.js';

/**
 * Issue 4's sync benchmarks that run in one process:
 * (a) initial sync of 100,000 tickets with 3 messages each into an empty replica over loopback
 *     (goal ≤ 15 s);
 * (c) the replica's apply rate as a ratio to raw better-sqlite3 upserts of the same rows (goal ≥ 0.5).
 */
const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const queues = ['general', 'billing', 'network', 'platform'];

/** Writes tickets, messages and their change-log rows straight into a stopped server's database. */
function bulkLoad(file: string, template: Ticket, messageTemplate: Message): { tickets: Ticket[]; messages: Message[] } {
  const db = new Database(file);
  const now = new Date().toISOString();
  const tickets: Ticket[] = [];
  const messages: Message[] = [];
  const insertTicket = db.prepare(`INSERT INTO tickets (id, number, subject, requester_name, requester_email, channel, priority, customer_tier, type, status, queue_id, assignee_id, created_at, updated_at, first_responded_at, solved_at, sla_json, sla_wake_at)
    VALUES (@id, @number, @subject, @requesterName, @requesterEmail, @channel, @priority, @customerTier, @type, @status, @queueId, NULL, @createdAt, @updatedAt, NULL, NULL, @sla, NULL)`);
  const insertMessage = db.prepare('INSERT INTO messages (id, ticket_id, author_kind, author_name, body, is_public, created_at, written_at) VALUES (?, ?, ?, ?, ?, 1, ?, NULL)');
  const insertChange = db.prepare('INSERT INTO changes (scope, entity, row_id, op, row_json, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const first = (db.prepare('SELECT MAX(number) FROM tickets').pluck().get() as number) + 1;
  db.transaction(() => {
    for (let i = 0; i < TICKETS; i++) {
      const queueId = queues[i % queues.length]!;
      const ticket: Ticket = { ...template, id: randomUUID(), number: first + i, queueId, subject: `${template.subject} (${i})`, assigneeId: null };
      insertTicket.run({ ...ticket, sla: JSON.stringify(ticket.sla) });
      insertChange.run(`queue:${queueId}`, 'ticket', ticket.id, 'upsert', JSON.stringify(ticket), now);
      tickets.push(ticket);
      for (let m = 0; m < 3; m++) {
        const message: Message = { ...messageTemplate, id: randomUUID(), ticketId: ticket.id, body: `${messageTemplate.body} [${m}]` };
        insertMessage.run(message.id, message.ticketId, message.authorKind, message.authorName, message.body, message.createdAt);
        insertChange.run(`queue:${queueId}`, 'message', message.id, 'upsert', JSON.stringify(message), now);
        messages.push(message);
      }
    }
  })();
  db.close();
  return { tickets, messages };
}

/**
 * As in production: the server is its own process, the console's core runs in its worker thread, and
 * the clock stops when the core reports it is online with everything pulled.
 */
async function initialSync() {
  const seeded = await startTestServer({ clock: systemClock, seed: true });
  const sample = (await seeded.context.tickets.list(queues, { page: 1, pageSize: 1 })).items[0]!;
  const sampleDetail = (await seeded.context.tickets.find(queues, sample.id))!;
  await seeded.stop({ keepData: true });
  const loaded = bulkLoad(join(seeded.dataDir, 'shiftdesk.sqlite'), sample, sampleDetail.messages[0]!);

  const server = launchTs('src/server/main.ts', { SHIFTDESK_PORT: '0', SHIFTDESK_DATA: seeded.dataDir }, { echo: false });
  try {
    return await timedSync(server, loaded);
  } finally {
    await server.stop();
    rmSync(seeded.dataDir, { recursive: true, force: true });
  }
}

async function timedSync(server: Launched, loaded: { tickets: Ticket[]; messages: Message[] }) {
  const [, url] = await server.waitForLine(/server listening on (\S+)/);
  // Start-up compaction reads the whole log; the sync is timed once the server is idle again.
  await server.waitForLine(/change log compacted/, 300_000);
  const root = mkdtempSync(join(tmpdir(), 'shiftdesk-bench-'));
  const desk = await WorkerDesk.start({ dataDir: root, serverUrl: url!, secretsFile: join(root, 's.json') });
  const online = new Promise<void>((resolve) => desk.onEvent((event, payload) => event === 'connection.changed' && (payload as { status: string }).status === 'online' && resolve()));
  const started = performance.now();
  const login = await desk.call('session.login', { email: 'supervisor@demo', password: 'shiftdesk' });
  if (!login.ok) throw new Error(login.error.message);
  await online;
  const seconds = (performance.now() - started) / 1000;
  const listed = await desk.call('tickets.list', {});
  const replicated = listed.ok ? (listed.value as QueueListing).count : 0;
  await desk.close();
  rmSync(root, { recursive: true, force: true });
  return { result: { tickets: replicated, messagesPerTicket: 3, seconds: +seconds.toFixed(2), goalSeconds: 15, meetsGoal: seconds <= 15 && replicated >= TICKETS }, loaded };
}

/** The same rows applied through the replica (prepared changes, cursor, one transaction per page) and raw. */
function applyRate(loaded: { tickets: Ticket[]; messages: Message[] }) {
  const rows: Change[] = [];
  let seq = 1;
  for (const ticket of loaded.tickets.slice(0, 20_000)) rows.push({ seq: seq++, scope: `queue:${ticket.queueId}`, entity: 'ticket', op: 'upsert', row: ticket });
  for (const message of loaded.messages.slice(0, 60_000)) rows.push({ seq: seq++, scope: 'queue:x', entity: 'message', op: 'upsert', row: message });
  const root = mkdtempSync(join(tmpdir(), 'shiftdesk-apply-'));

  const replica = new Replica(join(root, 'replica.sqlite'));
  let started = performance.now();
  for (let i = 0; i < rows.length; i += 500) replica.applyPull(rows.slice(i, i + 500).map(storedChange), { 'queue:x': rows[Math.min(i + 499, rows.length - 1)]!.seq }, null);
  const replicaPerSecond = rows.length / ((performance.now() - started) / 1000);
  replica.close();

  const raw = new Database(join(root, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE tickets (id TEXT PRIMARY KEY, queue_id TEXT, number INTEGER, row TEXT); CREATE TABLE messages (id TEXT PRIMARY KEY, ticket_id TEXT, created_at TEXT, row TEXT);');
  const upsertTicket = raw.prepare('INSERT OR REPLACE INTO tickets VALUES (?, ?, ?, ?)');
  const upsertMessage = raw.prepare('INSERT OR REPLACE INTO messages VALUES (?, ?, ?, ?)');
  started = performance.now();
  for (let i = 0; i < rows.length; i += 500) {
    raw.transaction(() => {
      for (const change of rows.slice(i, i + 500)) {
        if (change.op !== 'upsert') continue;
        if (change.entity === 'ticket') upsertTicket.run(change.row.id, change.row.queueId, change.row.number, JSON.stringify(change.row));
        else if (change.entity === 'message') upsertMessage.run(change.row.id, change.row.ticketId, change.row.createdAt, JSON.stringify(change.row));
      }
    })();
  }
  const rawPerSecond = rows.length / ((performance.now() - started) / 1000);
  raw.close();
  rmSync(root, { recursive: true, force: true });
  const ratio = replicaPerSecond / rawPerSecond;
  return { rows: rows.length, replicaPerSecond: Math.round(replicaPerSecond), rawPerSecond: Math.round(rawPerSecond), ratio: +ratio.toFixed(2), goalRatio: 0.5, meetsGoal: ratio >= 0.5 };
}

const { result: sync, loaded } = await initialSync();
const apply = applyRate(loaded);
const report = { benchmark: 'sync-scale', date: new Date().toISOString(), machine: { node: process.version, platform: process.platform }, initialSync: sync, applyRate: apply };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/sync-scale.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
