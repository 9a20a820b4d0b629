import type { Worker } from 'node:worker_threads';
import type { StoredChange } from '../replica/stored-change.js';
import type { ChangeDecoder } from '../sync/change-decoder.js';
import { entryBeside, startWorker } from './start-worker.js';

export interface DecodeRequest {
  id: number;
  bytes: Uint8Array;
}

export type DecodeReply = { id: number; ok: true; changes: StoredChange[] } | { id: number; ok: false; message: string };

/**
 * Decodes pages in a thread of its own, so that on a first sync one page is parsed and validated while
 * the replica writes the one before: the two halves of applying a page take about as long as each
 * other. The thread starts on first use and again after it dies; a page it was decoding then fails,
 * and the sync round that asked for it retries.
 */
export class ThreadDecoder implements ChangeDecoder {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(changes: StoredChange[]): void; reject(error: Error): void }>();
  private nextId = 1;

  decode(bytes: Uint8Array): Promise<StoredChange[]> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // A received page may be a view into a larger pooled buffer: copied, it can be moved, not cloned.
    const own = bytes.slice();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, bytes: own } satisfies DecodeRequest, [own.buffer]);
    });
  }

  private start(): Worker {
    const worker = startWorker(entryBeside(import.meta.url, 'decoder-worker'), null);
    // Idle, it must not keep the core's thread alive.
    worker.unref();
    worker.on('message', (reply: DecodeReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.changes);
      else waiting?.reject(new Error(reply.message));
    });
    worker.on('error', () => undefined);
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(new Error(`the change decoder stopped (exit ${code})`));
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
