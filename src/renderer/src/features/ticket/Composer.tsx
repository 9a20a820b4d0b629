import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { useDeskServices, useDrafts, useSession } from '../../services.js';
import { draftKey, emptyDraft, type DraftKind } from './drafts-store.js';

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Writes a reply to the customer or an internal note. The draft lives in the drafts store, per agent
 * and ticket, so switching tickets (or the pane re-reading one) never loses a word.
 */
export function Composer({ ticket }: { ticket: Pick<Ticket, 'id' | 'requesterName'> }) {
  const { drafts } = useDeskServices();
  const { t } = useTranslation('ticket');
  const userId = useSession((state) => state.user?.id ?? '');
  const key = draftKey(userId, ticket.id);
  const draft = useDrafts((state) => state.drafts.get(key)) ?? emptyDraft;
  const hintId = useId();
  const errorId = useId();
  const kindName = useId();
  const note = draft.kind === 'note';
  const canSend = draft.body.trim() !== '' && !draft.sending;

  function send() {
    if (canSend) void drafts.getState().send(key, ticket.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.currentTarget.blur();
    }
  }

  function chooseKind(kind: DraftKind) {
    drafts.getState().setKind(key, kind);
  }

  return (
    <form
      className={`composer composer--${draft.kind}`}
      data-testid="composer"
      data-kind={draft.kind}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <fieldset className="composer__kinds">
        <legend className="visually-hidden">{t('composer.kind')}</legend>
        {(['reply', 'note'] as const).map((kind) => (
          <label key={kind} className={`composer__kind composer__kind--${kind}`}>
            <input
              type="radio"
              name={kindName}
              value={kind}
              checked={draft.kind === kind}
              onChange={() => chooseKind(kind)}
            />
            <span>{t(`composer.${kind}`)}</span>
          </label>
        ))}
      </fieldset>
      {note && (
        <p className="composer__notice">
          {t('composer.noteNotice')}
        </p>
      )}
      <textarea
        className="composer__text"
        aria-label={note ? t('composer.noteLabel') : t('composer.replyLabel')}
        aria-describedby={draft.failed ? `${hintId} ${errorId}` : hintId}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        aria-invalid={draft.failed || undefined}
        placeholder={note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder', { name: ticket.requesterName })}
        rows={3}
        value={draft.body}
        onChange={(event) => drafts.getState().setBody(key, event.target.value)}
        onKeyDown={onKeyDown}
      />
      {draft.failed && (
        <p id={errorId} className="composer__error" role="alert">
          {t('composer.failed')}
        </p>
      )}
      <div className="composer__actions">
        <span id={hintId} className="composer__hint">
          {t('composer.hint', { keys: onMac ? '⌘+Enter' : 'Ctrl+Enter' })}
        </span>
        <button type="submit" className={`button ${note ? 'button--note' : 'button--primary'}`} disabled={!canSend}>
          {note ? t('composer.sendNote') : t('composer.sendReply')}
        </button>
      </div>
    </form>
  );
}
