import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Replica } from '../../src/main/core/replica/replica.js';
import { storedChange } from '../../src/main/core/replica/stored-change.js';
import type { Ticket } from '../../src/shared/domain/ticket.js';
import { inDefaultQueueOrder } from '../../src/shared/queue/queue-order.js';
import { median } from '../median.js';

export interface ListPathTiming {
  /** The replica's listTickets: SQLite read, JSON parse and schema check of every row. */
  replicaReadMs: number;
  /** inDefaultQueueOrder, which the core's tickets.list handler runs on the read. */
  orderMs: number;
  /** One structured-clone hop of the answer (serialize, then deserialize on the other side). */
  cloneHopMs: number;
  /** The answer's size as a structured clone. */
  answerMb: number;
  /** Worker to host thread, then host to window (Electron IPC): two hops of the same answer. */
  hops: number;
  /** Read, order and both hops: how long after the replica has the tickets the window has them. */
  totalMs: number;
}

/**
 * What the page-side timings leave out: tickets.list from a replica holding the same tickets, as the
 * desktop core answers it, and the two structured-clone hops the answer makes to reach the window
 * (worker_threads postMessage and Electron's IPC both use V8's serializer, which node:v8 exposes).
 * The hops are timed in Node because Electron cannot run here; the deserializing half runs on the
 * receiving thread, the window's main thread for the second hop.
 */
export function measureListPath(tickets: readonly Ticket[], runs: number): ListPathTiming {
  const root = mkdtempSync(join(tmpdir(), 'shiftdesk-list-path-'));
  const replica = new Replica(join(root, 'replica.sqlite'));
  try {
    const bulk = replica.beginBulkLoad();
    for (let i = 0; i < tickets.length; i += 5000) {
      const page = tickets.slice(i, i + 5000).map((row, offset) => storedChange({ seq: i + offset + 1, scope: `queue:${row.queueId}`, entity: 'ticket', op: 'upsert', row }));
      replica.applyPull(page, { bench: i + page.length }, null);
    }
    if (bulk) replica.endBulkLoad();
    const samples: Omit<ListPathTiming, 'hops' | 'totalMs'>[] = [];
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const read = replica.listTickets();
      const replicaReadMs = performance.now() - started;
      started = performance.now();
      const answer = inDefaultQueueOrder(read);
      const orderMs = performance.now() - started;
      started = performance.now();
      const bytes = serialize(answer);
      deserialize(bytes);
      samples.push({ replicaReadMs, orderMs, cloneHopMs: performance.now() - started, answerMb: bytes.length / 1024 / 1024 });
    }
    const timing = { replicaReadMs: median(samples.map((s) => s.replicaReadMs)), orderMs: median(samples.map((s) => s.orderMs)), cloneHopMs: median(samples.map((s) => s.cloneHopMs)), answerMb: samples[0]!.answerMb, hops: 2 };
    return { ...timing, totalMs: timing.replicaReadMs + timing.orderMs + timing.hops * timing.cloneHopMs };
  } finally {
    replica.close();
    rmSync(root, { recursive: true, force: true });
  }
}
