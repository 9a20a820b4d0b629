import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { countdownAt, formatDuration, slaHeadline, type SlaCountdown as Countdown, type SlaHeadline } from '../../../../shared/sla/countdown.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { useDeskServices } from '../../services.js';
import { dateTimeFormatter, useTimeZone } from '../../ui/format.js';
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

// One formatter per language and zone for every countdown's title: a queue mounts dozens of them at
// once, and an Intl formatter costs a millisecond to make.
const titleFormats = new Map<string, (iso: string) => string>();
function titleFormat(locale: string, timeZone: string): (iso: string) => string {
  const key = `${locale}|${timeZone}`;
  let format = titleFormats.get(key);
  if (!format) titleFormats.set(key, (format = dateTimeFormatter(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' })));
  return format;
}

/**
 * The ticket's headline SLA clock. It re-renders only when the clock's state or tone changes (due soon,
 * breached); the seconds are a leaf of their own, so a tick redraws one text per row.
 */
export function SlaCountdown({ ticket }: { ticket: Pick<Ticket, 'sla'> }) {
  const { t, i18n } = useTranslation('sla');
  const headline = useMemo(() => slaHeadline(ticket), [ticket]);
  return <SlaCountdownText headline={headline} t={t} language={i18n.language} timeZone={useTimeZone()} />;
}

/** SlaCountdown given its translations, for a list that looks them up once rather than per row. */
export function SlaCountdownText({ headline, t, language, timeZone }: { headline: SlaHeadline; t: TFunction<'sla'>; language: string; timeZone: string }) {
  const { ticker } = useDeskServices();
  useEffect(() => ticker.retain(), [ticker]);
  const phase = useStore(ticker.store, (state) => {
    const countdown = countdownAt(headline, state.now);
    return `${countdown.state}|${slaTone(countdown)}`;
  });
  const tone = phase.slice(phase.indexOf('|') + 1) as SlaTone;
  // Which clock heads the snapshot, and its due time, do not depend on the time; only the state does.
  const state = phase.slice(0, phase.indexOf('|')) as Countdown['state'];
  const countdown = (headline.state === 'counting' ? { ...countdownAt(headline, 0), state } : countdownAt(headline, 0)) as Countdown;
  const target = countdown.state === 'none' || countdown.state === 'met' ? null : countdown.target;
  const dueMs = countdown.state === 'running' || countdown.state === 'breached' ? countdown.dueMs : null;
  const pausedBy = headline.state === 'paused' ? headline.pausedBy : undefined;
  // The tooltip (the due instant in the agent's zone) is written when the pointer reaches the clock:
  // formatting it for every row drawn cost a queue's first paint more than the rows' text did.
  const [pointedAt, setPointedAt] = useState(false);
  const describe = (): string | undefined => {
    if (target !== null && dueMs !== null) {
      const args = { target: t(`target.${target}`), time: titleFormat(language, timeZone)(new Date(dueMs).toISOString()) };
      return tone === 'dueSoon' ? t('dueSoonAt', args) : t('dueAt', args);
    }
    if (target !== null) return t(`pausedWhy.${pausedBy ?? 'pending'}`, { target: t(`target.${target}`) });
    return undefined;
  };

  return (
    <span
      className={`sla sla--${tone}`}
      data-sla-state={countdown.state}
      title={pointedAt ? describe() : undefined}
      onPointerEnter={() => setPointedAt(true)}
      onPointerLeave={() => setPointedAt(false)}
    >
      {countdownText(countdown, tone, t)}
    </span>
  );
}

/** The time left (or over) of a counting clock, to the second. */
function SlaTime({ dueMs }: { dueMs: number }) {
  const { ticker } = useDeskServices();
  const text = useStore(ticker.store, (state) => formatDuration(dueMs - state.now));
  return <span className="sla__time">{text}</span>;
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
          <SlaTime dueMs={countdown.dueMs} />
        </>
      );
    case 'breached':
      return (
        <>
          <span className="visually-hidden">{t('breached')} </span>
          <span className="sla__icon" aria-hidden="true">
            !
          </span>
          <SlaTime dueMs={countdown.dueMs} />
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
