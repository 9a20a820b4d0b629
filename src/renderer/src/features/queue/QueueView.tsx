import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../shared/queue/queue-row.js';
import type { Queue } from '../../../../shared/domain/people.js';
import type { LocalSavedView } from '../../../../shared/desk-api/view-methods.js';
import type { QueueViewSpec } from '../../../../shared/queue/queue-view.js';
import { useDeskServices, useQueue, useSession, useTicketPane } from '../../services.js';
import { errorMessage } from '../../ui/format.js';
import { builtInViewIds, builtInViews, everyTicket, sameSpec, ticketFilter, type Check, type FilterContext, type SortContext } from './queue-model.js';
import { specOf, type ViewKey } from './queue-store.js';
import { QueueTable } from './QueueTable.js';
import { QueueFiltersPanel, activeFilterCount } from './QueueFiltersPanel.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { ViewNameDialog } from './ViewNameDialog.js';
import { useQueueKeys } from './use-queue-keys.js';
import { countWhenIdle } from './count-when-idle.js';
import { createSortCache, useEscalatedToMe, useSlaNow } from './queue-hooks.js';
import './queue.css';

export function QueueView() {
  const { queue, ticketPane } = useDeskServices();
  const { t } = useTranslation('queue');
  useEffect(() => queue.getState().connect(), [queue]);

  const status = useQueue((state) => state.status);
  const loadError = useQueue((state) => state.loadError);
  const refreshError = useQueue((state) => state.refreshError);
  const tickets = useQueue((state) => state.tickets);
  const queues = useQueue((state) => state.queues);
  const spec = useQueue((state) => state.spec);
  const search = useQueue((state) => state.search);
  const openId = useTicketPane((state) => state.openId);
  const myId = useSession((session) => session.user?.id ?? null);
  const slaNow = useSlaNow();
  const escalatedToMe = useEscalatedToMe(myId);

  const [sortCache] = useState(createSortCache);
  const sortContext = useMemo<SortContext>(() => ({ queueOrder: new Map([...queues].sort((a, b) => a.name.localeCompare(b.name)).map((q, index) => [q.id, index])) }), [queues]);
  const listedInDefaultOrder = useQueue((state) => state.listedInDefaultOrder);
  const sorted = useMemo(() => sortCache(tickets, spec.sort, sortContext, listedInDefaultOrder), [sortCache, tickets, spec.sort, sortContext, listedInDefaultOrder]);
  // The slow clock and the escalations matter only to the filters that use them: otherwise the
  // table is not filtered again when they change.
  const usesSla = (spec.filters.sla?.length ?? 0) > 0;
  const filterNow = usesSla ? slaNow : 0;
  const filterEscalations = spec.filters.escalatedToMe ? escalatedToMe : emptySet;
  const searching = spec.search.trim() !== '';
  const searchIds = searching ? (search?.ids ?? null) : null;
  const check = useMemo(
    () => ticketFilter(spec.filters, { myId, slaNow: filterNow, escalatedToMe: filterEscalations, searchIds }),
    [spec.filters, myId, filterNow, filterEscalations, searchIds],
  );
  const visible = useMemo(() => (check === everyTicket ? sorted : sorted.filter(check)), [sorted, check]);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const openTicket = useCallback((id: string) => ticketPane.getState().open(id), [ticketPane]);
  const closeTicket = useCallback(() => ticketPane.getState().close(), [ticketPane]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const toggleFilters = useCallback(() => setFiltersOpen((open) => !open), []);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const searchRef = useRef<HTMLInputElement>(null);
  const move = useCallback(
    (step: 1 | -1) => {
      const index = visible.findIndex((ticket) => ticket.id === selectedId);
      const next = visible[index < 0 ? 0 : Math.max(0, Math.min(visible.length - 1, index + step))];
      if (next) setSelectedId(next.id);
    },
    [visible, selectedId],
  );
  useQueueKeys(ticketPane, {
    move,
    selectedId,
    focusSearch: () => searchRef.current?.focus(),
    showShortcuts,
  });

  const emptyMessage =
    status === 'loading' || status === 'idle'
      ? t('loading')
      : status === 'error'
        ? t('loadFailed', { message: errorMessage(loadError) })
        : t('empty');

  return (
    <div className="queue-view">
      <ViewList tickets={tickets} myId={myId} slaNow={slaNow} escalatedToMe={escalatedToMe} />
      <section className="queue-main" aria-label={t('tickets')}>
        {refreshError != null && (
          <p className="banner banner--warning" role="status">
            {t('refreshFailed', { message: errorMessage(refreshError) })}
          </p>
        )}
        <QueueToolbar searchRef={searchRef} filtersOpen={filtersOpen} onToggleFilters={toggleFilters} onShowShortcuts={showShortcuts} />
        {filtersOpen && <QueueFiltersPanel id="queue-filters" />}
        <QueueTable
          tickets={visible}
          sort={spec.sort}
          onSort={(sort) => queue.getState().setSort(sort)}
          selectedId={selectedId}
          onSelect={setSelectedId}
          openId={openId}
          onOpen={openTicket}
          onClose={closeTicket}
          emptyMessage={emptyMessage}
        />
        <footer className="queue-footer">
          <span role="status" data-testid="queue-count">
            {status === 'ready' ? t('ticketCount', { count: visible.length }) : ''}
            {search?.capped && searching ? ` ${t('search.capped', { count: search.ids.size })}` : ''}
          </span>
          <span id="queue-keyboard-hint" className="queue-footer__hint">
            {t('keyboardHint')}
          </span>
        </footer>
      </section>
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
    </div>
  );
}

const emptySet: ReadonlySet<string> = new Set();

/** Drawn again only when its own state changes, not with every change to the tickets. */
const QueueToolbar = memo(function QueueToolbar({ searchRef, filtersOpen, onToggleFilters, onShowShortcuts }: { searchRef: RefObject<HTMLInputElement | null>; filtersOpen: boolean; onToggleFilters(): void; onShowShortcuts(): void }) {
  const { queue } = useDeskServices();
  const { t } = useTranslation('queue');
  const spec = useQueue((state) => state.spec);
  const view = useQueue((state) => state.view);
  const savedViews = useQueue((state) => state.savedViews);
  const [naming, setNaming] = useState<null | 'new' | 'rename'>(null);
  const saved = view.startsWith('saved:') ? savedViews.find((candidate) => `saved:${candidate.id}` === view) : undefined;
  const base = specOf(view, savedViews);
  const changed = base !== null && !sameSpec(base, spec);
  const filterCount = activeFilterCount(spec.filters);

  return (
    <div className="queue-toolbar">
      <QueueSearchBox searchRef={searchRef} />
      <button type="button" className="button button--small" aria-expanded={filtersOpen} aria-controls="queue-filters" onClick={onToggleFilters}>
        {filterCount > 0 ? t('filters.buttonActive', { count: filterCount }) : t('filters.button')}
      </button>
      {saved && changed && (
        <button type="button" className="button button--small" onClick={() => void queue.getState().saveView({ id: saved.id, name: saved.name })}>
          {t('views.update')}
        </button>
      )}
      <button type="button" className="button button--small" onClick={() => setNaming('new')}>
        {t('views.saveAs')}
      </button>
      {saved && (
        <>
          <button type="button" className="button button--small" onClick={() => setNaming('rename')}>
            {t('views.rename')}
          </button>
          <button type="button" className="button button--small" onClick={() => void queue.getState().deleteView(saved.id)}>
            {t('views.delete')}
          </button>
        </>
      )}
      <button type="button" className="icon-button queue-toolbar__help" aria-label={t('shortcuts.open')} title={t('shortcuts.open')} onClick={onShowShortcuts}>
        <span aria-hidden="true">?</span>
      </button>
      {naming && (
        <ViewNameDialog
          title={naming === 'new' ? t('views.newTitle') : t('views.renameTitle')}
          initialName={naming === 'rename' && saved ? saved.name : ''}
          onSave={async (name) => {
            // Renaming keeps the view as it was saved; "Save as" takes what the table shows now.
            if (naming === 'rename' && saved) await queue.getState().renameView(saved.id, name);
            else await queue.getState().saveView({ name });
          }}
          onClose={() => setNaming(null)}
        />
      )}
    </div>
  );
});

/** The search box, a component of its own so that changing a filter does not redraw it. */
const QueueSearchBox = memo(function QueueSearchBox({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { queue } = useDeskServices();
  const { t } = useTranslation('queue');
  const search = useQueue((state) => state.spec.search);
  return (
    <label className="queue-toolbar__search">
      <span className="visually-hidden">{t('search.label')}</span>
      <input
        ref={searchRef}
        className="text-box"
        type="search"
        data-testid="queue-search"
        placeholder={t('search.placeholder')}
        value={search}
        onChange={(event) => queue.getState().setSearch(event.target.value)}
        onKeyDown={(event) => {
          // Esc leaves the box for the table, where the keys work again.
          if (event.key === 'Escape') document.querySelector<HTMLElement>('.queue-table')?.focus();
        }}
      />
    </label>
  );
});

/** The views and queues, each with how many tickets it holds now. */
function ViewList({ tickets, myId, slaNow, escalatedToMe }: { tickets: ReadonlyMap<string, QueueRow>; myId: string | null; slaNow: number; escalatedToMe: ReadonlySet<string> }) {
  const { queue } = useDeskServices();
  const { t } = useTranslation('queue');
  const view = useQueue((state) => state.view);
  const queues = useQueue((state) => state.queues);
  const savedViews = useQueue((state) => state.savedViews);
  const viewSearches = useQueue((state) => state.viewSearches);
  const counts = useViewCounts({ tickets, myId, slaNow, escalatedToMe, savedViews, viewSearches, queues });
  const choose = useCallback((key: ViewKey) => queue.getState().chooseView(key), [queue]);
  // Every button says "counting" until the first count: translated once, not once a button.
  const counting = t('views.counting');
  const entry = (key: ViewKey, name: string, extra?: string) => {
    const count = counts.get(key) ?? null;
    return (
      <li key={key}>
        <ViewButton viewKey={key} name={name} count={count} countText={count === null ? counting : t('ticketCount', { count })} pressed={view === key} pending={extra} onChoose={choose} />
      </li>
    );
  };

  return (
    <nav className="queue-filter" aria-label={t('views.navigation')}>
      <h2 id="queue-views-title" className="queue-filter__title">
        {t('views.title')}
      </h2>
      <ul aria-labelledby="queue-views-title" data-testid="queue-views">
        {builtInViewIds.map((id) => entry(`builtin:${id}`, t(`views.builtIn.${id}`)))}
        {savedViews.map((saved) => entry(`saved:${saved.id}`, saved.name, saved.pending ? t('views.pending') : undefined))}
      </ul>
      <h2 id="queue-filter-title" className="queue-filter__title">
        {t('queues')}
      </h2>
      <ul aria-labelledby="queue-filter-title">
        {entry('all', t('allVisible'))}
        {queues.map((q) => entry(`queue:${q.id}`, q.name))}
      </ul>
    </nav>
  );
}

/**
 * Every view's and queue's count, worked out in the window's idle time (count-when-idle.ts): neither
 * the first frames of 100,000 tickets nor a filter wait for a pass over all of them. Until the first
 * count the list reads "…"; a recount shows the last counts until it is done.
 */
function useViewCounts(input: { tickets: ReadonlyMap<string, QueueRow>; myId: string | null; slaNow: number; escalatedToMe: ReadonlySet<string>; savedViews: readonly LocalSavedView[]; viewSearches: ReadonlyMap<string, ReadonlySet<string>>; queues: readonly Queue[] }) {
  const [counts, setCounts] = useState<ReadonlyMap<ViewKey, number | null>>(new Map());
  const { tickets, myId, slaNow, escalatedToMe, savedViews, viewSearches, queues } = input;
  useEffect(() => {
    const context: Omit<FilterContext, 'searchIds'> = { myId, slaNow, escalatedToMe };
    const views: [ViewKey, QueueViewSpec][] = [...builtInViewIds.map((id) => [`builtin:${id}`, builtInViews[id]] as [ViewKey, QueueViewSpec]), ...savedViews.map((saved) => [`saved:${saved.id}`, saved] as [ViewKey, QueueViewSpec])];
    // A view with a search is counted once its search has answered.
    const ready = views.filter(([, spec]) => spec.search.trim() === '' || viewSearches.has(spec.search.trim()));
    const checks = ready.map(([, spec]) => ticketFilter(spec.filters, { ...context, searchIds: spec.search.trim() === '' ? null : viewSearches.get(spec.search.trim())! }));
    const byQueue = new Map(queues.map((q) => [q.id, 0]));
    const tally: Check = (ticket) => (byQueue.set(ticket.queueId, (byQueue.get(ticket.queueId) ?? 0) + 1), false);
    return countWhenIdle(tickets.values(), [...checks, tally], (numbers) => {
      const next = new Map<ViewKey, number | null>([['all', tickets.size]]);
      ready.forEach(([key], index) => next.set(key, numbers[index]!));
      for (const [queueId, count] of byQueue) next.set(`queue:${queueId}`, count);
      setCounts(next);
    });
  }, [tickets, myId, slaNow, escalatedToMe, savedViews, viewSearches, queues]);
  return counts;
}

/**
 * Drawn again only when its own count, name or mark changes: the list holds a button per queue. Its
 * texts come translated from the list, not from a translation hook in each button.
 */
const ViewButton = memo(function ViewButton(props: { viewKey: ViewKey; name: string; count: number | null; countText: string; pressed: boolean; pending?: string; onChoose(key: ViewKey): void }) {
  return (
    <button type="button" className="queue-filter__button" aria-pressed={props.pressed} onClick={() => props.onChoose(props.viewKey)} title={props.pending ? `${props.name} (${props.pending})` : props.name}>
      <span className="queue-filter__name">{props.name}</span>
      {props.pending && <span className="queue-filter__pending" aria-hidden="true">⟳</span>}
      <span className="queue-filter__count" aria-hidden="true">
        {props.count ?? '…'}
      </span>
      <span className="visually-hidden">
        , {props.countText}
        {props.pending ? `, ${props.pending}` : ''}
      </span>
    </button>
  );
});
