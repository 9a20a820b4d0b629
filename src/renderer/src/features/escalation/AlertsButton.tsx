import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../i18n.js';
import { useAlerts, useDeskServices } from '../../services.js';
import { AlertsPanel } from './AlertsPanel.js';
import './escalation.css';

/**
 * The top bar's way into the notification policy: it says "Quiet" during quiet hours and counts what
 * was held back. When quiet hours end (or the agent comes back) with something held, the panel opens
 * by itself on the digest, without taking the keyboard from whatever the agent is doing.
 */
export function AlertsButton() {
  const { alerts } = useDeskServices();
  const { t, i18n } = useTranslation('escalation');
  const status = useAlerts((state) => state.status);
  /** The agent opened the panel (the keyboard goes into it); otherwise it shows for a digest that is due. */
  const [openedByAgent, setOpenedByAgent] = useState(false);
  /** The digest the agent closed, by what it held, so it does not open again until something new is held. */
  const [closedDigest, setClosedDigest] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const quiet = (status?.quiet.length ?? 0) > 0;
  const held = status?.held.length ?? 0;
  const digestKey = status?.held.map((alert) => alert.id).join(' ') ?? '';
  const digestShows = status?.digestDue === true && held > 0 && closedDigest !== digestKey;
  const open = openedByAgent || digestShows;

  // Desktop notifications speak the console's language, told to the core whenever it changes.
  const language = i18n.resolvedLanguage ?? i18n.language;
  const notifiedIn = status?.settings.locale;
  useEffect(() => {
    if (notifiedIn !== undefined && isLocale(language) && notifiedIn !== language) void alerts.getState().configure({ locale: language }).catch(() => undefined);
  }, [alerts, language, notifiedIn]);

  function close(returnFocus: boolean) {
    setOpenedByAgent(false);
    setClosedDigest(digestKey);
    // The digest has been seen: it opens by itself no more (its items stay until marked read).
    if (status?.digestDue) void alerts.getState().dismissDigest([]).catch(() => undefined);
    if (returnFocus) buttonRef.current?.focus();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`button alerts-button${quiet ? ' alerts-button--quiet' : ''}`}
        data-testid="alerts-button"
        data-quiet={quiet}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(true) : setOpenedByAgent(true))}
      >
        <span aria-hidden="true">{quiet ? '☾' : '♪'}</span>
        {t('alerts.button')}
        {quiet && <span className="alerts-button__quiet">{t('alerts.quietBadge')}</span>}
        {held > 0 && (
          <>
            <span className="count-badge" data-testid="alerts-held" aria-hidden="true">
              {held}
            </span>
            <span className="visually-hidden">, {t('alerts.held', { count: held })}</span>
          </>
        )}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {digestShows ? t('alerts.digest.announce', { count: held }) : ''}
      </span>
      {/* Once the agent works in a panel the digest opened, it stays open until they close it. */}
      {open && <AlertsPanel id={panelId} focusOnOpen={openedByAgent} onClose={close} onEngaged={() => setOpenedByAgent(true)} />}
    </>
  );
}
