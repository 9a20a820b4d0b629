import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Server as SocketServer, type Socket as ServerSocket } from 'socket.io';
import { launchTs, type Launched } from '../scripts/processes.js';
import { systemClock } from '../src/shared/clock.js';
import { priorities, type Ticket } from '../src/shared/domain/ticket.js';
import { socketEvents } from '../src/shared/sync/protocol.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { createSession } from '../src/server/auth/sessions.js';
import { requesters, ticketInput, ticketTemplates } from '../src/server/demo/catalog/index.js';
import { queueScope, userScope } from '../src/server/people/visibility.js';
import type { Timers } from '../src/server/scheduling/deadline-loop.js';
import { ChangeBroadcaster, type OutgoingPush } from '../src/server/sync/change-broadcast.js';
import { appendChange } from '../src/server/sync/change-log.js';
import { startTestServer } from '../src/server/testing/test-server.js';
import type { TicketChange } from '../src/server/tickets/ticket-store.js';

/**
 * Issue 4 benchmark (b), fan-out: 500 agent consoles connected from a second process, each in 2 of 10
 * queues.
 * - Latency: 200 ticket changes a second through the real ticket store, spread over the queues; the
 *   time from each commit to each member console having decoded and validated it (goal p99 ≤ 150 ms).
 * - Throughput: changes committed to the log in batches as fast as the consoles take them, against a
 *   plain socket.io broadcast of the very same events to the same rooms of the same number of sockets
 *   (goal: the sync path sustains ≥ 0.5 of the plain rate).
 * Every phase reports how busy each process and the rest of the machine were. For a CPU profile, run
 * `node --cpu-prof --import tsx bench/fanout.ts` with FANOUT_PROFILE_DIR=<dir> for the clients process.
 */
const AGENTS = Number(process.env.BENCH_FANOUT_AGENTS ?? 500);
const QUEUES = 10;
const TICKETS_PER_QUEUE = 20;
const RATE = 200;
const LATENCY_SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 10);
const LATENCY_GOAL_MS = 150;
const RATIO_GOAL = 0.5;
/** Changes per commit in the throughput phase: a burst, as an SLA recompute or a bulk action makes. */
const BATCH = 100;
const WARMUP_MS = 1000;
const MEASURE_MS = 4000;
/** Deliveries produced but not yet received, at most: enough to keep every stage busy, bounded memory. */
const WINDOW = 30_000;

const queueIds = ['general', 'billing', 'network', 'platform', 'hardware', 'accounts', 'security', 'mobile', 'onboarding', 'enterprise'].slice(0, QUEUES);
const agentQueues = (i: number) => [queueIds[i % QUEUES]!, queueIds[(i + 3) % QUEUES]!];
const membersOf = new Map(queueIds.map((q) => [q, 0]));
for (let i = 0; i < AGENTS; i++) for (const q of agentQueues(i)) membersOf.set(q, membersOf.get(q)! + 1);

const now = () => performance.timeOrigin + performance.now();
/** The SLA scheduler would wake on its own; only this bench writes during the run. */
const idleTimers: Timers = { setTimeout: () => null, clearTimeout: () => undefined };

