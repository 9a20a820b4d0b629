import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { locales } from '../../../shared/domain/people.js';
import { ChannelSettingsButton } from '../features/channels/ChannelSettingsButton.js';
import { HandoffButton } from '../features/handoff/HandoffButton.js';
import { AlertsButton } from '../features/escalation/AlertsButton.js';
import { RotaButton } from '../features/shifts/RotaButton.js';
import { LogCallButton } from '../features/phone/LogCallButton.js';
import { RoutingSettingsButton } from '../features/routing/RoutingSettingsButton.js';
import { StatusControl } from '../features/routing/StatusControl.js';
import { isLocale } from '../i18n.js';
import { useConnection, useDeskServices, useSession } from '../services.js';
import { errorMessage, useDateTimeFormat } from '../ui/format.js';
import { languageNames } from '../ui/language-names.js';
import { rememberChosenLanguage } from './language.js';

export function TopBar() {
  const { t } = useTranslation('app');
  const user = useSession((state) => state.user);

  return (
    <header className="top-bar">
      <span className="top-bar__product">{t('topBar.productName')}</span>
      {user && <ConnectionPill />}
      <span className="top-bar__spacer" />
      {user && <AlertsButton />}
      {user && <LogCallButton />}
      {user && <HandoffButton />}
      {user && <RotaButton />}
      {user && <ChannelSettingsButton />}
      {user && <RoutingSettingsButton />}
      <LanguageSwitcher userId={user?.id ?? null} />
      {user && (
        <>
          <StatusControl />
          <span className="top-bar__user" title={user.email}>
            <span className="top-bar__avatar" aria-hidden="true">
              {user.name.trim().charAt(0).toUpperCase()}
            </span>
            {t('topBar.signedInAs', { name: user.name })}
          </span>
          <SignOutButton />
        </>
      )}
    </header>
  );
}

function ConnectionPill() {
  const { connection } = useDeskServices();
  const { t } = useTranslation('app');
  const formatDateTime = useDateTimeFormat();
  useEffect(() => connection.getState().connect(), [connection]);
  const state = useConnection((store) => store.connection);
  const status = state?.status ?? 'connecting';
  const synced = state?.lastSyncedAt
    ? t('connection.lastSynced', { time: formatDateTime(state.lastSyncedAt) })
    : t('connection.neverSynced');

  return (
    <span className={`pill pill--${status}`} data-testid="connection-status" data-status={status} title={synced}>
      <span className="pill__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span role="status">{t(`connection.${status}`)}</span>
    </span>
  );
}

function LanguageSwitcher({ userId }: { userId: string | null }) {
  const { storage } = useDeskServices();
  const { t, i18n } = useTranslation('app');
  const id = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;

  return (
    <span className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('topBar.language')}
      </label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          const language = event.target.value;
          if (!isLocale(language)) return;
          rememberChosenLanguage(storage, language, userId);
          void i18n.changeLanguage(language);
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {languageNames[locale]}
          </option>
        ))}
      </select>
    </span>
  );
}

function SignOutButton() {
  const { session } = useDeskServices();
  const { t } = useTranslation('app');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await session.getState().logout();
          } catch (failure) {
            setError(errorMessage(failure));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('topBar.signOut')}
      </button>
      {error && (
        <span className="top-bar__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
