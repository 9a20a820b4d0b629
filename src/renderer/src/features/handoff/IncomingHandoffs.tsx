import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isAcknowledgedBy } from '../../../../shared/domain/handoff.js';
import { useDeskServices, useHandoffs, useSession } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { HandoffItem } from './HandoffItem.js';
import './handoff.css';

/**
 * What an agent sees first at sign-in and when their shift starts: the handovers to their shift they
 * have not acknowledged (the store decides when: see incomingShown). "Later" (or Escape) puts them
 * away; the notes stay in the panel and the badge counts them.
 */
export function IncomingHandoffs() {
  const { handoffs } = useDeskServices();
  const shown = useHandoffs((state) => state.incomingShown);
  return shown && <IncomingDialog ids={shown} onClose={() => handoffs.getState().closeIncoming()} />;
}

function IncomingDialog({ ids, onClose }: { ids: readonly string[]; onClose(): void }) {
  const { t } = useTranslation('handoff');
  const formatDateTime = useDateTimeFormat();
  const headingId = useId();
  const agentId = useSession((state) => state.user?.id ?? '');
  const shift = useHandoffs((state) => state.incoming.shift);
  const recent = useHandoffs((state) => state.notes);
  const incoming = useHandoffs((state) => state.incoming.notes);
  // The newest state of each note (acknowledged since?), from the list or from the handovers read at open.
  const notes = useMemo(() => ids.flatMap((id) => recent.find((note) => note.id === id) ?? incoming.find((note) => note.id === id) ?? []), [ids, recent, incoming]);
  // The first note to read, from its top: Tab reaches its Acknowledge.
  const dialogRef = useModalDialog('[data-unread]');
  const doneRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // Focusing the first note scrolled the dialog down to it: the intro above it is read first.
  useEffect(() => {
    if (bodyRef.current) bodyRef.current.scrollTop = 0;
  }, []);
  const allRead = notes.every((note) => isAcknowledgedBy(note, agentId));

  // Each note read moves the keyboard to the next one to read, at its top; after the last, to "Done".
  function next(item: HTMLLIElement) {
    const following = [...(dialogRef.current?.querySelectorAll<HTMLElement>('[data-unread]') ?? [])].find((note) => note !== item);
    (following ?? doneRef.current)?.focus();
  }

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog incoming-handoffs"
      aria-labelledby={headingId}
      data-testid="incoming-handoffs"
      onClose={onClose}
    >
      <div className="modal-dialog__header">
        <h2 id={headingId} className="incoming-handoffs__title">
          {t('incoming.title')}
        </h2>
      </div>
      <div className="incoming-handoffs__body" ref={bodyRef}>
        <p>{t('incoming.intro', { count: notes.length })}</p>
        {shift && <p className="muted">{t('incoming.shift', { shift: shift.shiftName, start: formatDateTime(shift.start), end: formatDateTime(shift.end) })}</p>}
        <ol className="handoff-list__notes">
          {notes.map((note) => (
            <HandoffItem key={note.id} note={note} onAcknowledged={next} />
          ))}
        </ol>
        <p className="incoming-handoffs__done" role="status">
          {allRead ? t('incoming.allRead') : ''}
        </p>
      </div>
      <div className="incoming-handoffs__actions">
        <button ref={doneRef} type="button" className={`button${allRead ? ' button--primary' : ''}`} onClick={onClose}>
          {allRead ? t('incoming.done') : t('incoming.later')}
        </button>
      </div>
    </dialog>
  );
}
