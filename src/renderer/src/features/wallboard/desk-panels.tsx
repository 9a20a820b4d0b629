import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { breachWindows, csatScore, firstResponseCompliance, type WallboardSnapshot } from '../../../../shared/wallboard/snapshot.js';
import { useMinute } from '../../ui/format.js';
import { useWallboardFormats } from './wallboard-format.js';

/** A panel of the wallboard: a labelled region, so a screen reader lists them as the eye does. */
export function Panel({ title, className = '', children, testId }: { title: string; className?: string; children: ReactNode; testId: string }) {
  const headingId = useId();
  return (
    <section className={`wallboard-panel ${className}`} aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId} className="wallboard-panel__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * A count that needs attention: never by colour alone — a mark (◔ at risk, ! breached, the queue's
 * SLA marks) and, for breaches, a striped ground; a zero is plain and dimmed.
 */
export function Flagged({ count, kind }: { count: number; kind: 'atRisk' | 'breached' }) {
  const { t } = useTranslation('wallboard');
  if (count === 0) return <span className="wallboard-count wallboard-count--zero">0</span>;
  return (
    <span className={`wallboard-count wallboard-count--${kind}`} data-flag={kind}>
      <span className="wallboard-count__mark" aria-hidden="true">
        {kind === 'atRisk' ? '◔' : '!'}
      </span>
      {count}
      <span className="visually-hidden"> {t(`marks.${kind}`)}</span>
    </span>
  );
}

