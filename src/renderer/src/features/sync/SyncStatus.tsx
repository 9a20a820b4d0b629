import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionStatus, useDeskServices, useOutbox, useQueue, useSession, useTicketPane } from '../../services.js';
import { useAgeFormat, useDateTimeFormat } from '../../ui/format.js';
import { describeRefusal } from './describe-refusal.js';
import type { RefusedMutation } from './outbox-store.js';
import './sync.css';

const noneRefused: readonly RefusedMutation[] = [];

/** The top of the workspace: what waits to be sent, and what the server refused. */
export function SyncStatus() {
  return (
    <div className="sync-status">
      <SyncBanner />
      <RefusedChanges />
    </div>
  );
}

/**
 * Offline: work goes on here, and the banner counts what waits. Online: it counts what is being sent,
 * and goes away once everything is confirmed.
 */
export function SyncBanner() {
  const { t } = useTranslation('sync');
  const connection = useConnectionStatus();
  const waiting = useOutbox((state) => state.outbox?.waiting ?? 0);
  const state = connection === 'offline' || connection === 'signedOut' ? 'offline' : waiting > 0 ? 'sending' : null;
  if (!state) return null;

  return (
    <div className={`sync-banner sync-banner--${state}`} role="status" data-testid="sync-banner" data-state={state}>
      <span className="sync-banner__icon" aria-hidden="true">
        {state === 'offline' ? '⚠' : '↻'}
      </span>
      {state === 'offline' ? t('banner.offline', { count: waiting }) : t('banner.sending', { count: waiting })}
    </div>
  );
}

/** Every change the server refused, explained in the agent's language, to redo or discard. */
export function RefusedChanges() {
  const { t } = useTranslation('sync');
  const refused = useOutbox((state) => state.outbox?.refused ?? noneRefused);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  function done(message: string) {
    setAnnouncement(message);
    // The item is gone: keep the keyboard in the panel rather than drop it on the page.
    headingRef.current?.focus();
  }

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {refused.length > 0 && (
        <section className="refused" data-testid="refused-changes" aria-labelledby={headingId}>
          <header className="refused__header">
            <h2 id={headingId} className="refused__title" ref={headingRef} tabIndex={-1}>
              <span className="refused__icon" aria-hidden="true">
                !
              </span>
              {t('refused.title', { count: refused.length })}
            </h2>
            <p className="refused__intro">{t('refused.intro')}</p>
          </header>
          <ul className="refused__list">
            {refused.map((item) => (
              <RefusedItem key={item.id} refused={item} onDone={done} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

type Feedback = 'copied' | 'copyFailed' | 'actionFailed';

function RefusedItem({ refused, onDone }: { refused: RefusedMutation; onDone(message: string): void }) {
  const { outbox } = useDeskServices();
  const { t } = useTranslation(['sync', 'labels']);
  const formatDateTime = useDateTimeFormat();
  const age = useAgeFormat();
  const user = useSession((state) => state.user);
  const listed = useQueue((state) => (refused.ticketId === null ? null : (state.tickets.get(refused.ticketId)?.number ?? null)));
  const open = useTicketPane((state) => (refused.ticketId !== null && state.detail?.ticket.id === refused.ticketId ? state.detail.ticket.number : null));
  const view = describeRefusal(refused, { t, user, ticketNumber: listed ?? open, age });
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const whatId = useId();
  const whyId = useId();
  const about = `${whatId} ${whyId}`;

  async function run(action: () => Promise<void>, message: string) {
    setBusy(true);
    setFeedback(null);
    try {
      await action();
      onDone(message);
    } catch {
      setFeedback('actionFailed');
    } finally {
      setBusy(false);
    }
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setFeedback('copied');
    } catch {
      setFeedback('copyFailed');
    }
  }

  const { redo, relog } = view;
  const text = view.text;
  return (
    <li
      className={`refused__item refused__item--${refused.rejection.code}`}
      data-testid="refused-change"
      data-refused-id={refused.id}
      data-code={refused.rejection.code}
    >
      <p className="refused__what" id={whatId}>
        {view.what}
        <time className="refused__time" dateTime={refused.createdAt}>
          {t('refused.written', { time: formatDateTime(refused.createdAt) })}
        </time>
      </p>
      <p className="refused__why" id={whyId}>
        {view.why}
      </p>
      {text !== null && (
        <blockquote className="refused__text">
          <span className="visually-hidden">{t('refused.text')}: </span>
          {text}
        </blockquote>
      )}
      <div className="refused__actions">
        {(redo || relog) && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            aria-describedby={about}
            onClick={() => void run(() => (redo ? outbox.getState().redo(refused.id, redo) : outbox.getState().relog(refused.id, relog!)), t('refused.redone'))}
          >
            {t('refused.redo')}
          </button>
        )}
        {text !== null && (
          <button type="button" className="button button--small" aria-describedby={about} onClick={() => void copy(text)}>
            {t('refused.copy')}
          </button>
        )}
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-describedby={about}
          onClick={() => void run(() => outbox.getState().discard(refused.id), t('refused.discarded'))}
        >
          {t('refused.discard')}
        </button>
        {feedback && (
          <span className={`refused__feedback refused__feedback--${feedback}`} role={feedback === 'copied' ? 'status' : 'alert'}>
            {t(`refused.${feedback}`)}
          </span>
        )}
      </div>
    </li>
  );
}
