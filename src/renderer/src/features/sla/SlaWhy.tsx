import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SlaExplanation, TimelineEntry } from '../../../../shared/sla/snapshot.js';
import { attributeLabel, isOneOf } from '../../ui/attribute-label.js';
import { Disclosure } from '../../ui/Disclosure.js';
import { zonedFormat } from '../../ui/format.js';
import { formatLocalDate, timeZoneLabel, useMinutesFormat } from './sla-format.js';
import { useSlaExplanation, type ExplanationView } from './use-sla-explanation.js';

/** A matrix policy tries many rules first; the first few tell an agent enough. */
const SKIPPED_SHOWN = 5;

/** The "Why?" disclosure: asks the server for the explanation the first time it opens. */
export function SlaWhy({ ticketId, version }: { ticketId: string; version: string }) {
  const { t } = useTranslation('sla');
  const [open, setOpen] = useState(false);
  const view = useSlaExplanation(ticketId, version, open);

  return (
    <Disclosure className="sla-why" open={open} onToggle={() => setOpen((wasOpen) => !wasOpen)} label={t('why.button')} hint={t('why.buttonHint')} region={t('why.region')}>
      <ExplanationBody view={view} />
    </Disclosure>
  );
}

function ExplanationBody({ view }: { view: ExplanationView & { retry(): void } }) {
  const { t } = useTranslation('sla');
  const retry = (
    <button type="button" className="button" onClick={view.retry}>
      {t('why.retry')}
    </button>
  );
  switch (view.status) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p className="sla-why__message" role="status">
          {t('why.loading')}
        </p>
      );
    case 'offline':
      return (
        <div className="sla-why__message sla-why__message--offline">
          <p role="status">{t('why.offline')}</p>
          {retry}
        </div>
      );
    case 'error':
      return (
        <div className="sla-why__message">
          <p role="alert">{t('why.failed', { message: view.message })}</p>
          {retry}
        </div>
      );
    case 'noRule':
      return <p className="sla-why__message">{t('why.noRule')}</p>;
    case 'ready':
      return <Explanation explanation={view.explanation} />;
  }
}

type MatchField = 'customerTier' | 'channel' | 'priority' | 'type';

function fieldLabel(t: TFunction<['sla', 'labels']>, field: string): string {
  return isOneOf<MatchField>(['customerTier', 'channel', 'priority', 'type'], field) ? t(`why.field.${field}`) : field;
}

