import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { createDeskClient } from '../../src/shared/desk-api/client.js';
import type { DeskBridge } from '../../src/shared/desk-api/bridge.js';
import { countdownAt, formatDuration } from '../../src/shared/sla/countdown.js';
import { queueListingOf, queueRowsOf, type QueueListing } from '../../src/shared/queue/queue-listing.js';
import { queueRowOf, type QueueRow } from '../../src/shared/queue/queue-row.js';
import { createI18n } from '../../src/renderer/src/i18n.js';
import { createDeskServices, DeskServicesProvider, type DeskServices } from '../../src/renderer/src/services.js';
import { QueueView } from '../../src/renderer/src/features/queue/QueueView.js';
import '../../src/renderer/src/styles/base.css';
import { benchAgent, benchNow, benchQueues, generateTickets } from './tickets.js';

/**
 * The benchmark's page: the real queue (QueueView with the real stores) or a bare @tanstack/react-virtual
 * list of the same rows, chosen by ?mode=. The runner (bench/console.ts) drives it through window.bench.
 */
const mode = new URLSearchParams(location.search).get('mode') === 'bare' ? 'bare' : 'queue';
const container = document.getElementById('root')!;
const root = createRoot(container);
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
const rowsDrawn = () => container.querySelectorAll('[data-testid="queue-row"], .bare-row').length;

let listing: QueueListing | null = null;
let tickets: QueueRow[] = [];
let now = benchNow;
let services: DeskServices | null = null;
let bare: { show(rows: QueueRow[]): void; filter(keep: (ticket: QueueRow) => boolean): void; tick(now: number): void } | null = null;
/** With `prepare(n, true, true)`: answers the queue's pending tickets.list. */
let answerList: ((listing: QueueListing) => void) | null = null;
/** Whether `render` mounts the list loading, its rows to come with `deliver` (set by `prepare`). */
let viewFirst = false;
/** With the view mounted first: what the queue's store holds once tickets.list has answered. */
let arrived: Pick<ReturnType<DeskServices['queue']['getState']>, 'status' | 'tickets' | 'listedInDefaultOrder'> | null = null;

/**
 * Builds the tickets (and, for the queue, loads them into its store as tickets.list's answer would).
 * With `loadingFirst`, the store is then put back to loading and the answer kept for `deliver` (the
 * bare list is mounted empty and given its rows then): in the console the queue is on screen, saying
 * it is loading, while the replica answers.
 */
async function prepare(count: number, loadingFirst: boolean, fromListing = false): Promise<void> {
  // tickets.list's answer as the desktop core writes it (queue-rows.ts), and its rows in the order it
  // gives: the bare list gets the same rows in the same order.
  listing = queueListingOf(generateTickets(count).map(queueRowOf));
  tickets = queueRowsOf(listing);
  viewFirst = loadingFirst || fromListing;
  if (mode === 'bare') return;
  // An in-page host answering from memory, as the core answers from the replica; no IPC to time.
  const answers: Record<string, () => unknown> = {
    'session.get': () => ({ user: benchAgent, serverUrl: 'https://desk.example.test' }),
    'connection.get': () => ({ status: 'online', serverUrl: 'https://desk.example.test', lastSyncedAt: null }),
    'queues.list': () => benchQueues,
    'tickets.list': () => (fromListing ? new Promise<QueueListing>((resolve) => (answerList = resolve)) : listing),
    'views.list': () => [],
    'tickets.search': () => [],
    'escalations.mine': () => [],
    'agents.list': () => [],
  };
  const bridge: DeskBridge = {
    invoke: async (method) => (answers[method] ? { ok: true, value: answers[method]() } : { ok: false, error: { code: 'internal', message: `bench has no ${method}` } }),
    on: () => () => undefined,
  };
  const storage = new Map<string, string>();
  services = createDeskServices(createDeskClient(bridge), {
    clock: { now: () => now },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
  });
  services.session.setState({ user: benchAgent, status: 'signedIn' });
  if (fromListing) {
    // The store asks and waits, as it does while the replica answers; `deliverListing` answers.
    services.queue.getState().connect();
    services.queue.setState({ connect: () => () => undefined });
    return;
  }
  // The data is in the real store before the clock starts; the view's own connect then keeps it.
  services.queue.getState().connect();
  while (services.queue.getState().status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 10));
  services.queue.setState({ connect: () => () => undefined });
  if (viewFirst) {
    const { status, tickets: loaded, listedInDefaultOrder } = services.queue.getState();
    arrived = { status, tickets: loaded, listedInDefaultOrder };
    services.queue.setState({ status: 'loading', tickets: new Map(), listedInDefaultOrder: false });
  }
}