function percentile(sorted: Float64Array | number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const round1 = (n: number) => +n.toFixed(1);

interface Stats {
  t: number;
  /** CPU the clients process has used, µs. */
  cpu: number;
  pushes: number;
  changes: number;
  gaps: number;
  duplicates: number;
  errors: number;
  disconnects: number;
}
/** The clients' counters with this process's clock and CPU at the moment they arrived. */
interface Sample extends Stats {
  serverT: number;
  serverCpu: number;
  /** CPU time the whole machine spent busy, ms, where the OS says (Linux). */
  machineBusy: number | null;
}

function machineBusyMs(): number | null {
  if (!existsSync('/proc/stat')) return null;
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // /proc/stat counts in USER_HZ, 100 a second on every Linux this runs on.
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 10;
}

/**
 * Cores' worth of CPU used between two samples (1 = one core busy throughout): by each process, and by
 * everything else on the machine (kernel work for the loopback traffic, and any other program, which
 * would skew the run).
 */
function cpuBetween(a: Sample, b: Sample) {
  const wall = b.serverT - a.serverT;
  const serverProcess = (b.serverCpu - a.serverCpu) / 1000 / wall;
  const clientsProcess = (b.cpu - a.cpu) / 1000 / (b.t - a.t);
  const machine = a.machineBusy === null || b.machineBusy === null ? null : (b.machineBusy - a.machineBusy) / wall;
  const restOfMachine = machine === null ? null : +Math.max(0, machine - serverProcess - clientsProcess).toFixed(2);
  if (restOfMachine !== null) busiestElsewhere = Math.max(busiestElsewhere, restOfMachine);
  const busiest = Math.max(serverProcess, clientsProcess);
  return {
    serverProcess: +serverProcess.toFixed(2),
    clientsProcess: +clientsProcess.toFixed(2),
    restOfMachine,
    bottleneck: busiest < 0.85 ? 'neither process' : serverProcess === busiest ? 'server process' : 'clients process',
  };
}
let busiestElsewhere = 0;

/** Another busy process on the machine skews every number here: the report says how loaded it was. */
const loadAtStart = loadavg().map((n) => +n.toFixed(2));
const work = mkdtempSync(join(tmpdir(), 'shiftdesk-fanout-'));
const server = await startTestServer({ clock: systemClock, seed: false, timers: idleTimers });
const { db, feed, tickets } = server.context;

// ── A plain socket.io server for the baseline, and the control channel to the clients process ───────
const plainHttp = createHttpServer();
const plainIo = new SocketServer(plainHttp, { serveClient: false, cors: { origin: false } });
plainIo.on('connection', (socket) => {
  const rooms: unknown = socket.handshake.auth?.rooms;
  if (Array.isArray(rooms)) void socket.join(rooms as string[]);
});
await new Promise<void>((resolve) => plainHttp.listen(0, '127.0.0.1', resolve));
const plainUrl = `http://127.0.0.1:${(plainHttp.address() as AddressInfo).port}`;
const controlConnected = new Promise<ServerSocket>((resolve) => plainIo.of('/control').once('connection', resolve));

let clients: Launched | null = null;
let control: ServerSocket | null = null;
const ask = async <T>(event: string, ...args: unknown[]): Promise<T> => {
  if (!control) throw new Error('the clients process is not connected');
  return (await control.timeout(180_000).emitWithAck(event, ...args)) as T;
};
const stats = async (): Promise<Sample> => {
  const s = await ask<Stats>('stats');
  const cpu = process.cpuUsage();
  return { ...s, serverT: now(), serverCpu: cpu.user + cpu.system, machineBusy: machineBusyMs() };
};

/** How far the clients' clock is ahead of this one: the sample with the shortest round trip bounds it best. */
async function clockOffset(): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Infinity };
  for (let i = 0; i < 30; i++) {
    const sent = now();
    const theirs = await ask<number>('clock');
    const back = now();
    if (back - sent < best.rttMs) best = { offsetMs: theirs - (sent + back) / 2, rttMs: back - sent };
  }
  return best;
}

/** Waits until the clients have received `target` (by `count`), or the time is up. */
async function drained(count: (s: Stats) => number, target: number, timeoutMs = 10_000): Promise<Sample> {
  const until = now() + timeoutMs;
  for (;;) {
    const s = await stats();
    if (count(s) >= target || now() > until) return s;
    await sleep(20);
  }
}

