import { useEffect } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { DeskServicesProvider, useDeskServices, useSession, type DeskServices } from '../services.js';
import { LoginScreen } from '../features/login/LoginScreen.js';
import { QueueView } from '../features/queue/QueueView.js';
import { SyncStatus } from '../features/sync/SyncStatus.js';
import { AlertToasts } from '../features/escalation/AlertToasts.js';
import { PageCards } from '../features/escalation/PageCards.js';
import { HandoffBanners } from '../features/handoff/HandoffBanners.js';
import { IncomingHandoffs } from '../features/handoff/IncomingHandoffs.js';
import { TicketPane } from '../features/ticket/TicketPane.js';
import { DesktopNotices } from '../features/desktop/DesktopNotices.js';
import { WallboardHost } from '../features/wallboard/WallboardHost.js';
import { useAppearance } from '../features/settings/theme.js';
import { errorMessage } from '../ui/format.js';
import { languageForUser, rememberLastUsedLanguage } from './language.js';
import { TopBar } from './TopBar.js';
import './app.css';

export function App({ services, i18n }: { services: DeskServices; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <DeskServicesProvider services={services}>
        <Shell />
      </DeskServicesProvider>
    </I18nextProvider>
  );
}

function Shell() {
  const { session, storage } = useDeskServices();
  const { t, i18n } = useTranslation('app');
  const status = useSession((state) => state.status);
  const user = useSession((state) => state.user);

  useEffect(() => session.getState().connect(), [session]);
  useAppearance();

  useEffect(() => {
    const applyLang = (language: string) => {
      document.documentElement.lang = language;
    };
    applyLang(i18n.resolvedLanguage ?? i18n.language);
    i18n.on('languageChanged', applyLang);
    return () => i18n.off('languageChanged', applyLang);
  }, [i18n]);

  useEffect(() => {
    if (!user) return;
    const language = languageForUser(storage, user);
    rememberLastUsedLanguage(storage, language);
    void i18n.changeLanguage(language);
  }, [user, storage, i18n]);

  return (
    <div className="app">
      <TopBar />
      {/* Right under the top bar in the keyboard's order; on screen, above everything. */}
      {status === 'signedIn' && <PageCards />}
      <main className="app__main">
        {status === 'loading' ? (
          <p className="app__notice" role="status">
            {t('loading')}
          </p>
        ) : status === 'error' ? (
          <SessionError />
        ) : status === 'signedOut' ? (
          <LoginScreen />
        ) : (
          <Workspace />
        )}
      </main>
    </div>
  );
}

function Workspace() {
  const { t } = useTranslation('app');
  return (
    <div className="workspace" aria-label={t('workspace.label')} role="group">
      <SyncStatus />
      <DesktopNotices />
      <HandoffBanners />
      <IncomingHandoffs />
      <div className="workspace__columns">
        <QueueView />
        <TicketPane />
      </div>
      <AlertToasts />
      <WallboardHost />
    </div>
  );
}

function SessionError() {
  const { session } = useDeskServices();
  const { t } = useTranslation('app');
  const error = useSession((state) => state.error);
  return (
    <div className="app__notice">
      <p role="alert">{t('sessionError', { message: errorMessage(error) })}</p>
      <button type="button" className="button" onClick={() => void session.getState().refresh()}>
        {t('retry')}
      </button>
    </div>
  );
}
