import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalyticsButton } from '../features/analytics/AnalyticsButton.js';
import { ChannelSettingsButton } from '../features/channels/ChannelSettingsButton.js';
import { HandoffButton } from '../features/handoff/HandoffButton.js';
import { KnowledgeButton } from '../features/knowledge/KnowledgeButton.js';
import { MacrosButton } from '../features/macros/MacrosButton.js';
import { AlertsButton } from '../features/escalation/AlertsButton.js';
import { RotaButton } from '../features/shifts/RotaButton.js';
import { LogCallButton } from '../features/phone/LogCallButton.js';
import { RoutingSettingsButton } from '../features/routing/RoutingSettingsButton.js';
import { RemoteSettingsButton } from '../features/remote/RemoteSettingsButton.js';
import { StatusControl } from '../features/routing/StatusControl.js';
import { WallboardButton } from '../features/wallboard/WallboardButton.js';
import { LanguageSelect } from '../features/settings/LanguageSelect.js';
import { SettingsButton } from '../features/settings/SettingsButton.js';
import { useConnection, useDeskServices, useSession } from '../services.js';
import { errorMessage, useDateTimeFormat } from '../ui/format.js';

/**
 * The top bar fits 1280 px in every language (Russian is the longest): what an agent uses all shift
 * long sits in it, the rarer tools (the rota, the admins' settings) under "More", the
 * agent's own settings (theme, density, language, time zone, sounds) behind the Settings gear.
 */
export function TopBar() {
  const { t } = useTranslation('app');
  const user = useSession((state) => state.user);

  return (
    <header className="top-bar">
      <span className="top-bar__product">{t('topBar.productName')}</span>
      {user && <ConnectionPill />}
      <span className="top-bar__spacer" />
      {user ? (
        <>
          <AlertsButton />
          <LogCallButton />
          <HandoffButton />
          <KnowledgeButton />
          <MacrosButton />
          <MoreTools>
            <WallboardButton />
            <RotaButton />
            <AnalyticsButton />
            <ChannelSettingsButton />
            <RoutingSettingsButton />
            <RemoteSettingsButton />
          </MoreTools>
          <StatusControl />
          <SettingsButton />
          <span className="top-bar__user" title={`${user.name} · ${user.email}`}>
            <span className="top-bar__avatar" aria-hidden="true">
              {user.name.trim().charAt(0).toUpperCase()}
            </span>
            <span className="visually-hidden">{t('topBar.signedInAs', { name: user.name })}</span>
            <span className="top-bar__name" aria-hidden="true">
              {user.name}
            </span>
          </span>
          <SignOutButton />
        </>
      ) : (
        <SignedOutLanguage />
      )}
    </header>
  );
}

/**
 * "More": a disclosure under which the rarer tools keep their own buttons (and names). It stays open
 * while one of their dialogs is, so closing the dialog gives the keyboard back to its button; a click
 * elsewhere, Escape or the button itself closes it.
 */
function MoreTools({ children }: { children: ReactNode }) {
  const { t } = useTranslation('settings');
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="top-bar__more"
      onKeyDown={(event) => {
        // Escape in one of the tools' dialogs closes that dialog, not this.
        if (event.key !== 'Escape' || !open || (event.target as Element).closest('dialog')) return;
        setOpen(false);
        buttonRef.current?.focus();
      }}
    >
      <button ref={buttonRef} type="button" className="button" data-testid="more-tools-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('more.button')}
        <span aria-hidden="true">▾</span>
      </button>
      <div id={panelId} className="top-bar__more-panel" role="group" aria-label={t('more.label')} hidden={!open}>
        {children}
      </div>
    </div>
  );
}

/** Before sign-in the language is chosen here; after, in Settings. */
function SignedOutLanguage() {
  const { t } = useTranslation('app');
  const id = useId();
  return (
    <span className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('topBar.language')}
      </label>
      <LanguageSelect id={id} />
    </span>
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