/** Mounts the view and times it to its first paint: with the tickets there, or (after `prepare(n, true)`) still loading. */
async function render(): Promise<number> {
  const i18n = createI18n('en');
  const started = performance.now();
  root.render(
    mode === 'bare' ? (
      <BareList tickets={viewFirst ? [] : tickets} />
    ) : (
      <I18nextProvider i18n={i18n}>
        <DeskServicesProvider services={services!}>
          <QueueView />
        </DeskServicesProvider>
      </I18nextProvider>
    ),
  );
  await afterPaint();
  return performance.now() - started;
}

/**
 * The list's answer reaches the mounted view: timed to the first paint of its rows. The bare list
 * renders at once, as the queue does: a zustand update is a synchronous React update, a useState one
 * outside an event waits for the scheduler, and when a frame came first the clock stopped before the
 * bare rows were laid out or painted.
 */
async function deliver(): Promise<number> {
  const started = performance.now();
  if (mode === 'bare') flushSync(() => bare!.show(tickets));
  else services!.queue.setState(arrived!);
  await afterPaint();
  return performance.now() - started;
}

/**
 * tickets.list's answer reaching the loading view from the host: its structured clone (both halves,
 * though the serializing one runs on the host's thread, not the window's), the rows read out of its
 * columns, and the first paint of the rows. The bare list is given the same answer the same way.
 */
async function deliverListing(): Promise<number> {
  const started = performance.now();
  if (mode === 'bare') {
    const rows = queueRowsOf(structuredClone(listing!));
    flushSync(() => bare!.show(rows));
  } else {
    const store = services!.queue;
    const ready = new Promise<void>((resolve) => {
      const stop = store.subscribe((state) => {
        if (state.status !== 'ready') return;
        stop();
        resolve();
      });
    });
    answerList!(structuredClone(listing!));
    await ready;
  }
  await afterPaint();
  if (rowsDrawn() === 0) throw new Error('the list drew no rows from the listing');
  return performance.now() - started;
}

/** The filter that leaves 5 %: only social-media tickets (the bare list at once, as in `deliver`). */
async function filter(): Promise<number> {
  const started = performance.now();
  if (mode === 'bare') flushSync(() => bare!.filter((ticket) => ticket.channel === 'social'));
  else services!.queue.getState().setFilter('channel', ['social']);
  await afterPaint();
  return performance.now() - started;
}

function clearFilter(): Promise<void> {
  if (mode === 'bare') bare!.filter(() => true);
  else services!.queue.getState().clearFilters();
  return afterPaint();
}

/** One per-second tick of the countdowns, rendered and committed synchronously: its script time. */
function tick(): number {
  now += 1000;
  const started = performance.now();
  flushSync(() => {
    if (mode === 'bare') bare!.tick(now);
    else services!.ticker.store.setState({ now });
  });
  return performance.now() - started;
}

function visibleCount(): string {
  return container.querySelector('[data-testid="queue-count"]')?.textContent ?? container.querySelector('.bare-count')?.textContent ?? '';
}

function BareList({ tickets: first }: { tickets: QueueRow[] }) {
  const [all, setAll] = useState(first);
  const [rows, setRows] = useState(first);
  const [clockNow, setClockNow] = useState(now);
  const parentRef = useRef<HTMLDivElement>(null);
  bare = {
    show: (shown) => {
      setAll(shown);
      setRows(shown);
    },
    filter: (keep) => setRows(all.filter(keep)),
    tick: setClockNow,
  };
  // A bare list, as the library's documentation writes it.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => 28, overscan: 5 });
  return (
    <div style={{ display: 'grid', gridTemplateRows: 'minmax(0, 1fr) auto', height: '100vh' }}>
      <div ref={parentRef} style={{ overflow: 'auto' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const ticket = rows[item.index]!;
            const countdown = countdownAt(ticket.sla, clockNow);
            return (
              <div key={item.key} className="bare-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: 28, transform: `translateY(${item.start}px)`, display: 'flex', gap: 8 }}>
                <span>#{ticket.number}</span>
                <span style={{ flex: 1 }}>{ticket.subject}</span>
                <span>{ticket.requesterName}</span>
                <span>{ticket.channel}</span>
                <span>{ticket.priority}</span>
                <span>{ticket.status}</span>
                <span>{countdown.state === 'running' || countdown.state === 'breached' ? formatDuration(countdown.remainingMs) : countdown.state}</span>
              </div>
            );
          })}
        </div>
      </div>
      <span className="bare-count">{rows.length}</span>
    </div>
  );
}

declare global {
  interface Window {
    bench: unknown;
    gc?: () => void;
  }
}

window.bench = { mode, prepare, render, deliver, deliverListing, filter, clearFilter, tick, rowsDrawn, visibleCount };
