import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices, useQueue, useTicketPane } from '../../services.js';
import { errorMessage } from '../../ui/format.js';
import { countByQueue, ticketsInView } from './queue-store.js';
import { QueueTable } from './QueueTable.js';
import './queue.css';

export function QueueView() {
  const { queue, ticketPane } = useDeskServices();
  const { t } = useTranslation('queue');
  useEffect(() => queue.getState().connect(), [queue]);

  const status = useQueue((state) => state.status);
  const loadError = useQueue((state) => state.loadError);
  const refreshError = useQueue((state) => state.refreshError);
  const tickets = useQueue((state) => state.tickets);
  const queueFilter = useQueue((state) => state.queueFilter);
  const openId = useTicketPane((state) => state.openId);
  const visible = useMemo(() => ticketsInView(tickets, queueFilter), [tickets, queueFilter]);

  const emptyMessage =
    status === 'loading' || status === 'idle'
      ? t('loading')
      : status === 'error'
        ? t('loadFailed', { message: errorMessage(loadError) })
        : t('empty');

  return (
    <div className="queue-view">
      <QueueFilter />
      <section className="queue-main" aria-label={t('tickets')}>
        {refreshError != null && (
          <p className="banner banner--warning" role="status">
            {t('refreshFailed', { message: errorMessage(refreshError) })}
          </p>
        )}
        <QueueTable
          tickets={visible}
          openId={openId}
          onOpen={(id) => ticketPane.getState().open(id)}
          onClose={() => ticketPane.getState().close()}
          emptyMessage={emptyMessage}
        />
        <footer className="queue-footer">
          <span role="status">{status === 'ready' ? t('ticketCount', { count: visible.length }) : ''}</span>
          <span id="queue-keyboard-hint" className="queue-footer__hint">
            {t('keyboardHint')}
          </span>
        </footer>
      </section>
    </div>
  );
}

function QueueFilter() {
  const { queue } = useDeskServices();
  const { t } = useTranslation('queue');
  const tickets = useQueue((state) => state.tickets);
  const queues = useQueue((state) => state.queues);
  const queueFilter = useQueue((state) => state.queueFilter);
  const counts = useMemo(() => countByQueue(tickets), [tickets]);
  const choose = (queueId: string | null) => queue.getState().setQueueFilter(queueId);

  return (
    <nav className="queue-filter" aria-labelledby="queue-filter-title">
      <h2 id="queue-filter-title" className="queue-filter__title">
        {t('queues')}
      </h2>
      <ul>
        <li>
          <QueueFilterButton
            name={t('allVisible')}
            count={tickets.size}
            pressed={queueFilter === null}
            onClick={() => choose(null)}
          />
        </li>
        {queues.map((q) => (
          <li key={q.id}>
            <QueueFilterButton
              name={q.name}
              count={counts.get(q.id) ?? 0}
              pressed={queueFilter === q.id}
              onClick={() => choose(q.id)}
            />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function QueueFilterButton(props: { name: string; count: number; pressed: boolean; onClick(): void }) {
  const { t } = useTranslation('queue');
  return (
    <button
      type="button"
      className="queue-filter__button"
      aria-pressed={props.pressed}
      onClick={props.onClick}
      title={props.name}
    >
      <span className="queue-filter__name">{props.name}</span>
      <span className="queue-filter__count" aria-hidden="true">
        {props.count}
      </span>
      <span className="visually-hidden">, {t('ticketCount', { count: props.count })}</span>
    </button>
  );
}
