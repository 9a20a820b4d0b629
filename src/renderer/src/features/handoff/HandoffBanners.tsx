import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isOverdueHandover } from '../../../../shared/domain/handoff.js';
import { seesAllQueues } from '../../../../shared/domain/people.js';
import { useDeskServices, useHandoffs, useSession } from '../../services.js';
import { useDateTimeFormat, useMinute } from '../../ui/format.js';
import { composeShiftDraft } from './compose-draft.js';
import { isDraftOffered } from './handoff-store.js';
import './handoff.css';

/** The workspace's handoff banners: the agent's shift-end draft, and the supervisors' overdue handovers. */
export function HandoffBanners() {
  return (
    <>
      <ShiftEndPrompt />
      <OverdueHandovers />
    </>
  );
}

/**
 * From the draft lead before the agent's shift ends (until it is handed over): fills the draft once,
 * in the agent's language, from what the replica holds, and says it is ready.
 */
function ShiftEndPrompt() {
  const { handoffs } = useDeskServices();
  const { t } = useTranslation(['handoff', 'labels', 'sla']);
  const formatDateTime = useDateTimeFormat();
  const formatTime = useDateTimeFormat({ timeStyle: 'short' });
  const now = useMinute();
  const shiftEnd = useHandoffs((state) => state.shiftEnd);
  const offered = isDraftOffered(shiftEnd, now) ? shiftEnd : null;

  useEffect(() => {
    if (!offered) return;
    void handoffs
      .getState()
      .fillShiftDraft((facts, owed) => composeShiftDraft(facts, owed, { t, time: formatTime, now: Date.parse(facts.at) }))
      // The prompt stays; opening the panel shows whatever the draft holds, and the next minute tries again.
      .catch(() => undefined);
  }, [offered, handoffs, t, formatTime]);

  if (!offered) return null;
  const { shift } = offered;
  const ended = Date.parse(shift.end) <= now;
  return (
    <div className="banner handoff-banner handoff-banner--draft" role="status" data-testid="shift-end-prompt">
      <span aria-hidden="true">✎</span>
      <span className="handoff-banner__text">{t(ended ? 'shiftEnd.ended' : 'shiftEnd.endsSoon', { shift: shift.shiftName, end: formatDateTime(shift.end) })}</span>
      <button type="button" className="button button--small button--primary" onClick={() => handoffs.getState().openPanel()}>
        {t('shiftEnd.open')}
      </button>
    </div>
  );
}

/**
 * For supervisors (and admins), who oversee every queue: the handovers nobody of the incoming shift
 * acknowledged in time, as the server alerted them, until someone does.
 */
function OverdueHandovers() {
  const { handoffs } = useDeskServices();
  const { t } = useTranslation('handoff');
  const formatDateTime = useDateTimeFormat();
  const headingId = useId();
  const oversees = useSession((state) => state.user !== null && seesAllQueues(state.user));
  const notes = useHandoffs((state) => state.notes);
  const queues = useHandoffs((state) => state.queues);
  const overdue = useMemo(() => notes.filter(isOverdueHandover), [notes]);

  if (!oversees || overdue.length === 0) return null;
  return (
    <section className="banner handoff-banner handoff-banner--alert" role="alert" aria-labelledby={headingId} data-testid="overdue-handovers">
      <h2 id={headingId} className="handoff-banner__heading">
        <span aria-hidden="true">⚠ </span>
        {t('alerts.heading', { count: overdue.length })}
      </h2>
      <ul className="handoff-banner__list">
        {overdue.map((note) => (
          <li key={note.id}>
            <span className="handoff-banner__text">
              {t('alerts.item', {
                queue: note.queueId === null ? t('wholeDesk') : (queues.find((queue) => queue.id === note.queueId)?.name ?? note.queueId),
                author: note.authorName,
                end: formatDateTime(note.handover!.end),
                due: formatDateTime(note.handover!.acknowledgeBy),
              })}
            </span>
            <button
              type="button"
              className="button button--small"
              aria-label={t('alerts.showLabel', { author: note.authorName })}
              onClick={() => handoffs.getState().openPanel(note.id)}
            >
              {t('alerts.show')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
