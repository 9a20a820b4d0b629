import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDOFF_BODY_MAX } from '../../../../shared/domain/handoff.js';
import { useDeskServices, useHandoffs } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { SendBox } from '../../ui/SendBox.js';

/** The value the whole desk has in the queue picker; queue ids are never empty. */
const wholeDesk = '';

/**
 * Writes a note for the next shift of one of the agent's queues, or of the whole desk; at the end of
 * a shift, the draft that hands it over. The draft lives in the handoff store and, as it is typed, in
 * the replica, so closing the panel or restarting the console loses nothing.
 */
export function HandoffForm({ onSaved }: { onSaved(): void }) {
  const { handoffs } = useDeskServices();
  const { t } = useTranslation('handoff');
  const formatDateTime = useDateTimeFormat();
  const draft = useHandoffs((state) => state.draft);
  const queues = useHandoffs((state) => state.queues);
  const workedShift = useHandoffs((state) => (state.draft.shift && state.shiftEnd?.shift.end === state.draft.shift.end ? state.shiftEnd.shift : null));
  const headingId = useId();
  const forId = useId();
  const bodyId = useId();
  const canSend = draft.body.trim() !== '' && !draft.sending;

  async function send() {
    if (canSend && (await handoffs.getState().send())) onSaved();
  }

  return (
    <form
      className={`handoff-form${draft.shift ? ' handoff-form--shift' : ''}`}
      data-testid="handoff-form"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h3 id={headingId} className="handoff-panel__subheading">
        {draft.shift ? t('form.handOverHeading') : t('form.heading')}
      </h3>
      {draft.shift && (
        <p className="handoff-form__shift" data-testid="handoff-form-shift">
          {t('form.handsOver', { shift: workedShift?.shiftName ?? draft.shift.shiftId, end: formatDateTime(draft.shift.end) })}
        </p>
      )}
      <div className="handoff-form__for">
        <label htmlFor={forId}>{t('form.for')}</label>
        <select
          id={forId}
          value={draft.queueId ?? wholeDesk}
          onChange={(event) => handoffs.getState().setDraft({ queueId: event.target.value === wholeDesk ? null : event.target.value })}
        >
          <option value={wholeDesk}>{t('wholeDesk')}</option>
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={bodyId} className="visually-hidden">
        {t('form.body')}
      </label>
      <SendBox
        id={bodyId}
        rows={draft.shift ? 12 : 4}
        maxLength={HANDOFF_BODY_MAX}
        placeholder={t('form.placeholder')}
        value={draft.body}
        onChange={(body) => handoffs.getState().setDraft({ body })}
        failure={draft.failed ? t('form.failed') : draft.saveFailed ? t('form.saveFailed') : null}
        hint={(keys) => t('form.hint', { keys })}
        submitLabel={draft.shift ? t('form.handOver') : t('form.submit')}
        canSend={canSend}
        onSend={() => void send()}
      />
    </form>
  );
}
