import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryOf } from '../../../../shared/alerts/policy.js';
import type { LocalEscalation } from '../../../../shared/desk-api/contract.js';
import { useAlerts, useDeskServices } from '../../services.js';
import { ChannelLabel, CustomerTierLabel, PriorityLabel } from '../../ui/Badge.js';
import { errorMessage } from '../../ui/format.js';
import { formatCountdown, useTimeLeft } from './countdown.js';

/**
 * One escalation paging the agent: what it is about, who sent it why, how long before the next level
 * is paged, and the two answers. Declining asks for a reason first (the next person reads it).
 */
export function PageCard({ escalation, onAnswered }: { escalation: LocalEscalation; onAnswered(message: string): void }) {
  const { escalations, ticketPane } = useDeskServices();
  const { t } = useTranslation(['escalation', 'labels']);
  const status = useAlerts((state) => state.status);
  const left = useTimeLeft(escalation.nextTimeoutAt);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const declineButton = useRef<HTMLButtonElement>(null);
  const returnToDecline = useRef(false);
  const base = useId();
  const silent = status !== null && deliveryOf({ kind: 'page', priority: escalation.priority, channel: escalation.channel }, status.duty, status.settings).mode === 'hold';
  const lastStep = escalation.level === escalation.levelCount && escalation.round === escalation.roundCount;

  async function answer(send: () => Promise<void>, said: string) {
    setBusy(true);
    setFailure(null);
    try {
      await send();
      onAnswered(said);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  const acknowledge = () =>
    answer(async () => {
      await escalations.getState().acknowledge(escalation.id);
      // Taking it means working it: the ticket opens beside the queue.
      ticketPane.getState().open(escalation.ticketId);
    }, t('card.acknowledged', { number: escalation.ticketNumber }));

  // Back from the reason: the keyboard returns to Decline once it is on screen again.
  function closeDecline() {
    setDeclining(false);
    returnToDecline.current = true;
  }
  useEffect(() => {
    if (declining || !returnToDecline.current) return;
    returnToDecline.current = false;
    declineButton.current?.focus();
  }, [declining]);

  const decline = () => {
    if (reason.trim() === '' || busy) return;
    void answer(() => escalations.getState().decline(escalation.id, reason.trim()), t('card.declined', { number: escalation.ticketNumber }));
  };

  function onReasonKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      closeDecline();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      decline();
    }
  }

  const titleId = `${base}-title`;
  const missing = reason.trim() === '';

  return (
    <article className={`page-card page-card--${escalation.priority}`} aria-labelledby={titleId} data-testid="page-card" data-ticket-number={escalation.ticketNumber}>
      <p className="page-card__kicker">
        <span aria-hidden="true">⚠ </span>
        {t('card.kicker')}
        {silent && <span className="page-card__quiet"> · {t('card.quiet')}</span>}
      </p>
      <h2 id={titleId} className="page-card__title">
        <span className="page-card__number">#{escalation.ticketNumber}</span> {escalation.ticketSubject}
      </h2>
      <p className="page-card__facts">
        <PriorityLabel priority={escalation.priority} />
        <span aria-hidden="true">·</span>
        <ChannelLabel channel={escalation.channel} />
        <span aria-hidden="true">·</span>
        <CustomerTierLabel tier={escalation.customerTier} />
      </p>
      <p className="page-card__reason">
        {escalation.trigger === 'manual'
          ? t('card.from', { name: escalation.escalatedBy.name, reason: escalation.reason })
          : t('card.auto', { trigger: t(`trigger.${escalation.trigger}`), reason: escalation.reason })}
      </p>
      <p className="page-card__ladder">
        {t('item.ladder', { level: escalation.level, levels: escalation.levelCount, round: escalation.round, rounds: escalation.roundCount })}
        {left !== null && (
          <>
            {' · '}
            <strong data-testid="page-card-countdown">{t(lastStep ? 'item.lastLevel' : 'item.nextLevel', { time: formatCountdown(left) })}</strong>
          </>
        )}
      </p>
      {failure && (
        <p className="page-card__error" role="alert">
          {t('card.failed', { message: failure })}
        </p>
      )}
      {declining ? (
        <form
          className="page-card__decline"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            decline();
          }}
        >
          <label htmlFor={`${base}-reason`}>{t('card.declineReason')}</label>
          <textarea
            id={`${base}-reason`}
            // The form opened at the agent's request: the reason is where the keyboard goes.
            autoFocus
            required
            rows={2}
            maxLength={2000}
            value={reason}
            aria-describedby={`${base}-decline-hint${missing ? ` ${base}-decline-missing` : ''}`}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={onReasonKeyDown}
          />
          <span id={`${base}-decline-hint`} className="page-card__hint">
            {t('card.declineHint')}
          </span>
          {missing && (
            <span id={`${base}-decline-missing`} className="page-card__missing">
              {t('card.declineMissing')}
            </span>
          )}
          <div className="page-card__actions">
            <button type="submit" className="button page-card__decline-submit" disabled={missing || busy}>
              {t('card.declineSubmit')}
            </button>
            <button
              type="button"
              className="button"
              onClick={closeDecline}
            >
              {t('card.declineCancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="page-card__actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void acknowledge()}>
            {t('card.acknowledge')}
          </button>
          <button ref={declineButton} type="button" className="button" disabled={busy} onClick={() => setDeclining(true)}>
            {t('card.decline')}
          </button>
          <button type="button" className="button" onClick={() => ticketPane.getState().open(escalation.ticketId)}>
            {t('card.open')}
          </button>
        </div>
      )}
    </article>
  );
}
