import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { TicketDetail } from '../../../../shared/domain/ticket.js';
import { queueRowsOf } from '../../../../shared/queue/queue-listing.js';
import { queueRowOf, type QueueRow } from '../../../../shared/queue/queue-row.js';
import type { Queue } from '../../../../shared/domain/people.js';
import type { LocalSavedView } from '../../../../shared/desk-api/view-methods.js';
import type { QueueFilters, QueueSort, QueueViewSpec } from '../../../../shared/queue/queue-view.js';
import { allTicketsSpec, builtInViews, normalized, type BuiltInViewId } from './queue-model.js';

/** Which view the agent chose: every ticket, a built-in view, one of their own, or one queue. */
export type ViewKey = 'all' | `builtin:${BuiltInViewId}` | `saved:${string}` | `queue:${string}`;

export interface SearchResult {
  query: string;
  ids: ReadonlySet<string>;
  /** The search found more than it could list: the queue shows the best matches. */
  capped: boolean;
}

export interface QueueState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: unknown;
  /** The last failed re-read of changed tickets; cleared by the next one that succeeds. */
  refreshError: unknown;
  tickets: ReadonlyMap<string, QueueRow>;
  /**
   * `tickets` is still in the order the core listed it, the queue's default order (tickets.list):
   * the first sort can take it as it is. The first changed ticket ends it.
   */
  listedInDefaultOrder: boolean;
  queues: readonly Queue[];
  /** What the table shows: the chosen view's filters, order and search, as the agent has changed them since. */
  spec: QueueViewSpec;
  view: ViewKey;
  savedViews: readonly LocalSavedView[];
  /** The full-text search's answer for `spec.search` (null while there is no search). */
  search: SearchResult | null;
  /** Answers for the saved views' own searches, by query, so their counts are right. */
  viewSearches: ReadonlyMap<string, ReadonlySet<string>>;
  /** Loads tickets and queues and follows their change events; returns the disconnect. */
  connect(): () => void;
  /** Lists everything again, e.g. after a failed first load. */
  reload(): void;
  chooseView(view: ViewKey): void;
  setFilter<K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void;
  clearFilters(): void;
  setSort(sort: QueueSort): void;
  setSearch(text: string): void;
  /** Saves the table's spec as a view of the agent's (a new one without `id`), and shows it. */
  saveView(view: { id?: string; name: string }): Promise<string>;
  renameView(id: string, name: string): Promise<void>;
  deleteView(id: string): Promise<void>;
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
  tickets: new Map<string, QueueRow>(),
  listedInDefaultOrder: false,
  queues: [] as readonly Queue[],
  spec: allTicketsSpec,
  view: 'all',
  savedViews: [] as readonly LocalSavedView[],
  search: null,
  viewSearches: new Map<string, ReadonlySet<string>>(),
} as const satisfies Partial<QueueState>;

export const SEARCH_LIMIT = 10_000;
const searchDelayMs = 150;

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
        let tickets: Map<string, QueueRow> | null = null;
        let refreshError: unknown = null;
        for (const result of results) {
          if (newestRead.get(result.id) !== result.read) continue;
          newestRead.delete(result.id);
          if (!result.ok) {
            refreshError = result.error; // keep the row we have; a stale row beats a vanished one
            continue;
          }
          tickets ??= new Map(state.tickets);
          if (result.detail) tickets.set(result.id, queueRowOf(result.detail.ticket));
          else tickets.delete(result.id); // gone, or moved to a queue this agent cannot see
        }
        return tickets ? { tickets, listedInDefaultOrder: false, refreshError } : { refreshError };
      });
    }

    async function readQueues(forSession: number): Promise<void> {
      const read = ++newestQueuesRead;
      try {
        const queues = await client.call('queues.list', {});
        if (forSession !== session || read !== newestQueuesRead) return;
        const { view } = get();
        const gone = view.startsWith('queue:') && !queues.some((queue) => `queue:${queue.id}` === view);
        set(gone ? { queues, view: 'all', spec: allTicketsSpec } : { queues });
      } catch (error) {
        if (forSession === session && read === newestQueuesRead) set({ refreshError: error });
      }
    }

    let newestViewsRead = 0;
    async function readViews(forSession: number): Promise<void> {
      const read = ++newestViewsRead;
      try {
        const savedViews = await client.call('views.list', {});
        if (forSession !== session || read !== newestViewsRead) return;
        const { view } = get();
        const gone = view.startsWith('saved:') && !savedViews.some((saved) => `saved:${saved.id}` === view);
        set(gone ? { savedViews, view: 'all', spec: allTicketsSpec } : { savedViews });
        searches.soon(forSession);
      } catch (error) {
        if (forSession === session && read === newestViewsRead) set({ refreshError: error });
      }
    }

    const searches = searchRunner(client, get, (patch) => set(patch), (forSession) => forSession === session);

    async function listAll(forSession: number): Promise<void> {
      changedDuringList = new Set();
      set({ status: 'loading', loadError: null });
      const queuesRead = readQueues(forSession);
      try {
        const listing = await client.call('tickets.list', {});
        if (forSession !== session) return;
        const tickets = queueRowsOf(listing);
        const changed = changedDuringList;
        changedDuringList = null;
        set({ status: 'ready', tickets: byId(tickets), listedInDefaultOrder: true });
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
          // A changed ticket may now match (or no longer match) a search: asked again, at most once a second.
          searches.soon(mySession);
        });
        const offQueues = client.on('queues.changed', () => void readQueues(mySession));
        const offViews = client.on('views.changed', () => void readViews(mySession));
        void listAll(mySession);
        void readViews(mySession);
        return () => {
          offTickets();
          offQueues();
          offViews();
          searches.cancel();
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
      chooseView(view) {
        const spec = specOf(view, get().savedViews);
        if (!spec) return;
        set({ view, spec });
        searches.now(session);
      },
      setFilter(key, value) {
        set((state) => ({ spec: { ...state.spec, filters: { ...state.spec.filters, [key]: value } } }));
      },
      clearFilters() {
        set((state) => ({ spec: { ...state.spec, filters: {} } }));
      },
      setSort(sort) {
        set((state) => ({ spec: { ...state.spec, sort } }));
      },
      setSearch(text) {
        set((state) => ({ spec: { ...state.spec, search: text } }));
        searches.later(session);
      },
      async saveView({ id, name }) {
        const { spec } = get();
        const saved = await client.call('views.save', { ...normalized(spec), ...(id ? { id } : {}), name });
        await readViews(session);
        set({ view: `saved:${saved.id}` });
        return saved.id;
      },
      async renameView(id, name) {
        const saved = get().savedViews.find((view) => view.id === id);
        if (!saved) return;
        await client.call('views.save', { id, name, filters: saved.filters, sort: saved.sort, search: saved.search });
        await readViews(session);
      },
      async deleteView(id) {
        await client.call('views.delete', { id });
        if (get().view === `saved:${id}`) set({ view: 'all', spec: allTicketsSpec });
        await readViews(session);
      },
    };
  });
}

