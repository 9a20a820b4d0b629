import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices, useSession, useSettings } from '../../services.js';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { LanguageSelect } from './LanguageSelect.js';
import { densities, themeChoices, type ConsoleSettings } from './settings.js';
import { useSystemPrefersLight } from './theme.js';

/** A page's tone of a common kind: what an escalation will sound like at this volume. */
const sampleCue = { family: 'escalation', priority: 'high', channel: 'phone' } as const;

/**
 * The agent's own settings on this machine: every change applies at once (no Save, no restart) and
 * is kept for this agent only, so colleagues sharing the machine keep theirs.
 */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('settings');
  const { settings: store, alerts } = useDeskServices();
  const settings = useSettings((state) => state.settings);
  const profileZone = useSession((state) => state.user?.timeZone ?? 'UTC');
  const systemLight = useSystemPrefersLight();
  const base = useId();
  const headingId = `${base}-heading`;
  const dialogRef = useModalDialog('input[name$="theme"]:checked');
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const change = (next: Partial<ConsoleSettings>) => store.getState().change(next);

  return (
    <dialog ref={dialogRef} className="modal-dialog console-settings" aria-labelledby={headingId} data-testid="settings-dialog" onClose={onClose}>
      <DialogHeader id={headingId} title={t('title')} closeLabel={t('close')} onClose={onClose} />
      <div className="console-settings__body">
        <section className="console-settings__section" aria-labelledby={`${base}-appearance`}>
          <h3 id={`${base}-appearance`} className="console-settings__heading">
            {t('appearance')}
          </h3>
          <fieldset className="console-settings__choices" aria-describedby={settings.theme === 'system' ? `${base}-system` : undefined}>
            <legend>{t('theme.label')}</legend>
            {themeChoices.map((choice) => (
              <label key={choice} className="console-settings__choice">
                <input type="radio" name={`${base}-theme`} value={choice} checked={settings.theme === choice} onChange={() => change({ theme: choice })} />
                {t(`theme.${choice}`)}
              </label>
            ))}
            {settings.theme === 'system' && (
              <p id={`${base}-system`} className="console-settings__hint">
                {t(systemLight ? 'theme.systemIsLight' : 'theme.systemIsDark')}
              </p>
            )}
          </fieldset>
          <fieldset className="console-settings__choices" aria-describedby={`${base}-density`}>
            <legend>{t('density.label')}</legend>
            {densities.map((density) => (
              <label key={density} className="console-settings__choice">
                <input type="radio" name={`${base}-density`} value={density} checked={settings.density === density} onChange={() => change({ density })} />
                {t(`density.${density}`)}
              </label>
            ))}
            <p id={`${base}-density`} className="console-settings__hint">
              {t('density.hint')}
            </p>
          </fieldset>
        </section>

        <section className="console-settings__section" aria-labelledby={`${base}-time`}>
          <h3 id={`${base}-time`} className="console-settings__heading">
            {t('languageAndTime')}
          </h3>
          <div className="console-settings__field">
            <label htmlFor={`${base}-language`}>{t('language')}</label>
            <LanguageSelect id={`${base}-language`} />
          </div>
          <div className="console-settings__field">
            <label htmlFor={`${base}-zone`}>{t('timeZone.label')}</label>
            <select id={`${base}-zone`} aria-describedby={`${base}-zone-hint`} value={settings.timeZone ?? ''} onChange={(event) => change({ timeZone: event.target.value || null })}>
              <option value="">{t('timeZone.profile', { zone: profileZone })}</option>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
            <p id={`${base}-zone-hint`} className="console-settings__hint">
              {t('timeZone.hint')}
            </p>
          </div>
        </section>

        <section className="console-settings__section" aria-labelledby={`${base}-sounds`}>
          <h3 id={`${base}-sounds`} className="console-settings__heading">
            {t('sounds.heading')}
          </h3>
          <div className="console-settings__check">
            <input
              id={`${base}-escalation`}
              type="checkbox"
              checked={settings.escalationSounds}
              aria-describedby={`${base}-escalation-hint`}
              onChange={(event) => change({ escalationSounds: event.target.checked })}
            />
            <label htmlFor={`${base}-escalation`}>{t('sounds.escalation')}</label>
            <p id={`${base}-escalation-hint`} className="console-settings__hint">
              {t('sounds.escalationHint')}
            </p>
          </div>
          <div className="console-settings__field console-settings__volume">
            <label htmlFor={`${base}-volume`}>{t('sounds.volume')}</label>
            <input
              id={`${base}-volume`}
              type="range"
              min={0}
              max={100}
              step={5}
              value={settings.volume}
              disabled={!settings.escalationSounds}
              aria-valuetext={`${settings.volume} %`}
              onChange={(event) => change({ volume: Number(event.target.value) })}
            />
            <output htmlFor={`${base}-volume`}>{settings.volume} %</output>
            <button type="button" className="button button--small" disabled={!settings.escalationSounds || settings.volume === 0} onClick={() => alerts.getState().playSample(sampleCue)}>
              {t('sounds.test')}
            </button>
          </div>
          <p className="console-settings__hint">{t('sounds.others')}</p>
        </section>
      </div>
    </dialog>
  );
}
