import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { TicketDetail, Ticket } from '../../../../shared/domain/ticket.js';
import type { Queue } from '../../../../shared/domain/people.js';

export interface QueueState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: unknown;
  /** The last failed re-read of changed tickets; cleared by the next one that succeeds. */
  refreshError: unknown;
  tickets: ReadonlyMap<string, Ticket>;
  queues: readonly Queue[];
  /** null shows every queue the agent can see. */
  queueFilter: string | null;
  /** Loads tickets and queues and follows their change events; returns the disconnect. */
  connect(): () => void;
  /** Lists everything again, e.g. after a failed first load. */
  reload(): void;
  setQueueFilter(queueId: string | null): void;
}

export type QueueStore = StoreApi<QueueState>;

type TicketRead =
  | { id: string; read: number; ok: true; detail: TicketDetail | null }
  | { id: string; read: number; ok: false; error: unknown };

const readBatchSize = 50;

const disconnected = {
  status: 'idle',
  loadError: null,
  refreshError: null,
  tickets: new Map<string, Ticket>(),
  queues: [] as readonly Queue[],
  queueFilter: null,
} as const satisfies Partial<QueueState>;

/**
 * The agent's tickets as the replica has them. The core says which rows changed; only those are read
 * again, so a busy queue never reloads wholesale on every change.
 */
export function createQueueStore(client: DeskClient): QueueStore {
  // Bumped on every connect and disconnect: answers meant for an earlier session are dropped.
  let session = 0;
  let connected = false;
  // Ids that changed while the full list was in flight; re-read once it lands, since it may predate them.
  let changedDuringList: Set<string> | null = null;
  // Per ticket, the newest read asked for: an older answer arriving late must not overwrite a newer one.
  let readCount = 0;
  const newestRead = new Map<string, number>();
  let newestQueuesRead = 0;

  return createStore<QueueState>()((set, get) => {
    async function readTickets(ids: readonly string[], forSession: number): Promise<void> {
      const unique = [...new Set(ids)];
      // In batches: a catch-up after a night offline can name thousands of tickets at once.
      for (let start = 0; start < unique.length; start += readBatchSize) {
        if (forSession !== session) return;
        await readBatch(unique.slice(start, start + readBatchSize), forSession);
      }
    }

    async function readBatch(ids: readonly string[], forSession: number): Promise<void> {
      const reads = ids.map((id): Promise<TicketRead> => {
        const read = ++readCount;
        newestRead.set(id, read);
        return client.call('tickets.get', { id }).then(
          (detail) => ({ id, read, ok: true, detail }),
          (error: unknown) => ({ id, read, ok: false, error }),
        );
      });
      const results = await Promise.all(reads);
      if (forSession !== session) return;
      set((state) => {
        let tickets: Map<string, Ticket> | null = null;
        let refreshError: unknown = null;
        for (const result of results) {
          if (newestRead.get(result.id) !== result.read) continue;
          newestRead.delete(result.id);
          if (!result.ok) {
            refreshError = result.error; // keep the row we have; a stale row beats a vanished one
            continue;
          }
          tickets ??= new Map(state.tickets);
          if (result.detail) tickets.set(result.id, result.detail.ticket);
          else tickets.delete(result.id); // gone, or moved to a queue this agent cannot see
        }
        return tickets ? { tickets, refreshError } : { refreshError };
      });
    }

    async function readQueues(forSession: number): Promise<void> {
      const read = ++newestQueuesRead;
      try {
        const queues = await client.call('queues.list', {});
        if (forSession !== session || read !== newestQueuesRead) return;
        const { queueFilter } = get();
        const filterStillExists = queueFilter === null || queues.some((queue) => queue.id === queueFilter);
        set({ queues, queueFilter: filterStillExists ? queueFilter : null });
      } catch (error) {
        if (forSession === session && read === newestQueuesRead) set({ refreshError: error });
      }
    }

    async function listAll(forSession: number): Promise<void> {
      changedDuringList = new Set();
      set({ status: 'loading', loadError: null });
      const queuesRead = readQueues(forSession);
      try {
        const tickets = await client.call('tickets.list', {});
        if (forSession !== session) return;
        const changed = changedDuringList;
        changedDuringList = null;
        set({ status: 'ready', tickets: new Map(tickets.map((ticket) => [ticket.id, ticket])) });
        if (changed.size > 0) await readTickets([...changed], forSession);
      } catch (error) {
        if (forSession !== session) return;
        changedDuringList = null;
        set({ status: 'error', loadError: error });
      }
      await queuesRead;
    }

    return {
      ...disconnected,
      connect() {
        const mySession = ++session;
        connected = true;
        newestRead.clear();
        const offTickets = client.on('tickets.changed', ({ ids }) => {
          if (changedDuringList) ids.forEach((id) => changedDuringList?.add(id));
          else void readTickets(ids, mySession);
        });
        const offQueues = client.on('queues.changed', () => void readQueues(mySession));
        void listAll(mySession);
        return () => {
          offTickets();
          offQueues();
          if (session !== mySession) return;
          session++;
          connected = false;
          changedDuringList = null;
          set({ ...disconnected, tickets: new Map() });
        };
      },
      reload() {
        if (connected) void listAll(session);
      },
      setQueueFilter(queueFilter) {
        set({ queueFilter });
      },
    };
  });
}

export function ticketsInView(tickets: ReadonlyMap<string, Ticket>, queueFilter: string | null): Ticket[] {
  const all = [...tickets.values()];
  return queueFilter === null ? all : all.filter((ticket) => ticket.queueId === queueFilter);
}

export function countByQueue(tickets: ReadonlyMap<string, Ticket>): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const ticket of tickets.values()) counts.set(ticket.queueId, (counts.get(ticket.queueId) ?? 0) + 1);
  return counts;
}
