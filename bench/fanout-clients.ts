import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { ChangesPushSchema, decodeChanges, socketEvents, type Acked, type ChangesPush, type Cursors, type PullWireReply } from '../src/shared/sync/protocol.js';

/**
 * The agents' side of bench/fanout.ts, run in a process of its own: hundreds of console sockets in one
 * event loop. Sync sockets do what a console does with a push (validate it, check the scope's cursor
 * and advance it; no replica write); plain sockets only receive.
 * The bench drives this process over a control socket and reads its counters.
 */
interface Spec {
  syncUrl: string;
  plainUrl: string;
  agents: { token: string; rooms: string[] }[];
}

const spec = JSON.parse(readFileSync(process.env.FANOUT_SPEC!, 'utf8')) as Spec;
const now = () => performance.timeOrigin + performance.now();

const counters = { pushes: 0, changes: 0, gaps: 0, duplicates: 0, errors: 0, disconnects: 0 };

/** (seq, arrival time) of every change a sync socket decoded while recording: the latency phase's raw data. */
const CAPACITY = 2_000_000;
const arrivals = new Float64Array(CAPACITY * 2);
let recorded = 0;
let overflow = 0;
let recording = false;

/**
 * Set for the throughput phase. A real console validates a push on its own machine; here 500 of them
 * share one core, and validating the same push 100 times over measured this process, not the sync
 * path (10-change pushes peaked at 68,000 deliveries/s with the server 78% idle). So a push is
 * validated fully once per process, and every other delivery of it is checked to carry the same scope
 * and seqs; the cursor check stays per console.
 */
let shareValidation = false;
const validated = new Map<string, ChangesPush>();
const PushSeqsSchema = z.object({ scope: z.string(), lastSeq: z.number(), changes: z.array(z.object({ seq: z.number() })) });

function validateOnce(raw: unknown): ChangesPush {
  const seqs = PushSeqsSchema.parse(raw);
  const seen = validated.get(`${seqs.scope}:${seqs.lastSeq}`);
  if (seen && seen.changes.length === seqs.changes.length && seen.changes.every((c, i) => c.seq === seqs.changes[i]!.seq)) return seen;
  const push = ChangesPushSchema.parse(raw);
  if (validated.size > 10_000) validated.clear();
  validated.set(`${push.scope}:${push.lastSeq}`, push);
  return push;
}

let syncSockets: Socket[] = [];
let plainSockets: Socket[] = [];

function open(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function inParallel<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Signs in, pulls everything the agent may see (as a console does on connect), then applies pushes. */
async function connectSync(agent: Spec['agents'][number]): Promise<{ socket: Socket; pulled: number }> {
  const socket = await open(spec.syncUrl, { token: agent.token });
  let cursors: Cursors = {};
  let pulled = 0;
  for (;;) {
    const reply = (await socket.timeout(60_000).emitWithAck(socketEvents.pull, { cursors, limit: 5000 })) as Acked<PullWireReply>;
    if (!reply.ok) throw new Error(`pull failed: ${reply.error.message}`);
    pulled += decodeChanges(reply.value.changes).length;
    cursors = reply.value.cursors;
    if (!reply.value.hasMore) break;
  }
  const held = new Map(Object.entries(cursors));
  socket.on(socketEvents.changes, (raw: unknown) => {
    try {
      const push = shareValidation ? validateOnce(raw) : ChangesPushSchema.parse(raw);
      const changes = push.changes;
      const at = now();
      const cursor = held.get(push.scope);
      counters.pushes++;
      counters.changes += changes.length;
      // What Replica.applyPushed decides: a gap (or an unknown scope) would make the console pull.
      if (cursor === undefined || cursor < push.prevSeq) counters.gaps++;
      else if (cursor >= push.lastSeq) counters.duplicates++;
      held.set(push.scope, Math.max(cursor ?? 0, push.lastSeq));
      if (recording) {
        for (const change of changes) {
          if (recorded === CAPACITY) {
            overflow++;
            continue;
          }
          arrivals[recorded * 2] = change.seq;
          arrivals[recorded * 2 + 1] = at;
          recorded++;
        }
      }
    } catch {
      counters.errors++;
    }
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') counters.disconnects++;
  });
  return { socket, pulled };
}

/** A plain socket counts what arrives and nothing more. */
async function connectPlain(agent: Spec['agents'][number]): Promise<Socket> {
  const socket = await open(spec.plainUrl, { rooms: agent.rooms });
  socket.on(socketEvents.changes, () => {
    counters.pushes++;
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') counters.disconnects++;
  });
  return socket;
}

function closeAll(sockets: Socket[]): void {
  for (const socket of sockets) {
    socket.removeAllListeners();
    socket.disconnect();
  }
}

/** FANOUT_PROFILE_DIR set: this process writes a CPU profile there when told to exit. */
const profileDir = process.env.FANOUT_PROFILE_DIR;
const profiler = profileDir ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}

type Ack = (value: unknown) => void;
const control = io(`${spec.plainUrl}/control`, { transports: ['websocket'], reconnection: false });

control.on('clock', (ack: Ack) => ack(now()));
control.on('stats', (ack: Ack) => {
  const cpu = process.cpuUsage();
  ack({ t: now(), cpu: cpu.user + cpu.system, ...counters });
});
control.on('connectSync', async (ack: Ack) => {
  const started = now();
  try {
    const opened = await inParallel(spec.agents, 50, connectSync);
    syncSockets = opened.map((o) => o.socket);
    ack({ ok: true, sockets: syncSockets.length, pulledChanges: opened.reduce((n, o) => n + o.pulled, 0), ms: Math.round(now() - started) });
  } catch (error) {
    ack({ ok: false, error: String(error) });
  }
});
control.on('connectPlain', async (ack: Ack) => {
  const started = now();
  try {
    plainSockets = await inParallel(spec.agents, 50, connectPlain);
    ack({ ok: true, sockets: plainSockets.length, ms: Math.round(now() - started) });
  } catch (error) {
    ack({ ok: false, error: String(error) });
  }
});
control.on('disconnectAll', (ack: Ack) => {
  closeAll(syncSockets);
  closeAll(plainSockets);
  syncSockets = [];
  plainSockets = [];
  ack(true);
});
control.on('record', (on: boolean, ack: Ack) => {
  recording = on;
  if (on) recorded = overflow = 0;
  ack(true);
});
control.on('shareValidation', (on: boolean, ack: Ack) => {
  shareValidation = on;
  validated.clear();
  ack(true);
});
control.on('dump', (file: string, ack: Ack) => {
  writeFileSync(file, arrivals.subarray(0, recorded * 2));
  ack({ recorded, overflow });
});
control.on('exit', async (ack: Ack) => {
  closeAll(syncSockets);
  closeAll(plainSockets);
  if (profiler && profileDir) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(join(profileDir, `fanout-clients-${process.pid}.cpuprofile`), JSON.stringify(profile));
  }
  ack(true);
  setTimeout(() => process.exit(0), 50);
});
control.on('disconnect', () => process.exit(0));
control.on('connect', () => console.log('fanout-clients ready'));
control.on('connect_error', (error) => {
  console.error('fanout-clients: no control connection', error);
  process.exit(1);
});
