import type { Worker } from 'node:worker_threads';
import type { DeskResult } from '../../../shared/desk-api/bridge.js';
import type { DeskEvent, DeskEventPayload } from '../../../shared/desk-api/contract.js';
import type { DeskEventListener, DeskService } from '../desk-service.js';
import type { DeskWorkerData, FromWorker, ToWorker } from './messages.js';
import { entryBeside, startWorker } from './start-worker.js';

const RESTART_DELAY_MS = 500;

/**
 * The desktop core in a worker thread. Calls are numbered and answered in any order; events are
 * re-emitted here. If the worker dies, pending calls fail with a message the console can show, and a
 * new worker opens the same replica: the outbox is on disk, so nothing the agent wrote is lost.
 */
export class WorkerDesk implements DeskService {
  private worker!: Worker;
  private readonly pending = new Map<number, (result: DeskResult) => void>();
  private readonly listeners = new Set<DeskEventListener>();
  private nextId = 1;
  private closing = false;
  private ready!: Promise<void>;

  private constructor(
    private readonly options: DeskWorkerData,
    private readonly openExternal: ((url: string) => Promise<void>) | undefined,
  ) {}

  /** `openExternal` stays on this thread (a function cannot cross to the worker); the core asks for it by message. */
  static async start({ openExternal, ...options }: DeskWorkerData & { openExternal?: (url: string) => Promise<void> }): Promise<WorkerDesk> {
    const desk = new WorkerDesk({ ...options, opensExternal: openExternal !== undefined }, openExternal);
    desk.ready = desk.spawn();
    await desk.ready;
    return desk;
  }

  /** Starts a worker and answers when its core is open; calls made meanwhile wait for that. */
  private spawn(): Promise<void> {
    const worker = startWorker(entryBeside(import.meta.url, 'desk-worker'), this.options);
    this.worker = worker;
    let opened = false;
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          opened = true;
          resolve();
        } else this.received(message);
      });
      worker.on('error', (error) => {
        console.error('shiftdesk: the desktop core failed', error);
        reject(error);
      });
    });
    worker.on('exit', (code) => {
      // A core that never opened failed its start, which the caller of start() hears of; one that
      // ran and died is started again.
      if (this.closing || !opened) return;
      this.failPending(`The desktop core stopped (exit ${code}); it is starting again.`);
      this.ready = new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS)).then(() => this.spawn());
      this.ready.catch(() => undefined);
    });
    return ready;
  }

  private received(message: FromWorker): void {
    if (message.type === 'result') {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    } else if (message.type === 'event') {
      for (const listener of this.listeners) listener(message.event as DeskEvent, message.payload as DeskEventPayload<DeskEvent>);
    } else if (message.type === 'openExternal') {
      this.openExternal?.(message.url).catch((error: unknown) => console.error('shiftdesk: the system could not open a remote-access link', error));
    }
  }

  private failPending(message: string): void {
    for (const answer of this.pending.values()) answer({ ok: false, error: { code: 'unavailable', message } });
    this.pending.clear();
  }

  async call(method: unknown, input: unknown): Promise<DeskResult> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: 'call', id, method, input } satisfies ToWorker);
    });
  }

  onEvent(listener: DeskEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lets the core close the replica cleanly, then ends the thread. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    const closed = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    await closed;
    this.listeners.clear();
  }
}
