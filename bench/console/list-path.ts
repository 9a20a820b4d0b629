import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Replica } from '../../src/main/core/replica/replica.js';
import { storedChange } from '../../src/main/core/replica/stored-change.js';
import type { Ticket } from '../../src/shared/domain/ticket.js';
import { median } from '../median.js';

export interface ListPathTiming {
  /** The replica's queue rows as tickets.list answers them: SQLite's columns and the default order. */
  listingMs: number;
  /** One structured-clone hop of the answer, worker thread to host (serialize, then deserialize). */
  cloneHopMs: number;
  /** The answer's size as a structured clone. */
  answerMb: number;
}

/**
 * The core's half of the way from the replica to the window: tickets.list from a replica holding the
 * same tickets, as the desktop core answers it, and the first of the answer's two structured-clone
 * hops (worker_threads postMessage uses V8's serializer, which node:v8 exposes). The second hop, host
 * to window over Electron's IPC, is timed in the page with the rows' decoding and the render
 * (bench/console.ts, `fromListingMs`): Electron cannot run here.
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
    const samples: ListPathTiming[] = [];
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const answer = replica.queueRows.listing();
      const listingMs = performance.now() - started;
      if (answer.count !== tickets.length) throw new Error(`the replica listed ${answer.count} of ${tickets.length} tickets`);
      started = performance.now();
      const bytes = serialize(answer);
      deserialize(bytes);
      samples.push({ listingMs, cloneHopMs: performance.now() - started, answerMb: bytes.length / 1024 / 1024 });
    }
    return { listingMs: median(samples.map((s) => s.listingMs)), cloneHopMs: median(samples.map((s) => s.cloneHopMs)), answerMb: samples[0]!.answerMb };
  } finally {
    replica.close();
    rmSync(root, { recursive: true, force: true });
  }
}
