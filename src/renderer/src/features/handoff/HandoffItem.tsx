import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalHandoffNote } from '../../../../shared/desk-api/contract.js';
import { isAcknowledgedBy, isOverdueHandover, type Handover } from '../../../../shared/domain/handoff.js';
import { useConnectionStatus, useDeskServices, useHandoffs, useSession } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';

/** Written more than this before the server had it: worth saying when (it was written offline). */
const OFFLINE_GAP_MS = 60_000;

/** Written here, not yet confirmed by the server: on its way, or waiting for a connection. */
type Pending = 'sending' | 'waiting';

/**
 * One note: who wrote it for whom and when, the shift it hands over (and whether the next shift took
 * it over in time), its text, and who has read it. `onAcknowledged` is handed the note's element, so
 * the list keeps the keyboard on it and the start-of-shift dialog moves on to the next.
 */
export function HandoffItem({ note, onAcknowledged }: { note: LocalHandoffNote; onAcknowledged(item: HTMLLIElement): void }) {
  const { handoffs } = useDeskServices();
  const { t, i18n } = useTranslation('handoff');
  const formatDateTime = useDateTimeFormat();
  const agentId = useSession((state) => state.user?.id ?? '');
  const queueName = useHandoffs((state) => (note.queueId === null ? null : (state.queues.find((queue) => queue.id === note.queueId)?.name ?? note.queueId)));
  const connection = useConnectionStatus();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);

  const mine = note.authorId === agentId;
  const overdue = isOverdueHandover(note);
  const unread = !mine && !isAcknowledgedBy(note, agentId);
  const pending: Pending | null = note.pending ? (connection === 'offline' || connection === 'signedOut' ? 'waiting' : 'sending') : null;
  const writtenEarlier = note.writtenAt !== undefined && Date.parse(note.createdAt) - Date.parse(note.writtenAt) >= OFFLINE_GAP_MS ? note.writtenAt : null;
  const readers = useMemo(
    () => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(note.acknowledgements.map((ack) => ack.agentName)),
    [i18n.language, note.acknowledgements],
  );

  async function acknowledge() {
    setBusy(true);
    setFailed(false);
    try {
      await handoffs.getState().acknowledge(note.id);
      if (itemRef.current) onAcknowledged(itemRef.current);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li
      ref={itemRef}
      tabIndex={-1}
      className={`handoff${pending ? ' handoff--pending' : ''}${unread ? ' handoff--unread' : ''}${overdue ? ' handoff--overdue' : ''}`}
      data-testid="handoff-note"
      data-note-id={note.id}
      data-pending={pending ?? undefined}
      data-unread={unread || undefined}
      data-overdue={overdue || undefined}
    >
      <header className="handoff__meta">
        <span className="handoff__author">{note.authorName}</span>
        <span className={`handoff__queue${note.queueId === null ? ' handoff__queue--desk' : ''}`}>{queueName ?? t('wholeDesk')}</span>
        {pending && (
          <span className={`handoff__pending handoff__pending--${pending}`} data-testid="handoff-pending">
            <span aria-hidden="true">{pending === 'sending' ? '↻' : '◷'}</span>
            {t(`pending.${pending}`)}
          </span>
        )}
        <time className="handoff__time" dateTime={note.createdAt}>
          {formatDateTime(note.createdAt)}
        </time>
        {writtenEarlier && (
          <time className="handoff__time muted" dateTime={writtenEarlier}>
            ({t('note.writtenOffline', { time: formatDateTime(writtenEarlier) })})
          </time>
        )}
      </header>
      {note.handover && <HandoverLine handover={note.handover} />}
      <p className="handoff__body">{note.body}</p>
      <footer className="handoff__acks">
        <span className="handoff__readers">{note.acknowledgements.length > 0 ? t('note.acknowledgedBy', { names: readers }) : t('note.notAcknowledged')}</span>
        {note.acknowledgementPending && <span className="handoff__pending">{t('note.acknowledgementPending')}</span>}
        {unread && (
          <button
            type="button"
            className="button button--small button--primary"
            data-acknowledge
            aria-label={t('note.acknowledgeLabel', { name: note.authorName })}
            disabled={busy}
            onClick={() => void acknowledge()}
          >
            {t('note.acknowledge')}
          </button>
        )}
        {failed && (
          <span className="handoff__error" role="alert">
            {t('note.acknowledgeFailed')}
          </span>
        )}
      </footer>
    </li>
  );
}

/** The shift a note hands over, by when the next shift must take it over, and how that went. */
function HandoverLine({ handover }: { handover: Handover }) {
  const { t } = useTranslation('handoff');
  const formatDateTime = useDateTimeFormat();
  const status = handover.acknowledgedAt
    ? t('note.takenOver', { time: formatDateTime(handover.acknowledgedAt) })
    : t('note.acknowledgeBy', { time: formatDateTime(handover.acknowledgeBy) });
  return (
    <p className="handoff__handover" data-testid="handoff-handover">
      <span>
        {t('note.handover', { end: formatDateTime(handover.end) })} · {status}
      </span>
      {handover.supervisorsAlertedAt && (
        <strong className="handoff__alerted" data-testid="handoff-alerted">
          <span aria-hidden="true">⚠ </span>
          {t('note.alerted', { time: formatDateTime(handover.supervisorsAlertedAt) })}
        </strong>
      )}
    </p>
  );
}