export function QueuesPanel({ snapshot }: { snapshot: WallboardSnapshot }) {
  const { t } = useTranslation('wallboard');
  const { age } = useWallboardFormats();
  const now = useMinute();
  return (
    <Panel title={t('panels.queues')} className="wallboard-panel--queues" testId="wallboard-queues">
      <table className="wallboard-table">
        <thead>
          <tr>
            <th scope="col">{t('queues.queue')}</th>
            <th scope="col">{t('queues.waiting')}</th>
            <th scope="col">{t('queues.unassigned')}</th>
            <th scope="col">{t('queues.atRisk')}</th>
            <th scope="col">{t('queues.breached')}</th>
            <th scope="col">{t('queues.oldest')}</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.queues.map((queue) => (
            <tr key={queue.queueId} data-testid="wallboard-queue" data-queue-id={queue.queueId}>
              <th scope="row">
                {queue.name}
                <span className="wallboard-table__sub">{t('queues.tier', { tier: queue.tier })}</span>
              </th>
              <td className="wallboard-table__number" data-figure="waiting">
                {queue.waiting}
              </td>
              <td className="wallboard-table__number" data-figure="unassigned">
                {queue.unassigned}
              </td>
              <td className="wallboard-table__number" data-figure="atRisk">
                <Flagged count={queue.atRisk} kind="atRisk" />
              </td>
              <td className={`wallboard-table__number${queue.breached > 0 ? ' wallboard-table__number--breached' : ''}`} data-figure="breached">
                <Flagged count={queue.breached} kind="breached" />
              </td>
              <td className="wallboard-table__oldest">
                {queue.oldestWaiting
                  ? t('queues.oldestTicket', { number: queue.oldestWaiting.ticketNumber, age: age(now - Date.parse(queue.oldestWaiting.since)) })
                  : t('queues.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

export function BreachesPanel({ snapshot }: { snapshot: WallboardSnapshot }) {
  const { t } = useTranslation(['wallboard', 'labels']);
  const { total, byTier, byChannel, byPriority } = snapshot.expectedBreaches;
  const groups = [
    { heading: t('breaches.byTier'), rows: byTier.map((row) => ({ key: `tier-${row.tier}`, label: t('breaches.tier', { tier: row.tier }), counts: row.counts })) },
    // Channels and priorities with nothing due within the hour are left out: the board stays short enough to read at a glance.
    { heading: t('breaches.byChannel'), rows: byChannel.filter((row) => row.counts[2] > 0).map((row) => ({ key: row.channel, label: t(`labels:channel.${row.channel}`), counts: row.counts })) },
    { heading: t('breaches.byPriority'), rows: byPriority.filter((row) => row.counts[2] > 0).map((row) => ({ key: row.priority, label: t(`labels:priority.${row.priority}`), counts: row.counts })) },
  ];
  return (
    <Panel title={t('panels.breaches')} className="wallboard-panel--breaches" testId="wallboard-breaches">
      <ul className="wallboard-tiles wallboard-tiles--windows">
        {breachWindows.map((minutes, index) => (
          <li key={minutes} className="wallboard-tile" data-testid="wallboard-breach-window" data-minutes={minutes}>
            <span className="wallboard-tile__value">
              <Flagged count={total[index]!} kind="atRisk" />
            </span>
            <span className="wallboard-tile__label">{t('breaches.within', { minutes })}</span>
          </li>
        ))}
      </ul>
      <div className="wallboard-breach-groups">
        {groups.map((group) => (
          <table key={group.heading} className="wallboard-table wallboard-table--compact">
            <caption>{group.heading}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('breaches.group')}</span>
                </th>
                {breachWindows.map((minutes) => (
                  <th key={minutes} scope="col">
                    {t('breaches.minutes', { minutes })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {group.rows.length === 0 && (
                <tr>
                  <td colSpan={breachWindows.length + 1}>{t('breaches.nothing')}</td>
                </tr>
              )}
              {group.rows.map((row) => (
                <tr key={row.key} className={row.counts[2] === 0 ? 'wallboard-table__row--quiet' : undefined}>
                  <th scope="row">{row.label}</th>
                  {row.counts.map((count, index) => (
                    <td key={breachWindows[index]} className="wallboard-table__number">
                      {count}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="visually-hidden">{t('breaches.caption')}</p>
    </Panel>
  );
}

/** A dash the room can read, and the words for a screen reader. */
function NoneYet() {
  const { t } = useTranslation('wallboard');
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('today.noneYet')}</span>
    </>
  );
}

export function TodayPanel({ snapshot }: { snapshot: WallboardSnapshot }) {
  const { t } = useTranslation('wallboard');
  const { duration, percent } = useWallboardFormats();
  const { today } = snapshot;
  const compliance = firstResponseCompliance(today);
  const csat = csatScore(today);
  return (
    <Panel title={t('panels.today')} className="wallboard-panel--today" testId="wallboard-today">
      <p className="wallboard-panel__note">{t('today.since', { zone: today.timeZone })}</p>
      <ul className="wallboard-tiles">
        <li className="wallboard-tile" data-testid="wallboard-kpi-first-response">
          <span className="wallboard-tile__value">{compliance === null ? <NoneYet /> : percent(compliance)}</span>
          <span className="wallboard-tile__label">{t('today.firstResponse')}</span>
          <span className="wallboard-tile__detail">{t('today.decided', { met: today.firstResponseMet, breached: today.firstResponseBreached })}</span>
        </li>
        <li className="wallboard-tile" data-testid="wallboard-kpi-median">
          <span className="wallboard-tile__value">{today.medianFirstResponseMinutes === null ? <NoneYet /> : duration(today.medianFirstResponseMinutes * 60_000)}</span>
          <span className="wallboard-tile__label">{t('today.median')}</span>
          <span className="wallboard-tile__detail">{t('today.medianHint')}</span>
        </li>
        <li className="wallboard-tile" data-testid="wallboard-kpi-csat">
          <span className="wallboard-tile__value">{csat === null ? <NoneYet /> : percent(csat)}</span>
          <span className="wallboard-tile__label">{t('today.csat')}</span>
          <span className="wallboard-tile__detail">{t('today.answers', { count: today.csatAnswers, satisfied: today.csatSatisfied })}</span>
        </li>
      </ul>
    </Panel>
  );
}
