import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices, useHandoffs } from '../../services.js';
import { errorMessage } from '../../ui/format.js';
import { HandoffForm } from './HandoffForm.js';
import { HandoffItem } from './HandoffItem.js';
import { SideSheet } from '../../ui/SideSheet.js';

/**
 * The shift handoff beside the workspace: a note for the next shift (or the shift's handover) on top,
 * the notes below, newest first, with a search over all of them. It does not trap the keyboard (the
 * queue stays usable); Escape anywhere in it closes it.
 */
export function HandoffPanel({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation('handoff');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusNoteId = useHandoffs((state) => state.focusNoteId);

  // Opened for one note (a supervisors' alert): the list brings it into view instead.
  useEffect(() => {
    if (!focusNoteId) headingRef.current?.focus();
  }, [focusNoteId]);

  return (
    <SideSheet id={id} className="handoff-panel" testId="handoff-panel" title={t('title')} closeLabel={t('close')} onClose={onClose} headingRef={headingRef} announcement={announcement}>
      <HandoffForm onSaved={() => setAnnouncement(t('form.saved'))} />
      <HandoffList onAcknowledged={() => setAnnouncement(t('note.acknowledged'))} />
    </SideSheet>
  );
}

function HandoffList({ onAcknowledged }: { onAcknowledged(): void }) {
  const { t } = useTranslation('handoff');
  const status = useHandoffs((state) => state.status);
  const error = useHandoffs((state) => state.error);
  const recent = useHandoffs((state) => state.notes);
  const search = useHandoffs((state) => state.search);
  const focusNoteId = useHandoffs((state) => state.focusNoteId);
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const notes = search.results ?? recent;

  useEffect(() => {
    if (!focusNoteId) return;
    const item = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-note-id]') ?? [])].find((element) => element.dataset.noteId === focusNoteId);
    // Focusing scrolls it into view.
    item?.focus();
  }, [focusNoteId, notes]);

  return (
    <section className="handoff-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="handoff-panel__subheading">
        {t('list.heading')} <span className="muted">· {t('list.count', { count: recent.length })}</span>
      </h3>
      <HandoffSearch />
      {status === 'error' ? (
        <p className="handoff-list__message" role="alert">
          {t('list.loadFailed', { message: errorMessage(error) })}
        </p>
      ) : notes.length === 0 ? (
        search.results === null && <p className="handoff-list__message muted">{status === 'ready' ? t('list.empty') : t('list.loading')}</p>
      ) : (
        <ol className="handoff-list__notes" ref={listRef}>
          {notes.map((note) => (
            <HandoffItem
              key={note.id}
              note={note}
              onAcknowledged={(item) => {
                onAcknowledged();
                // The button goes once the note is read again: keep the keyboard on this note, not the page.
                item.focus();
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Searches every note the replica holds (offline too); an empty box lists the recent notes again. */
function HandoffSearch() {
  const { handoffs } = useDeskServices();
  const { t } = useTranslation('handoff');
  const search = useHandoffs((state) => state.search);
  const inputId = useId();

  return (
    <div className="handoff-search" role="search">
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={inputId}
        type="search"
        className="handoff-search__input"
        placeholder={t('search.placeholder')}
        value={search.query}
        onChange={(event) => void handoffs.getState().searchNotes(event.target.value)}
        onKeyDown={(event) => {
          // Escape clears a search first; with nothing to clear it closes the panel as anywhere else.
          if (event.key === 'Escape' && search.query !== '') {
            event.preventDefault();
            event.stopPropagation();
            void handoffs.getState().searchNotes('');
          }
        }}
      />
      <p className="handoff-search__status muted" role="status">
        {search.failed
          ? t('search.failed')
          : search.results === null
            ? ''
            : search.results.length === 0
              ? t('search.none', { query: search.query })
              : t('search.found', { count: search.results.length })}
      </p>
    </div>
  );
}
