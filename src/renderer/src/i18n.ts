import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '../../shared/domain/people.js';
import * as app from './app/i18n.js';
import * as analytics from './features/analytics/i18n.js';
import * as channels from './features/channels/i18n.js';
import * as desktop from './features/desktop/i18n.js';
import * as escalation from './features/escalation/i18n.js';
import * as handoff from './features/handoff/i18n.js';
import * as knowledge from './features/knowledge/i18n.js';
import * as login from './features/login/i18n.js';
import * as macros from './features/macros/i18n.js';
import * as phone from './features/phone/i18n.js';
import * as queue from './features/queue/i18n.js';
import * as remote from './features/remote/i18n.js';
import * as routing from './features/routing/i18n.js';
import * as settings from './features/settings/i18n.js';
import * as shifts from './features/shifts/i18n.js';
import * as sla from './features/sla/i18n.js';
import * as sync from './features/sync/i18n.js';
import * as ticket from './features/ticket/i18n.js';
import * as wallboard from './features/wallboard/i18n.js';
import * as labels from './ui/i18n.js';

/** Each feature owns its strings; here they become one i18next namespace per feature. */
const namespaces = { app, analytics, channels, desktop, escalation, handoff, knowledge, login, macros, phone, queue, remote, routing, settings, shifts, sla, sync, ticket, wallboard, labels } as const;
export type Namespace = keyof typeof namespaces;

function resourcesFor(locale: Locale) {
  return Object.fromEntries(Object.entries(namespaces).map(([ns, strings]) => [ns, strings[locale]]));
}

export const resources = Object.fromEntries(locales.map((locale) => [locale, resourcesFor(locale)]));

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** A fresh instance per app (and per test), so nothing leaks between them through i18next's global. */
export function createI18n(language: Locale): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...locales],
    ns: Object.keys(namespaces),
    defaultNS: 'app',
    interpolation: { escapeValue: false }, // React escapes; i18next escaping would double it
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: { [Ns in Namespace]: (typeof namespaces)[Ns]['en'] };
  }
}
