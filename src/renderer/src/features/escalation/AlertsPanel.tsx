import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertSettings, AlertStatus } from '../../../../shared/alerts/alert.js';
import { alertText } from '../../../../shared/alerts/alert-text.js';
import { channels, priorities, type Channel, type Priority } from '../../../../shared/domain/ticket.js';
import { isLocale } from '../../i18n.js';
import { useAlerts, useDeskServices, useSession } from '../../services.js';
import { errorMessage, useDateTimeFormat } from '../../ui/format.js';
import { SideSheet } from '../../ui/SideSheet.js';

/**
 * Beside the workspace, like the shift handoff: where the agent stands now (and why it is quiet),
 * what was held back, and their own settings. It does not trap the keyboard; Escape closes it.
 */
export function AlertsPanel({ id, focusOnOpen, onClose, onEngaged }: { id: string; focusOnOpen: boolean; onClose(returnFocus: boolean): void; onEngaged(): void }) {
  const { t } = useTranslation('escalation');
  const status = useAlerts((state) => state.status);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Only as it opens: a panel the digest opened keeps its place when the agent starts using it.
  const focusFirst = useRef(focusOnOpen);

  useEffect(() => {
    if (focusFirst.current) headingRef.current?.focus();
  }, []);

  return (
    <SideSheet
      id={id}
      className="alerts-panel"
      testId="alerts-panel"
      title={t('alerts.title')}
      closeLabel={t('alerts.close')}
      onClose={() => onClose(true)}
      headingRef={headingRef}
      onFocus={onEngaged}
    >
      {status === null ? (
        <p className="alerts-panel__message muted">{t('alerts.loading')}</p>
      ) : (
        <>
          <Now status={status} />
          <Digest status={status} />
          <Settings status={status} />
        </>
      )}
    </SideSheet>
  );
}

function Now({ status }: { status: AlertStatus }) {
  const { t, i18n } = useTranslation('escalation');
  const formatDateTime = useDateTimeFormat();
  const reasons = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(status.quiet.map((reason) => t(`alerts.reasons.${reason}`)));
  return (
    <p className="alerts-panel__now" data-testid="alerts-now">
      <span aria-hidden="true">{status.quiet.length > 0 ? '☾ ' : '♪ '}</span>
      {status.quiet.length > 0 ? `${t('alerts.now.quiet')} ${t('alerts.now.because', { reasons })}` : status.duty.onCall ? t('alerts.now.onCall') : t('alerts.now.onShift')}
      {status.nextChangeAt && <span className="muted"> {t('alerts.now.until', { time: formatDateTime(status.nextChangeAt) })}</span>}
    </p>
  );
}

