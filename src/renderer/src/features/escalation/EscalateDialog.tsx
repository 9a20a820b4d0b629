import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationTarget } from '../../../../shared/domain/escalation.js';
import type { EscalationTargets } from '../../../../shared/desk-api/escalation-targets.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { useDeskServices } from '../../services.js';
import { errorMessage } from '../../ui/format.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';

/** The choice in the form: a tier (by number), or a named queue. */
type Choice = { kind: 'tier'; tier: 2 | 3 } | { kind: 'queue'; queueId: string };

function targetOf(choice: Choice | null): EscalationTarget | null {
  if (!choice) return null;
  if (choice.kind === 'tier') return { tier: choice.tier };
  return choice.queueId ? { queueId: choice.queueId } : null;
}

/**
 * Where the ticket goes and why. The next tier is chosen from the start; the reason is mandatory, so
 * Escalate stays unavailable, and the form says why, until there is one. A modal: the keyboard stays
 * inside, Escape closes, Enter in the reason escalates (Shift+Enter for a new line).
 */
export function EscalateDialog({ ticket, onClose, onEscalated }: { ticket: Ticket; onClose(): void; onEscalated(queueName: string): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation(['escalation', 'labels']);
  const base = useId();
  // The keyboard starts in the reason: the next tier is already chosen.
  const dialogRef = useModalDialog('textarea');
  const [targets, setTargets] = useState<EscalationTargets | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    client.call('escalations.targets', { ticketId: ticket.id }).then(
      (found) => {
        if (!current) return;
        setTargets(found);
        const next = found.tiers[0];
        setChoice(next ? { kind: 'tier', tier: next.tier } : found.queues[0] ? { kind: 'queue', queueId: '' } : null);
      },
      (error: unknown) => current && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, [client, ticket.id]);

  const target = targetOf(choice);
  const missing = reason.trim() === '' ? t('escalate.reasonMissing') : target === null ? t('escalate.queueMissing') : null;
  const destination = !choice || !targets ? '' : choice.kind === 'tier' ? (targets.tiers.find((option) => option.tier === choice.tier)?.queue.name ?? '') : (targets.queues.find((queue) => queue.id === choice.queueId)?.name ?? '');

  async function submit() {
    if (missing || !target || sending) return;
    setSending(true);
    setFailure(null);
    try {
      await client.call('escalations.escalate', { ticketId: ticket.id, target, reason: reason.trim() });
      onEscalated(destination);
    } catch (error) {
      setFailure(errorMessage(error));
      setSending(false);
    }
  }

  function onReasonKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  }

  const headingId = `${base}-heading`;
  const missingId = `${base}-missing`;
  const queueChosen = choice?.kind === 'queue';

  return (
    <dialog ref={dialogRef} className="modal-dialog escalate-dialog" aria-labelledby={headingId} data-testid="escalate-dialog" onClose={onClose}>
      <div className="modal-dialog__header">
        <h2 id={headingId} className="escalate-dialog__title">
          {t('escalate.title', { number: ticket.number })}
        </h2>
        <button type="button" className="icon-button" aria-label={t('escalate.close')} title={t('escalate.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <form
        className="escalate-form"
        noValidate
        aria-describedby={`${base}-keys`}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="escalate-form__subject">{ticket.subject}</p>
        {loadError !== null ? (
          <p role="alert">{t('escalate.failed', { message: errorMessage(loadError) })}</p>
        ) : !targets ? (
          <p role="status">{t('escalate.loading')}</p>
        ) : targets.tiers.length === 0 && targets.queues.length === 0 ? (
          <p role="status">{t('escalate.noTargets')}</p>
        ) : (
          <fieldset className="escalate-form__targets">
            <legend>{t('escalate.target')}</legend>
            {targets.tiers.map((option, index) => (
              <label key={option.tier} className="escalate-form__choice">
                <input type="radio" name={`${base}-target`} checked={choice?.kind === 'tier' && choice.tier === option.tier} onChange={() => setChoice({ kind: 'tier', tier: option.tier })} />
                {t('escalate.tier', { tier: option.tier, queue: option.queue.name })}
                {index === 0 && <span className="muted"> · {t('escalate.nextTier')}</span>}
              </label>
            ))}
            {targets.queues.length > 0 && (
              <div className="escalate-form__queue">
                <label className="escalate-form__choice">
                  <input type="radio" name={`${base}-target`} checked={queueChosen} onChange={() => setChoice({ kind: 'queue', queueId: '' })} />
                  {t('escalate.queue')}
                </label>
                <label htmlFor={`${base}-queue`} className="visually-hidden">
                  {t('escalate.queueLabel')}
                </label>
                <select
                  id={`${base}-queue`}
                  value={choice?.kind === 'queue' ? choice.queueId : ''}
                  onChange={(event) => setChoice({ kind: 'queue', queueId: event.target.value })}
                  onFocus={() => !queueChosen && setChoice({ kind: 'queue', queueId: '' })}
                >
                  <option value="">{t('escalate.queuePlaceholder')}</option>
                  {targets.queues.map((queue) => (
                    <option key={queue.id} value={queue.id}>
                      {t('escalate.queueOption', { name: queue.name, tier: queue.tier })}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </fieldset>
        )}
        <div className="escalate-form__field">
          <label htmlFor={`${base}-reason`}>{t('escalate.reason')}</label>
          <textarea
            id={`${base}-reason`}
            required
            aria-required="true"
            aria-describedby={`${base}-hint${missing ? ` ${missingId}` : ''}`}
            maxLength={2000}
            rows={4}
            value={reason}
            placeholder={t('escalate.reasonPlaceholder')}
            onChange={(event) => {
              setReason(event.target.value);
              setFailure(null);
            }}
            onKeyDown={onReasonKeyDown}
          />
          <span id={`${base}-hint`} className="escalate-form__hint">
            {t('escalate.reasonHint')}
          </span>
        </div>
        {failure && (
          <p className="escalate-form__error" role="alert">
            {t('escalate.failed', { message: failure })}
          </p>
        )}
        <div className="escalate-form__actions">
          <span id={`${base}-keys`} className="escalate-form__hint">
            {t('escalate.keys')}
          </span>
          {missing && (
            <span id={missingId} className="escalate-form__missing" data-testid="escalate-missing">
              {missing}
            </span>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('escalate.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={missing !== null || sending || !targets} aria-describedby={missing ? missingId : undefined}>
            {t('escalate.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
