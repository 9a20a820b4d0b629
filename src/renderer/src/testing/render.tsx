import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createDeskClient } from '../../../shared/desk-api/client.js';
import type { User } from '../../../shared/domain/people.js';
import type { Locale } from '../../../shared/domain/people.js';
import { App } from '../app/App.js';
import { createI18n } from '../i18n.js';
import { createDeskServices, DeskServicesProvider, type DeskServices } from '../services.js';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { testNow, type FakeDesk } from './fake-desk.js';
import type { AlertOutput } from '../features/escalation/alert-output.js';

export function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A clock tests move by hand; the shared ticker reads it. */
export function manualClock(start = testNow) {
  let now = start;
  return {
    now: () => now,
    set(ms: number) {
      now = ms;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface Rendered extends RenderResult {
  services: DeskServices;
  i18n: I18n;
}

export function renderApp(
  desk: FakeDesk,
  options: { language?: Locale; storage?: ReturnType<typeof memoryStorage>; clock?: { now(): number }; alertOutput?: AlertOutput } = {},
): Rendered {
  const services = createDeskServices(createDeskClient(desk), {
    clock: options.clock ?? manualClock(),
    storage: options.storage ?? memoryStorage(),
    alertOutput: options.alertOutput,
  });
  const i18n = createI18n(options.language ?? 'en');
  return { ...render(<App services={services} i18n={i18n} />), services, i18n };
}

/** A feature component on its own, with an agent already signed in. */
export function renderFeature(
  ui: ReactElement,
  desk: FakeDesk,
  options: { user?: User | null; language?: Locale; clock?: { now(): number }; alertOutput?: AlertOutput } = {},
): Rendered {
  const services = createDeskServices(createDeskClient(desk), {
    clock: options.clock ?? manualClock(),
    storage: memoryStorage(),
    alertOutput: options.alertOutput,
  });
  if (options.user) services.session.setState({ status: 'signedIn', user: options.user, serverUrl: 'https://desk.example.test' });
  const i18n = createI18n(options.language ?? 'en');
  const result = render(
    <I18nextProvider i18n={i18n}>
      <DeskServicesProvider services={services}>{ui}</DeskServicesProvider>
    </I18nextProvider>,
  );
  return { ...result, services, i18n };
}