function Digest({ status }: { status: AlertStatus }) {
  const { alerts, ticketPane } = useDeskServices();
  const { t, i18n } = useTranslation('escalation');
  const formatDateTime = useDateTimeFormat({ timeStyle: 'short' });
  const headingId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale = isLocale(language) ? language : 'en';

  return (
    <section className="alerts-panel__section" aria-labelledby={headingId} data-testid="alerts-digest">
      <h3 id={headingId} className="alerts-panel__subheading">
        {t('alerts.digest.heading')} <span className="muted">· {t('alerts.digest.count', { count: status.held.length })}</span>
      </h3>
      {status.held.length === 0 ? (
        <p className="muted">{t('alerts.digest.empty')}</p>
      ) : (
        <>
          <ol className="alerts-panel__held">
            {status.held.map((alert) => {
              const { title, body } = alertText(alert, locale);
              return (
                <li key={alert.id} data-testid="held-alert">
                  <button type="button" className="alerts-panel__held-link" onClick={() => ticketPane.getState().open(alert.ticketId)}>
                    <time dateTime={alert.at}>{formatDateTime(alert.at)}</time> <strong>{title}</strong>
                  </button>
                  <span className="alerts-panel__held-body">{body}</span>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button"
            onClick={() => {
              setFailure(null);
              alerts
                .getState()
                .dismissDigest(status.held.map((alert) => alert.id))
                .catch((error: unknown) => setFailure(errorMessage(error)));
            }}
          >
            {t('alerts.digest.markRead')}
          </button>
        </>
      )}
      {failure && <p role="alert">{t('alerts.failed', { message: failure })}</p>}
    </section>
  );
}

function Settings({ status }: { status: AlertStatus }) {
  const { alerts } = useDeskServices();
  const { t } = useTranslation(['escalation', 'labels']);
  const timeZone = useSession((state) => state.user?.timeZone ?? 'UTC');
  const permission = useAlerts((state) => state.permission);
  const base = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const [draftWindow, setDraftWindow] = useState(status.settings.quietWindow ?? { from: '22:00', to: '07:00' });
  const [sample, setSample] = useState<{ priority: Priority; channel: Channel }>({ priority: 'critical', channel: 'chat' });
  const { settings } = status;

  function save(change: Partial<AlertSettings>) {
    setFailure(null);
    alerts
      .getState()
      .configure(change)
      .catch((error: unknown) => setFailure(errorMessage(error)));
  }

  function saveWindow(change: Partial<typeof draftWindow>) {
    const next = { ...draftWindow, ...change };
    setDraftWindow(next);
    // Saved once it is a window: two different, complete times.
    if (settings.quietWindow !== null && /^\d\d:\d\d$/.test(next.from) && /^\d\d:\d\d$/.test(next.to) && next.from !== next.to) save({ quietWindow: next });
  }

  const checkbox = (name: 'nonEscalationSounds' | 'quietWhileAway' | 'quietOnCallOffShift', hint?: string) => (
    <div className="alerts-panel__setting">
      <input id={`${base}-${name}`} type="checkbox" checked={settings[name]} aria-describedby={hint ? `${base}-${name}-hint` : undefined} onChange={(event) => save({ [name]: event.target.checked })} />
      <label htmlFor={`${base}-${name}`}>{t(`alerts.settings.${name}`)}</label>
      {hint && (
        <span id={`${base}-${name}-hint`} className="alerts-panel__hint">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <section className="alerts-panel__section" aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`} className="alerts-panel__subheading">
        {t('alerts.settings.heading')}
      </h3>
      {checkbox('nonEscalationSounds', t('alerts.settings.nonEscalationHint'))}
      {checkbox('quietWhileAway')}
      {checkbox('quietOnCallOffShift')}
      <fieldset className="alerts-panel__window">
        <legend className="alerts-panel__setting">
          <input id={`${base}-window`} type="checkbox" checked={settings.quietWindow !== null} onChange={(event) => save({ quietWindow: event.target.checked ? draftWindow : null })} />
          <label htmlFor={`${base}-window`}>{t('alerts.settings.quietWindow')}</label>
        </legend>
        <label htmlFor={`${base}-from`}>{t('alerts.settings.from')}</label>
        <input id={`${base}-from`} type="time" value={draftWindow.from} disabled={settings.quietWindow === null} onChange={(event) => saveWindow({ from: event.target.value })} />
        <label htmlFor={`${base}-to`}>{t('alerts.settings.to')}</label>
        <input id={`${base}-to`} type="time" value={draftWindow.to} disabled={settings.quietWindow === null} onChange={(event) => saveWindow({ to: event.target.value })} />
        <span className="alerts-panel__hint">{t('alerts.settings.windowHint', { zone: timeZone })}</span>
      </fieldset>
      <div className="alerts-panel__setting">
        <span>{t('alerts.settings.desktop')}: </span>
        {permission === 'default' ? (
          <button type="button" className="button button--small" onClick={() => void alerts.getState().requestPermission()}>
            {t('alerts.settings.desktopAllow')}
          </button>
        ) : (
          <span>{t(`alerts.settings.desktopState.${permission}`)}</span>
        )}
      </div>
      <div className="alerts-panel__sample">
        <label htmlFor={`${base}-priority`}>{t('alerts.settings.samplePriority')}</label>
        <select id={`${base}-priority`} value={sample.priority} onChange={(event) => setSample({ ...sample, priority: event.target.value as Priority })}>
          {priorities.map((priority) => (
            <option key={priority} value={priority}>
              {t(`labels:priority.${priority}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${base}-channel`}>{t('alerts.settings.sampleChannel')}</label>
        <select id={`${base}-channel`} value={sample.channel} onChange={(event) => setSample({ ...sample, channel: event.target.value as Channel })}>
          {channels.map((channel) => (
            <option key={channel} value={channel}>
              {t(`labels:channel.${channel}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button button--small" onClick={() => alerts.getState().playSample({ family: 'escalation', ...sample })}>
          {t('alerts.settings.samplePlay')}
        </button>
      </div>
      {failure && <p role="alert">{t('alerts.failed', { message: failure })}</p>}
    </section>
  );
}
