import { useTranslation } from 'react-i18next';
import type { CallRecord } from '../../../../shared/domain/ticket.js';
import { formatDuration, isoDuration } from './call-draft.js';
import './phone.css';

/** A call in a ticket's thread: "Phone call · 4:32 · Resolved", then who called from which number. */
export function CallSummary({ call }: { call: CallRecord }) {
  const { t } = useTranslation('phone');
  return (
    <p className={`call-summary call-summary--${call.outcome}`} data-testid="call-summary">
      <span className="call-summary__icon" aria-hidden="true">
        ☎
      </span>
      <span className="call-summary__title">
        {t('summary.call')} · <time dateTime={isoDuration(call.durationSeconds)}>{formatDuration(call.durationSeconds)}</time> · {t(`outcome.${call.outcome}`)}
      </span>
      <span className="call-summary__caller">
        {call.callerName} · <span className="call-summary__phone">{call.callerPhone}</span>
      </span>
    </p>
  );
}
