import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDOFF_BODY_MAX } from '../../../../shared/domain/handoff.js';
import { useDeskServices, useHandoffs } from '../../services.js';

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The value the whole desk has in the queue picker; queue ids are never empty. */
const wholeDesk = '';

/**
 * Writes a note for the next shift of one of the agent's queues, or of the whole desk. The draft
 * lives in the handoff store, so closing the panel half-way loses nothing.
 */
export function HandoffForm({ onSaved }: { onSaved(): void }) {
  const { handoffs } = useDeskServices();
  const { t } = useTranslation('handoff');
  const draft = useHandoffs((state) => state.draft);
  const queues = useHandoffs((state) => state.queues);
  const headingId = useId();
  const forId = useId();
  const bodyId = useId();
  const hintId = useId();
  const errorId = useId();
  const canSend = draft.body.trim() !== '' && !draft.sending;

  async function send() {
    if (canSend && (await handoffs.getState().send())) onSaved();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form
      className="handoff-form"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h3 id={headingId} className="handoff-panel__subheading">
        {t('form.heading')}
      </h3>
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
      <textarea
        id={bodyId}
        className="handoff-form__text"
        rows={4}
        maxLength={HANDOFF_BODY_MAX}
        placeholder={t('form.placeholder')}
        aria-describedby={draft.failed ? `${hintId} ${errorId}` : hintId}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        aria-invalid={draft.failed || undefined}
        value={draft.body}
        onChange={(event) => handoffs.getState().setDraft({ body: event.target.value })}
        onKeyDown={onKeyDown}
      />
      {draft.failed && (
        <p id={errorId} className="handoff-form__error" role="alert">
          {t('form.failed')}
        </p>
      )}
      <div className="handoff-form__actions">
        <span id={hintId} className="handoff-form__hint">
          {t('form.hint', { keys: onMac ? '⌘+Enter' : 'Ctrl+Enter' })}
        </span>
        <button type="submit" className="button button--primary" disabled={!canSend}>
          {t('form.submit')}
        </button>
      </div>
    </form>
  );
}