try {
  // ── The desk: 10 queues, 500 agents in 2 queues each, 20 tickets per queue ──────────────────────────
  const setupStarted = performance.now();
  const passwordHash = await hashPassword('shiftdesk');
  const nowIso = new Date().toISOString();
  const agentIds = Array.from({ length: AGENTS }, (_, i) => `bench-agent-${i}`);
  const ticketsByQueue = new Map<string, Ticket[]>(queueIds.map((q) => [q, []]));
  await db.transaction().execute(async (trx) => {
    for (const [i, id] of queueIds.entries()) {
      const queue = { id, name: id[0]!.toUpperCase() + id.slice(1), tier: ((i % 3) + 1) as 1 | 2 | 3 };
      await trx.insertInto('queues').values({ ...queue, created_at: nowIso }).execute();
      await appendChange(trx, { scope: 'shared', entity: 'queue', rowId: id, row: queue }, nowIso);
    }
    for (const [i, id] of agentIds.entries()) {
      const name = `Bench Agent ${i}`;
      await trx
        .insertInto('users')
        .values({ id, email: `agent${i}@bench`, name, password_hash: passwordHash, role: 'agent', tier: 1, locale: 'en', time_zone: 'UTC', created_at: nowIso })
        .execute();
      for (const queueId of agentQueues(i)) await trx.insertInto('queue_members').values({ queue_id: queueId, user_id: id }).execute();
      const agent = { id, name, role: 'agent', tier: 1, timeZone: 'UTC', queueIds: [...agentQueues(i)].sort() };
      await appendChange(trx, { scope: 'shared', entity: 'agent', rowId: id, row: agent }, nowIso);
    }
    for (let j = 0; j < TICKETS_PER_QUEUE; j++) {
      for (const [q, queueId] of queueIds.entries()) {
        const template = ticketTemplates[(j * QUEUES + q) % ticketTemplates.length]!;
        const requester = requesters[(j * QUEUES + q) % requesters.length]!;
        const { ticket } = await tickets.insert(trx, { ...ticketInput(template, requester), queueId });
        ticketsByQueue.get(queueId)!.push(ticket);
      }
    }
  });
  feed.committed();
  const tokens: string[] = [];
  for (const id of agentIds) tokens.push(await createSession(db, systemClock, id));
  const setupMs = performance.now() - setupStarted;

  const specFile = join(work, 'spec.json');
  const spec = {
    syncUrl: server.url,
    plainUrl,
    agents: agentIds.map((id, i) => ({ token: tokens[i]!, rooms: ['shared', userScope(id), ...agentQueues(i).map(queueScope)] })),
  };
  writeFileSync(specFile, JSON.stringify(spec));

  clients = launchTs(fileURLToPath(new URL('./fanout-clients.ts', import.meta.url)), { FANOUT_SPEC: specFile }, { echo: true });
  await clients.waitForLine(/fanout-clients ready/);
  control = await controlConnected;

  const connected = await ask<{ ok: boolean; sockets: number; pulledChanges: number; ms: number; error?: string }>('connectSync');
  if (!connected.ok) throw new Error(`sync sockets failed to connect: ${connected.error}`);
  const clock = await clockOffset();

  // ── Latency: 200 ticket changes a second through the ticket store ─────────────────────────────────
  // The log's head is read on a connection of its own the moment a commit is announced, so every row
  // gets the time its own commit was announced whatever else is in flight.
  const reader = new Database(join(server.dataDir, 'shiftdesk.sqlite'), { readonly: true });
  const head = reader.prepare('SELECT MAX(seq) FROM changes').pluck();
  const commits: { to: number; at: number }[] = [];
  const unsubscribe = feed.subscribe(() => commits.push({ at: now(), to: head.get() as number }));
  const rotation = Array.from({ length: TICKETS_PER_QUEUE * QUEUES }, (_, k) => ticketsByQueue.get(queueIds[k % QUEUES]!)![Math.floor(k / QUEUES)]!);
  const priorityOf = new Map(rotation.map((t) => [t.id, t.priority]));
  const firstMember = new Map(queueIds.map((q) => [q, agentIds.findIndex((_, i) => agentQueues(i).includes(q))]));
  const writeMs: number[] = [];
  const pending: Promise<void>[] = [];
  const before = await stats();
  await ask('record', true);
  const firstSeq = head.get() as number;
  const total = RATE * LATENCY_SECONDS;
  const latencyStart = now() + 20;
  let lateMs = 0;
  // Open loop: each change starts on schedule whether or not the ones before it have finished, as
  // requests from 500 agents would.
  for (let k = 0; k < total; k++) {
    const due = latencyStart + (k * 1000) / RATE;
    if (due - now() > 1) await sleep(due - now());
    lateMs = Math.max(lateMs, now() - due);
    const ticket = rotation[k % rotation.length]!;
    const agent = firstMember.get(ticket.queueId)!;
    const actor = { userId: agentIds[agent]!, name: `Bench Agent ${agent}` };
    let change: TicketChange;
    if (k % 2 === 0) {
      change = { actor, message: { body: `Internal note ${k}: checked the logs, waiting for the customer to confirm the fix on their side.`, isPublic: false, authorKind: 'agent' } };
    } else {
      const next = priorities[(priorities.indexOf(priorityOf.get(ticket.id)!) + 1) % priorities.length]!;
      priorityOf.set(ticket.id, next);
      change = { actor, priority: next };
    }
    const started = now();
    pending.push(tickets.change(ticket.id, change).then(() => void writeMs.push(now() - started)));
  }
  await Promise.all(pending);
  const writeSeconds = (now() - latencyStart) / 1000;
  const writing = await stats();
  unsubscribe();
  const rows = reader.prepare('SELECT seq, scope FROM changes WHERE seq > ? ORDER BY seq').all(firstSeq) as { seq: number; scope: string }[];
  reader.close();
  const memberCount = (scope: string) => (scope.startsWith('queue:') ? membersOf.get(scope.slice('queue:'.length))! : 0);
  const expected = rows.reduce((n, r) => n + memberCount(r.scope), 0);
  const afterLatency = await drained((s) => s.changes, before.changes + expected);
  await ask('record', false);
  const arrivalsFile = join(work, 'arrivals.bin');
  const dumped = await ask<{ recorded: number; overflow: number }>('dump', arrivalsFile);
  const raw = readFileSync(arrivalsFile);
  const arrivals = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);
  const commitOf = new Map<number, number>();
  let covered = firstSeq;
  for (const commit of commits) for (; covered < commit.to; covered++) commitOf.set(covered + 1, commit.at);
  const latencies = new Float64Array(dumped.recorded);
  let matched = 0;
  for (let i = 0; i < dumped.recorded; i++) {
    const commitAt = commitOf.get(arrivals[i * 2]!);
    if (commitAt !== undefined) latencies[matched++] = arrivals[i * 2 + 1]! - clock.offsetMs - commitAt;
  }
  const sorted = latencies.subarray(0, matched).sort();
  writeMs.sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  const latency = {
    ticketChanges: total,
    achievedChangesPerSecond: round1(total / writeSeconds),
    worstStartDelayMs: round1(lateMs),
    logRows: rows.length,
    expectedDeliveries: expected,
    deliveries: matched,
    missingDeliveries: expected - matched,
    pushes: afterLatency.pushes - before.pushes,
    gaps: afterLatency.gaps - before.gaps,
    duplicates: afterLatency.duplicates - before.duplicates,
    errors: afterLatency.errors - before.errors,
    p50Ms: round1(percentile(sorted, 50)),
    p95Ms: round1(percentile(sorted, 95)),
    p99Ms: round1(p99),
    maxMs: round1(sorted[sorted.length - 1] ?? NaN),
    changeCallP50Ms: round1(percentile(writeMs, 50)),
    changeCallP99Ms: round1(percentile(writeMs, 99)),
    cpuWhileWriting: cpuBetween(before, writing),
    clockOffsetMs: round1(clock.offsetMs),
    clockOffsetUncertaintyMs: round1(clock.rttMs / 2),
    goalP99Ms: LATENCY_GOAL_MS,
    meetsGoal: p99 <= LATENCY_GOAL_MS && matched === expected && afterLatency.gaps === before.gaps,
  };
  console.log('fanout latency', JSON.stringify(latency));

  // ── Throughput: bursts through the sync path, then the same events as a plain broadcast ───────────
  /**
   * Keeps at most WINDOW deliveries in flight, producing whenever there is room, and measures what the
   * clients receive a second after a warm-up, by the clients' own clock.
   */
  async function sustained(produce: () => Promise<number> | number, delivered: (s: Stats) => number) {
    const first = await stats();
    let latest = first;
    const samples: Sample[] = [first];
    let polling = true;
    const waiting: { wake: (() => void) | null } = { wake: null };
    const poller = (async () => {
      while (polling) {
        latest = await stats();
        samples.push(latest);
        waiting.wake?.();
        waiting.wake = null;
      }
    })();
    let produced = 0;
    const end = now() + WARMUP_MS + MEASURE_MS;
    while (now() < end) {
      if (produced - (delivered(latest) - delivered(first)) < WINDOW) produced += await produce();
      else await new Promise<void>((resolve) => (waiting.wake = resolve));
    }
    polling = false;
    await poller;
    const from = samples.find((s) => s.t >= first.t + WARMUP_MS) ?? first;
    const to = samples[samples.length - 1]!;
    const last = await drained(delivered, delivered(first) + produced);
    return {
      deliveriesPerSecond: Math.round(((delivered(to) - delivered(from)) * 1000) / (to.t - from.t)),
      pushesPerSecond: Math.round(((to.pushes - from.pushes) * 1000) / (to.t - from.t)),
      measuredMs: Math.round(to.t - from.t),
      produced,
      lost: produced - (delivered(last) - delivered(first)),
      gaps: last.gaps - first.gaps,
      errors: last.errors - first.errors,
      disconnects: last.disconnects - first.disconnects,
      cpu: cpuBetween(from, to),
    };
  }

  /**
   * One burst: BATCH log entries in one commit, the current rows of tickets, in runs of `runLength`
   * consecutive changes of one queue, each run in the queue after the last one's. The broadcaster
   * therefore sends one push per run, and the baseline can replay exactly those pushes.
   */
  const shapes = [
    { name: 'spread', runLength: 1, what: 'each push carries 1 change: a burst touching tickets all over the desk (an SLA recompute)' },
    { name: 'queueRuns', runLength: 10, what: 'each push carries 10 changes of one queue: a bulk action on a queue' },
  ];
  const current = new Map<string, Ticket>();
  for (const id of priorityOf.keys()) {
    const found = await tickets.find(queueIds, id);
    current.set(id, found!.ticket);
  }
  await ask('shareValidation', true);
  const syncRuns: { shape: (typeof shapes)[number]; result: Awaited<ReturnType<typeof sustained>>; pushes: OutgoingPush[]; changesPerPush: number }[] = [];
  for (const shape of shapes) {
    const capture: OutgoingPush[] = [];
    const capturer = new ChangeBroadcaster(db, (push) => capture.push(push));
    await capturer.start();
    let run = 0;
    let pick = 0;
    const produce = async () => {
      const at = new Date().toISOString();
      let deliveries = 0;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < BATCH; i++) {
          if (i % shape.runLength === 0) run++;
          const queueId = queueIds[run % QUEUES]!;
          const ticket = ticketsByQueue.get(queueId)![pick++ % TICKETS_PER_QUEUE]!;
          const row = { ...current.get(ticket.id)!, updatedAt: at };
          await appendChange(trx, { scope: queueScope(queueId), entity: 'ticket', rowId: row.id, row }, at);
          deliveries += membersOf.get(queueId)!;
        }
      });
      feed.committed();
      return deliveries;
    };
    const before = await stats();
    const result = await sustained(produce, (s) => s.changes);
    const after = await stats();
    await capturer.committed();
    syncRuns.push({ shape, result, pushes: capture, changesPerPush: round1((after.changes - before.changes) / (after.pushes - before.pushes)) });
    console.log(`fanout sync ${shape.name}`, JSON.stringify(result));
  }

  await ask('disconnectAll');
  const plain = await ask<{ ok: boolean; sockets: number; ms: number; error?: string }>('connectPlain');
  if (!plain.ok) throw new Error(`plain sockets failed to connect: ${plain.error}`);
  /** Replays pushes to their rooms on the plain server, a commit's worth at a time. */
  const replay = (pushes: readonly unknown[], scopes: readonly string[], runLength: number) => {
    let next = 0;
    return () => {
      let deliveries = 0;
      for (let i = 0; i < BATCH / runLength; i++) {
        const at = next++ % pushes.length;
        plainIo.to(scopes[at]!).emit(socketEvents.changes, pushes[at]);
        deliveries += runLength * memberCount(scopes[at]!);
      }
      return deliveries;
    };
  };
  const throughput = [];
  for (const { shape, result: sync, pushes, changesPerPush } of syncRuns) {
    const scopes = pushes.map((p) => p.scope);
    // The same events as a plain socket.io app would send them: the object, JSON in one text frame.
    // Plain sockets count pushes; each holds runLength changes, as the replayed pushes do.
    const events = pushes.map((p) => ({ ...p, changes: JSON.parse(p.changes.text) as unknown }));
    const baseline = await sustained(replay(events, scopes, shape.runLength), (s) => s.pushes * shape.runLength);
    console.log(`fanout plain ${shape.name}`, JSON.stringify(baseline));
    const ratio = sync.deliveriesPerSecond / baseline.deliveriesPerSecond;
    throughput.push({
      shape: shape.name,
      what: shape.what,
      changesPerCommit: BATCH,
      changesPerPush: changesPerPush,
      payloadBytesPerChange: Math.round(pushes.reduce((n, p) => n + Buffer.byteLength(p.changes.text), 0) / pushes.length / shape.runLength),
      syncPath: sync,
      plainBroadcast: baseline,
      ratio: +ratio.toFixed(2),
      goalRatio: RATIO_GOAL,
      meetsGoal: ratio >= RATIO_GOAL && sync.lost === 0 && sync.gaps === 0,
    });
  }

  const report = {
    benchmark: 'fanout',
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: cpus().length,
      loadAverageAtStart: loadAtStart,
      mostCpuElsewhereDuringAPhase: busiestElsewhere,
      ...(busiestElsewhere > 0.2 && { warning: `other programs used up to ${busiestElsewhere} cores during a phase: the numbers are skewed, run again on a quiet machine` }),
    },
    setup: {
      agents: AGENTS,
      queues: QUEUES,
      queuesPerAgent: 2,
      membersPerQueue: Math.max(...membersOf.values()),
      ticketsPerQueue: TICKETS_PER_QUEUE,
      setupMs: Math.round(setupMs),
      connectAndInitialPullMs: connected.ms,
      initialPullChanges: connected.pulledChanges,
      clientsProcess: 'bench/fanout-clients.ts: every socket in one Node process, socket.io-client over WebSocket only',
    },
    latency: {
      method:
        'tickets.change() started on a fixed schedule of 200/s (open loop: a change does not wait for the one before) over 200 tickets round-robin across the 10 queues, alternately an internal note (ticket + message rows) and a priority change (ticket row); ' +
        'latency = time a member console has parsed the push, decoded and validated its changes and checked its cursor, minus the time the change feed announced the commit; ' +
        'each side timestamps in its own process (performance.timeOrigin + now) and the two clocks are aligned by the shortest control round trip. ' +
        'All 500 consoles share one process, so their decoding queues behind one another: cpuWhileWriting shows how busy each process was',
      ...latency,
    },
    throughput: {
      method:
        `changes appended to the log (current rows of real tickets) in commits of ${BATCH}, producing whenever fewer than ${WINDOW} deliveries are in flight, for ${(WARMUP_MS + MEASURE_MS) / 1000} s; ` +
        `rate measured at the clients over the last ${MEASURE_MS / 1000} s. A delivery is one change arriving at one console. ` +
        'Sync path: commit, ChangeBroadcaster reads and splices the log, socket.io emits to each scope room; each console receives the push (socket.io parses it) and checks its cursor; each distinct push is validated (ChangesPushSchema) once in the clients process and every other delivery of it is checked to carry the same scope and seqs, because real consoles validate on machines of their own, not 500 to one core (the latency phase validates in every console). ' +
        'Plain broadcast: a separate socket.io server (default parser) with the same sockets in the same rooms emits the pushes the broadcaster built for the sync run as plain objects (the same JSON, one text frame each, same rooms), as fast as the window allows; each socket only counts what arrives (socket.io-client still parses each packet).',
      shapes: throughput,
      meetsGoal: throughput.every((t) => t.meetsGoal),
    },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/fanout.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
} finally {
  if (control) await ask('exit').catch(() => undefined);
  await clients?.stop();
  await plainIo.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
