import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { analyticsGroupings, type AnalyticsGranularity, type AnalyticsGrouping, type AnalyticsQueryInput } from '../../../../shared/analytics/query.js';
import { useConnection, useDeskServices } from '../../services.js';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { DownloadButton } from '../../ui/DownloadButton.js';
import { useDateTimeFormat, useTimeZone } from '../../ui/format.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { useServerData } from '../channels/use-server-data.js';
import { presetRange, rangePresets, rangeProblem, daysBetween, type RangePreset } from './range.js';
import { ReportView, type Clock } from './ReportView.js';

/**
 * Analytics in a large modal dialog: the period (presets or two days), days or weeks, a grouping and
 * the clock durations are measured in; the report comes from the server (online only) and is shown as
 * totals, charts with their tables, and the CSAT comments. The CSV is the same query, from the server.
 */
export function AnalyticsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('analytics');
  const { client, ticker, connection } = useDeskServices();
  const timeZone = useTimeZone();
  const base = useId();
  const headingId = `${base}-heading`;
  const dialogRef = useModalDialog('.analytics__controls select');
  // "Today" is the day the dialog opened, so a report left open over midnight does not shift under the reader.
  const [openedAt] = useState(() => ticker.store.getState().now);
  const [preset, setPreset] = useState<RangePreset>('last7');
  const [custom, setCustom] = useState(() => presetRange('last7', openedAt, timeZone));
  const [granularity, setGranularity] = useState<AnalyticsGranularity>('day');
  const [groupBy, setGroupBy] = useState<AnalyticsGrouping>('none');
  const [durationClock, setDurationClock] = useState<Clock>('business');
  // Until the desk says whether it is online, nothing is asked (an offline console would only be refused).
  useEffect(() => connection.getState().connect(), [connection]);
  const status = useConnection((state) => state.connection?.status ?? null);
  const offline = status === 'offline';

  const range = preset === 'custom' ? custom : presetRange(preset, openedAt, timeZone);
  const problem = preset === 'custom' ? rangeProblem(custom.from, custom.to) : null;
  const query: AnalyticsQueryInput = { ...range, timeZone, granularity, groupBy };

  return (
    <dialog ref={dialogRef} className="modal-dialog settings-dialog analytics-dialog" aria-labelledby={headingId} data-testid="analytics-dialog" onClose={onClose}>
      <DialogHeader id={headingId} title={t('title')} closeLabel={t('close')} onClose={onClose} />
      <form className="analytics__controls" aria-label={t('controls')} onSubmit={(event) => event.preventDefault()}>
        <Select<RangePreset> id={`${base}-range`} label={t('range.label')} value={preset} options={rangePresets} labelOf={(o) => t(`range.${o}`)} onChange={setPreset} />
        {preset === 'custom' && (
          <>
            <label className="analytics__field">
              <span>{t('range.from')}</span>
              <input type="date" value={custom.from} aria-invalid={problem !== null} onChange={(event) => setCustom({ ...custom, from: event.target.value })} />
            </label>
            <label className="analytics__field">
              <span>{t('range.to')}</span>
              <input type="date" value={custom.to} aria-invalid={problem !== null} onChange={(event) => setCustom({ ...custom, to: event.target.value })} />
            </label>
          </>
        )}
        <Select<AnalyticsGranularity> id={`${base}-granularity`} label={t('granularity.label')} value={granularity} options={['day', 'week'] as const} labelOf={(o) => t(`granularity.${o}`)} onChange={setGranularity} />
        <Select<AnalyticsGrouping> id={`${base}-group`} label={t('groupBy.label')} value={groupBy} options={analyticsGroupings} labelOf={(o) => t(`groupBy.${o}`)} onChange={setGroupBy} />
        <Select<Clock> id={`${base}-clock`} label={t('clock.label')} value={durationClock} options={['business', 'calendar'] as const} labelOf={(o) => t(`clock.${o}`)} onChange={setDurationClock} />
        <span className="analytics__export">
          {!problem && status !== null && !offline && <DownloadButton label={t('exportCsv')} offlineMessage={t('exportOffline')} fetchFile={() => client.call('analytics.export', query)} />}
        </span>
      </form>
      <div className="settings-dialog__panel analytics__body">
        {problem ? (
          <p className="analytics__message" role="alert">
            {t(`range.${problem}`)}
          </p>
        ) : offline ? (
          <p className="analytics__message" role="alert" data-testid="analytics-offline">
            {t('offline')}
          </p>
        ) : status === null ? (
          <p className="analytics__message muted" role="status">
            {t('loading')}
          </p>
        ) : (
          <Report query={query} clock={durationClock} />
        )}
      </div>
    </dialog>
  );
}

function Report({ query, clock }: { query: AnalyticsQueryInput; clock: Clock }) {
  const { t } = useTranslation('analytics');
  const { client } = useDeskServices();
  const formatDateTime = useDateTimeFormat();
  const report = useServerData(JSON.stringify(query), () => client.call('analytics.query', query));
  if (report.status === 'loading') {
    return (
      <p className="analytics__message muted" role="status">
        {t('loading')}
      </p>
    );
  }
  if (report.status === 'failed') {
    return (
      <div className="analytics__message">
        <p role="alert">{report.failure.kind === 'offline' ? t('offline') : t('failed', { message: report.failure.message })}</p>
        <button type="button" className="button button--small" onClick={report.reload}>
          {t('retry')}
        </button>
      </div>
    );
  }
  const { query: asked } = report.data;
  return (
    <div data-testid="analytics-report">
      <p className="analytics__shown" role="status">
        {t('shown', { from: asked.from, to: asked.to, count: daysBetween(asked.from, asked.to), zone: asked.timeZone, generated: formatDateTime(report.data.generatedAt) })}
      </p>
      {report.data.buckets.length === 0 && <p className="muted">{t('empty')}</p>}
      <ReportView report={report.data} clock={clock} />
    </div>
  );
}

function Select<T extends string>({ id, label, value, options, labelOf, onChange }: { id: string; label: string; value: T; options: readonly T[]; labelOf(option: T): string; onChange(value: T): void }) {
  return (
    <span className="analytics__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </span>
  );
}
