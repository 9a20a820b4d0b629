import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffs } from '../../services.js';
import { errorMessage } from '../../ui/format.js';
import { HandoffForm } from './HandoffForm.js';
import { HandoffItem } from './HandoffItem.js';

/**
 * The shift handoff beside the workspace: a note for the next shift on top, the notes below, newest
 * first. It does not trap the keyboard (the queue stays usable); Escape anywhere in it closes it.
 */
export function HandoffPanel({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation('handoff');
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section
      id={id}
      className="handoff-panel"
      data-testid="handoff-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="handoff-panel__header">
        <h2 id={headingId} className="handoff-panel__title" ref={headingRef} tabIndex={-1}>
          {t('title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('close')} title={t('close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <HandoffForm onSaved={() => setAnnouncement(t('form.saved'))} />
      <HandoffList onAcknowledged={() => setAnnouncement(t('note.acknowledged'))} />
    </section>
  );
}

function HandoffList({ onAcknowledged }: { onAcknowledged(): void }) {
  const { t } = useTranslation('handoff');
  const status = useHandoffs((state) => state.status);
  const error = useHandoffs((state) => state.error);
  const notes = useHandoffs((state) => state.notes);
  const headingId = useId();

  return (
    <section className="handoff-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="handoff-panel__subheading">
        {t('list.heading')} <span className="muted">· {t('list.count', { count: notes.length })}</span>
      </h3>
      {status === 'error' ? (
        <p className="handoff-list__message" role="alert">
          {t('list.loadFailed', { message: errorMessage(error) })}
        </p>
      ) : notes.length === 0 ? (
        <p className="handoff-list__message muted">{status === 'ready' ? t('list.empty') : t('list.loading')}</p>
      ) : (
        <ol className="handoff-list__notes">
          {notes.map((note) => (
            <HandoffItem key={note.id} note={note} onAcknowledged={onAcknowledged} />
          ))}
        </ol>
      )}
    </section>
  );
}
