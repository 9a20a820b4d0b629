import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatDuration, slaCountdown, type SlaCountdown as Countdown } from '../../../../shared/sla/countdown.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { useDeskServices } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import './sla.css';

export type SlaTone = 'running' | 'dueSoon' | 'breached' | 'paused' | 'met' | 'none';

/** A running clock turns amber once its rule's warning threshold has passed (75% of the target by default). */
export function slaTone(countdown: Countdown): SlaTone {
  if (countdown.state === 'running') return countdown.warning ? 'dueSoon' : 'running';
  return countdown.state;
}

/** The shared ticker's time; the ticker runs while at least one countdown is on screen. */
export function useNow(): number {
  const { ticker } = useDeskServices();
  useEffect(() => ticker.retain(), [ticker]);
  return useStore(ticker.store, (state) => state.now);
}

export function SlaCountdown({ ticket }: { ticket: Pick<Ticket, 'sla'> }) {
  const { t } = useTranslation('sla');
  const formatTime = useDateTimeFormat();
  const now = useNow();
  const countdown = slaCountdown(ticket, now);
  const tone = slaTone(countdown);
  let title: string | undefined;
  if (countdown.state === 'running' || countdown.state === 'breached') {
    const args = { target: t(`target.${countdown.target}`), time: formatTime(countdown.dueAt) };
    title = tone === 'dueSoon' ? t('dueSoonAt', args) : t('dueAt', args);
  } else if (countdown.state === 'paused') {
    const clock = ticket.sla?.clocks.find((c) => c.kind === countdown.target);
    title = t(`pausedWhy.${clock?.pausedBy ?? 'pending'}`, { target: t(`target.${countdown.target}`) });
  }

  return (
    <span className={`sla sla--${tone}`} data-sla-state={countdown.state} title={title}>
      {countdownText(countdown, tone, t)}
    </span>
  );
}

function countdownText(countdown: Countdown, tone: SlaTone, t: TFunction<'sla'>) {
  switch (countdown.state) {
    case 'running':
      return (
        <>
          <span className="visually-hidden">{t(tone === 'dueSoon' ? 'dueSoon' : 'timeLeft')} </span>
          {tone === 'dueSoon' && (
            <span className="sla__icon" aria-hidden="true">
              ◔
            </span>
          )}
          <span className="sla__time">{formatDuration(countdown.remainingMs)}</span>
        </>
      );
    case 'breached':
      return (
        <>
          <span className="visually-hidden">{t('breached')} </span>
          <span className="sla__icon" aria-hidden="true">
            !
          </span>
          <span className="sla__time">{formatDuration(countdown.remainingMs)}</span>
        </>
      );
    case 'paused':
      return (
        <>
          <span className="sla__icon" aria-hidden="true">
            ❚❚
          </span>
          {t('paused')}
        </>
      );
    case 'met':
      return (
        <>
          <span className="sla__icon" aria-hidden="true">
            ✓
          </span>
          {t('met')}
        </>
      );
    case 'none':
      return (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t('none')}</span>
        </>
      );
  }
}
