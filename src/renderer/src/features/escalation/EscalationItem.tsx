import { useTranslation } from 'react-i18next';
import type { LocalEscalation } from '../../../../shared/desk-api/contract.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { formatCountdown, useTimeLeft } from './countdown.js';

/** Each state has a mark and words, never colour alone. */
const marks: Record<LocalEscalation['state'], string> = { paging: '▸', acknowledged: '✓', exhausted: '!', resolved: '–', superseded: '↷' };

/** One escalation as the ticket view lists it: where it went, who sent it why, and where it stands. */
export function EscalationItem({ escalation }: { escalation: LocalEscalation }) {
  const { t } = useTranslation('escalation');
  const formatDateTime = useDateTimeFormat();
  const { to, escalatedBy, trigger } = escalation;

  return (
    <li className={`escalation-item escalation-item--${escalation.state}`} data-testid="escalation-item" data-state={escalation.pending ? 'pending' : escalation.state}>
      <p className="escalation-item__head">
        <span className="escalation-item__mark" aria-hidden="true">
          {marks[escalation.state]}
        </span>
        <strong>{t('item.to', { tier: to.tier, queue: to.queueName })}</strong>
        <span className="muted">
          {' · '}
          {trigger === 'manual' ? t('item.by', { name: escalatedBy.name, time: formatDateTime(escalation.escalatedAt) }) : t('item.auto', { trigger: t(`trigger.${trigger}`), time: formatDateTime(escalation.escalatedAt) })}
        </span>
      </p>
      <p className="escalation-item__reason">{t('item.reason', { reason: escalation.reason })}</p>
      <EscalationState escalation={escalation} />
      {escalation.declines.length > 0 && (
        <ul className="escalation-item__declines">
          {escalation.declines.map((decline) => (
            <li key={`${decline.userId}-${decline.at}`} data-testid="escalation-decline">
              <span aria-hidden="true">✕ </span>
              {t('item.declined', { name: decline.name, time: formatDateTime(decline.at), reason: decline.reason })}
            </li>
          ))}
        </ul>
      )}
      {escalation.declinePending && <p className="muted">{t('item.declinePending')}</p>}
    </li>
  );
}

function EscalationState({ escalation }: { escalation: LocalEscalation }) {
  const { t } = useTranslation('escalation');
  const formatDateTime = useDateTimeFormat();
  const left = useTimeLeft(escalation.state === 'paging' && !escalation.pending ? escalation.nextTimeoutAt : null);

  if (escalation.pending) return <p className="escalation-item__state" data-testid="escalation-state">{t('item.pending')}</p>;
  switch (escalation.state) {
    case 'paging': {
      const lastStep = escalation.level === escalation.levelCount && escalation.round === escalation.roundCount;
      const names = escalation.paged.map((target) => target.name);
      return (
        <p className="escalation-item__state" data-testid="escalation-state">
          {names.length > 0 ? t('item.paging', { names: names.join(', ') }) : t('item.pagingNobody')}
          {' · '}
          {t('item.ladder', { level: escalation.level, levels: escalation.levelCount, round: escalation.round, rounds: escalation.roundCount })}
          {left !== null && (
            <>
              {' · '}
              <span className="escalation-item__countdown">{t(lastStep ? 'item.lastLevel' : 'item.nextLevel', { time: formatCountdown(left) })}</span>
            </>
          )}
        </p>
      );
    }
    case 'acknowledged':
      return (
        <p className="escalation-item__state" data-testid="escalation-state">
          {t('item.acknowledged', { name: escalation.acknowledgedBy?.name ?? '', time: formatDateTime(escalation.acknowledgedAt ?? escalation.updatedAt) })}
          {escalation.acknowledgementPending && <span className="muted"> · {t('item.acknowledgementPending')}</span>}
        </p>
      );
    default:
      return <p className="escalation-item__state" data-testid="escalation-state">{t(`item.${escalation.state}`)}</p>;
  }
}