/** The spec a view starts from; null for a saved view that is not (or no longer) there. */
export function specOf(view: ViewKey, savedViews: readonly LocalSavedView[]): QueueViewSpec | null {
  if (view === 'all') return allTicketsSpec;
  if (view.startsWith('queue:')) return { ...allTicketsSpec, filters: { queue: [view.slice('queue:'.length)] } };
  if (view.startsWith('builtin:')) return builtInViews[view.slice('builtin:'.length) as BuiltInViewId] ?? null;
  const saved = savedViews.find((candidate) => `saved:${candidate.id}` === view);
  return saved ? { filters: saved.filters, sort: saved.sort, search: saved.search } : null;
}

/**
 * Runs the full-text searches the queue needs (the table's, and each saved view's for its count)
 * against the replica. Typing waits a moment before asking; changes to tickets ask again at most once
 * a second; only the newest answer for the table's search lands.
 */
function searchRunner(client: DeskClient, get: () => QueueState, set: (patch: Partial<QueueState>) => void, isCurrent: (session: number) => boolean) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let newest = 0;
  async function run(forSession: number): Promise<void> {
    timer = undefined;
    const read = ++newest;
    const { spec, savedViews } = get();
    const queries = [...new Set([spec.search, ...savedViews.map((view) => view.search)].map((q) => q.trim()).filter((q) => q !== ''))];
    try {
      const answers = new Map<string, string[]>();
      for (const query of queries) answers.set(query, await client.call('tickets.search', { query, limit: SEARCH_LIMIT }));
      if (read !== newest || !isCurrent(forSession)) return;
      const query = get().spec.search.trim();
      const ids = answers.get(query);
      set({
        search: query === '' || !ids ? null : { query, ids: new Set(ids), capped: ids.length >= SEARCH_LIMIT },
        viewSearches: new Map([...answers].map(([q, found]) => [q, new Set(found)])),
      });
    } catch (error) {
      if (read === newest) set({ refreshError: error });
    }
  }
  const schedule = (forSession: number, delay: number) => {
    if (timer !== undefined && delay > 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(forSession), delay);
  };
  return {
    now: (forSession: number) => schedule(forSession, 0),
    later: (forSession: number) => {
      clearTimeout(timer);
      timer = undefined;
      schedule(forSession, searchDelayMs);
    },
    soon: (forSession: number) => schedule(forSession, 1000),
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
      newest++;
    },
  };
}

export function countByQueue(tickets: ReadonlyMap<string, QueueRow>): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const ticket of tickets.values()) counts.set(ticket.queueId, (counts.get(ticket.queueId) ?? 0) + 1);
  return counts;
}

/** The listed tickets by id, without a pair array per ticket: 100,000 of those were a tenth of the way from the answer to the first paint. */
function byId(tickets: readonly QueueRow[]): Map<string, QueueRow> {
  const map = new Map<string, QueueRow>();
  for (const ticket of tickets) map.set(ticket.id, ticket);
  return map;
}