function Explanation({ explanation }: { explanation: SlaExplanation }) {
  const { t, i18n } = useTranslation(['sla', 'labels']);
  const { t: labels } = useTranslation('labels');
  const valueLabel = (field: string, value: string) => attributeLabel(labels, field, value);
  const formatMinutes = useMinutesFormat();
  const language = i18n.language;
  const { timeZone } = explanation;
  const headingId = useId();

  const format = useMemo(() => {
    const dateTime = zonedFormat(language, timeZone, { dateStyle: 'medium', timeStyle: 'short' });
    const time = zonedFormat(language, timeZone, { timeStyle: 'short' });
    const list = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    return {
      instant: (iso: string) => dateTime.format(new Date(iso)),
      stretch: (from: string, to: string) => dateTime.formatRange(new Date(from), new Date(to)),
      hours: (from: string, to: string) => time.formatRange(new Date(from), new Date(to)),
      day: (localDate: string) => formatLocalDate(localDate, language),
      list: (items: string[]) => list.format(items),
      // A plain enumeration of the rule's options; ICU's "unit" lists differ too much between languages.
      values: (items: string[]) => items.join(', '),
    };
  }, [language, timeZone]);

  const reasonText = ({ field, value, oneOf }: SlaExplanation['reasons'][number]) =>
    oneOf.length === 1
      ? t('why.reasonIs', { field: fieldLabel(t, field), value: valueLabel(field, value) })
      : t('why.reasonOneOf', { field: fieldLabel(t, field), value: valueLabel(field, value), values: format.values(oneOf.map((option) => valueLabel(field, option))) });

  return (
    <div className="sla-explain" data-testid="sla-explanation">
      <p className="sla-explain__zone">
        {t('why.timeZone', { zone: timeZoneLabel(timeZone, language) })}
        <span className="muted"> · {t('why.calendar', { calendar: explanation.calendarId })}</span>
      </p>

      <section className="sla-explain__block" aria-labelledby={`${headingId}-rule`}>
        <h4 id={`${headingId}-rule`} className="sla-explain__title">
          {t('why.matched', { rule: explanation.ruleName })}
        </h4>
        {explanation.reasons.length === 0 ? (
          <p>{t('why.catchAll')}</p>
        ) : (
          <ul className="sla-explain__reasons">
            {explanation.reasons.map((reason) => (
              <li key={reason.field}>{reasonText(reason)}</li>
            ))}
          </ul>
        )}
        {explanation.skipped.length > 0 && (
          <>
            <p className="sla-explain__subtitle">{t('why.skipped', { count: explanation.skipped.length })}</p>
            <ul className="sla-explain__skipped">
              {explanation.skipped.slice(0, SKIPPED_SHOWN).map((skip) => (
                <li key={skip.ruleId} data-skipped-rule={skip.ruleId}>
                  <code>{skip.ruleId}</code>: {t('why.skippedRule', { field: fieldLabel(t, skip.field), value: valueLabel(skip.field, skip.value) })}
                </li>
              ))}
            </ul>
            {explanation.skipped.length > SKIPPED_SHOWN && <p className="muted">{t('why.skippedMore', { count: explanation.skipped.length - SKIPPED_SHOWN })}</p>}
          </>
        )}
      </section>

      {explanation.clocks.map((clock) => (
        <section key={clock.kind} className="sla-explain__block" aria-labelledby={`${headingId}-${clock.kind}`} data-clock={clock.kind}>
          <h4 id={`${headingId}-${clock.kind}`} className="sla-explain__title">
            {t(`target.${clock.kind}`)}
          </h4>
          {clock.entries.length === 0 ? (
            <p className="muted">{t('why.noEntries')}</p>
          ) : (
            <ol className="sla-timeline">
              {clock.entries.map((entry) => (
                <TimelineItem key={`${entry.kind}-${entry.from}`} entry={entry} format={format} formatMinutes={formatMinutes} />
              ))}
            </ol>
          )}
        </section>
      ))}

      {explanation.lateMessages.length > 0 && (
        <section className="sla-explain__block" aria-labelledby={`${headingId}-late`}>
          <h4 id={`${headingId}-late`} className="sla-explain__title">
            {t('why.late', { count: explanation.lateMessages.length })}
          </h4>
          <ul className="sla-explain__late">
            {explanation.lateMessages.map((late) => (
              <li key={`${late.writtenAt}-${late.receivedAt}`}>
                {t('why.lateMessage', { written: format.instant(late.writtenAt), received: format.instant(late.receivedAt) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

interface Formats {
  stretch(from: string, to: string): string;
  hours(from: string, to: string): string;
  day(localDate: string): string;
  list(items: string[]): string;
}

const entryMark: Record<TimelineEntry['kind'], string> = { counted: '●', closed: '○', paused: '❚❚' };

function TimelineItem({ entry, format, formatMinutes }: { entry: TimelineEntry; format: Formats; formatMinutes(minutes: number): string }) {
  const { t } = useTranslation('sla');
  let when: string;
  let what: string;
  const notes: string[] = [];
  switch (entry.kind) {
    case 'counted':
      when = `${format.day(entry.localDate)} · ${format.hours(entry.from, entry.to)}`;
      what = t('why.counted', { duration: formatMinutes(entry.minutes) });
      if (entry.holiday) notes.push(t('why.holiday'));
      if (entry.dstShiftMinutes !== 0) {
        const amount = formatMinutes(Math.abs(entry.dstShiftMinutes));
        notes.push(entry.dstShiftMinutes > 0 ? t('why.dstForward', { amount }) : t('why.dstBack', { amount }));
      }
      break;
    case 'closed':
      when = format.stretch(entry.from, entry.to);
      what =
        entry.holidays.length > 0
          ? t('why.closedHolidays', { count: entry.holidays.length, dates: format.list(entry.holidays.map(format.day)) })
          : t('why.closed');
      break;
    case 'paused':
      when = format.stretch(entry.from, entry.to);
      what = t(`clocks.pausedBy.${entry.reason}`);
      break;
  }

  return (
    <li className={`sla-entry sla-entry--${entry.kind}`} data-entry={entry.kind}>
      <span className="sla-entry__mark" aria-hidden="true">
        {entryMark[entry.kind]}
      </span>
      <span className="sla-entry__when">{when}</span>
      <span className="visually-hidden">, </span>
      <span className="sla-entry__what">
        {what}
        {notes.map((note) => (
          <span key={note} className="sla-entry__note">
            {' '}({note})
          </span>
        ))}
      </span>
    </li>
  );
}
