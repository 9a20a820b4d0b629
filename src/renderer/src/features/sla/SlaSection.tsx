import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { clockKinds, type ClockReport } from '../../../../shared/sla/snapshot.js';
import { useDateTimeFormat, useTimeZone } from '../../ui/format.js';
import { timeZoneLabel, useMinutesFormat } from './sla-format.js';
import { SlaWhy } from './SlaWhy.js';
import { useNow, type SlaTone } from './SlaCountdown.js';
import './sla.css';

/**
 * Every clock of the ticket's snapshot, as the server last computed it (so it shows offline too), and
 * a "Why?" that asks the server for the story behind them.
 */
export function SlaSection({ ticket }: { ticket: Pick<Ticket, 'id' | 'sla'> }) {
  const { t, i18n } = useTranslation('sla');
  const formatDateTime = useDateTimeFormat();
  const agentZone = useTimeZone();
  const { sla } = ticket;
  const clocks = sla ? [...sla.clocks].sort((a, b) => clockKinds.indexOf(a.kind) - clockKinds.indexOf(b.kind)) : [];

  return (
    <section className="sla-section" aria-labelledby="sla-section-title" data-testid="sla-section">
      <header className="sla-section__header">
        <h3 id="sla-section-title" className="sla-section__title">
          {t('clocks.heading')}
        </h3>
        {sla && <span className="sla-section__rule">{t('clocks.rule', { name: sla.ruleName })}</span>}
      </header>
      {sla === null ? (
        <p className="muted">{t('clocks.noRule')}</p>
      ) : (
        <>
          <ul className="sla-clocks" aria-labelledby="sla-section-title">
            {clocks.map((clock) => (
              <ClockItem key={clock.kind} clock={clock} formatDateTime={formatDateTime} />
            ))}
          </ul>
          <p className="sla-section__as-of">
            {t('clocks.asOf', { time: formatDateTime(sla.computedAt), zone: timeZoneLabel(agentZone, i18n.language) })}
          </p>
          <SlaWhy ticketId={ticket.id} version={sla.computedAt} />
        </>
      )}
    </section>
  );
}

export function clockTone(clock: Pick<ClockReport, 'state' | 'warning'>): SlaTone {
  return clock.state === 'running' && clock.warning ? 'dueSoon' : clock.state;
}

/**
 * A running clock between snapshots only moves towards its warning and due instants, so it crosses
 * them on screen without asking anyone (offline too). The business minutes stay as of the snapshot.
 */
export function liveClock(clock: ClockReport, nowMs: number): ClockReport & { overdueSinceSnapshot: boolean } {
  if (clock.state !== 'running') return { ...clock, overdueSinceSnapshot: false };
  const overdue = clock.dueAt !== null && Date.parse(clock.dueAt) <= nowMs;
  const warned = clock.warnAt !== null && Date.parse(clock.warnAt) <= nowMs;
  return { ...clock, state: overdue ? 'breached' : 'running', warning: clock.warning || warned || overdue, overdueSinceSnapshot: overdue };
}

const stateIcon: Record<ClockReport['state'], string> = { running: '▸', paused: '❚❚', met: '✓', breached: '!' };

function ClockItem({ clock: snapshot, formatDateTime }: { clock: ClockReport; formatDateTime(iso: string): string }) {
  const { t } = useTranslation('sla');
  const formatMinutes = useMinutesFormat();
  const now = useNow();
  const clock = liveClock(snapshot, now);
  const tone = clockTone(clock);
  const stopped = clock.stoppedAt !== null;
  // The whole phrase is the <time>, so translations may put the instant wherever their grammar wants it.
  const at = (iso: string, key: 'clocks.due' | 'clocks.wasDue' | 'clocks.stopped') => (
    <time dateTime={iso}>{t(key, { time: formatDateTime(iso) })}</time>
  );
  const targetInHours = clock.targetMinutes >= 60 && clock.targetMinutes % 60 === 0;
  const used = formatMinutes(Math.floor(clock.elapsedMinutes));
  const nameId = `sla-clock-${clock.kind}`;

  return (
    <li className={`sla-clock sla-clock--${tone}`} data-clock={clock.kind} data-clock-state={clock.state} aria-labelledby={nameId}>
      <div className="sla-clock__head">
        <span id={nameId} className="sla-clock__name">
          {t(`target.${clock.kind}`)}
        </span>
        <span className={`sla-clock__state sla sla--${tone === 'dueSoon' ? 'dueSoon' : clock.state}`} data-testid="clock-state">
          <span className="sla__icon" aria-hidden="true">
            {stateIcon[clock.state]}
          </span>
          {t(`clocks.state.${clock.state}`)}
        </span>
        {clock.warning && clock.state !== 'breached' && clock.state !== 'met' && (
          <span className="sla-clock__flag" data-testid="clock-warning">
            <span aria-hidden="true">◔ </span>
            {t('clocks.warning')}
          </span>
        )}
      </div>
      <p className="sla-clock__facts">
        {clock.state === 'running' && clock.dueAt && at(clock.dueAt, 'clocks.due')}
        {clock.state === 'breached' && clock.dueAt && at(clock.dueAt, 'clocks.wasDue')}
        {clock.state === 'paused' && clock.dueAt === null && <span>{t('clocks.noDueWhilePaused')}</span>}
        {clock.stoppedAt && at(clock.stoppedAt, 'clocks.stopped')}
      </p>
      <p className="sla-clock__facts">
        <span>
          {targetInHours
            ? t('clocks.usedHours', { used, count: clock.targetMinutes / 60 })
            : t('clocks.usedMinutes', { used, count: clock.targetMinutes })}
        </span>
        {!stopped &&
          !clock.overdueSinceSnapshot &&
          (clock.remainingMinutes > 0 ? (
            <span>{t('clocks.left', { time: formatMinutes(Math.ceil(clock.remainingMinutes)) })}</span>
          ) : (
            <span className="sla-clock__over">{t('clocks.over', { time: formatMinutes(Math.ceil(-clock.remainingMinutes)) })}</span>
          ))}
      </p>
      {clock.state === 'paused' && clock.pausedBy && (
        <p className="sla-clock__paused" data-paused-by={clock.pausedBy}>
          {t(`clocks.pausedBy.${clock.pausedBy}`)}
        </p>
      )}
      {clock.kind === 'nextReply' && clock.breaches > 0 && <p className="sla-clock__breaches">{t('clocks.breaches', { count: clock.breaches })}</p>}
    </li>
  );
}
