import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { useDeskServices, useDrafts, useSession } from '../../services.js';
import { SendBox } from '../../ui/SendBox.js';
import { draftKey, emptyDraft, type DraftKind } from './drafts-store.js';

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
  const kindName = useId();
  const note = draft.kind === 'note';
  const canSend = draft.body.trim() !== '' && !draft.sending;

  function send() {
    if (canSend) void drafts.getState().send(key, ticket.id);
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
      <SendBox
        aria-label={note ? t('composer.noteLabel') : t('composer.replyLabel')}
        placeholder={note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder', { name: ticket.requesterName })}
        rows={3}
        value={draft.body}
        onChange={(body) => drafts.getState().setBody(key, body)}
        failure={draft.failed ? t('composer.failed') : null}
        hint={(keys) => t('composer.hint', { keys })}
        submitLabel={note ? t('composer.sendNote') : t('composer.sendReply')}
        submitClassName={`button ${note ? 'button--note' : 'button--primary'}`}
        canSend={canSend}
        onSend={send}
        blurOnEscape
      />
    </form>
  );
}
