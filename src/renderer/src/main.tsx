import './zod-jitless.js'; // must run before any schema is built
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDeskClient } from '../../shared/desk-api/client.js';
import { App } from './app/App.js';
import { languageBeforeSignIn } from './app/language.js';
import { createI18n } from './i18n.js';
import { createDeskServices } from './services.js';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const i18n = createI18n(languageBeforeSignIn(window.localStorage, navigator.languages));
document.documentElement.lang = i18n.language;
const root = createRoot(container);

// The host installs the bridge before this script runs; without it there is nothing to talk to.
if (typeof window.desk === 'undefined') {
  root.render(
    <p className="bridge-missing" role="alert">
      {i18n.t('bridgeMissing')}
    </p>,
  );
} else {
  const services = createDeskServices(createDeskClient(window.desk));
  root.render(
    <StrictMode>
      <App services={services} i18n={i18n} />
    </StrictMode>,
  );
}
