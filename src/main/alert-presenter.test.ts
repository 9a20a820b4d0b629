import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { defaultAlertSettings, type AlertRing, type AlertStatus, type RungAlert } from '../shared/alerts/alert.js';
import { makePageAlert } from '../shared/alerts/fixtures.js';
import type { DeskEventListener, DeskService } from './core/desk-service.js';

// No Electron binary here: native notifications are a fake `electron` that records what it is asked.
const fake = vi.hoisted(() => {
  const notifications: FakeNotification[] = [];
  class FakeNotification {
    shown = false;
    closed = false;
    private readonly handlers = new Map<string, () => void>();
    constructor(readonly options: Record<string, unknown>) {
      notifications.push(this);
    }
    static isSupported() {
      return true;
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
      return this;
    }
    show() {
      this.shown = true;
    }
    close() {
      this.closed = true;
      this.handlers.get('close')?.();
    }
    click() {
      this.handlers.get('click')?.();
    }
  }
  return { notifications, electron: { Notification: FakeNotification } };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { presentAlerts } = await import('./alert-presenter.js');

function fakeWindow() {
  const calls: string[] = [];
  let focused = false;
  const handlers = new Map<string, () => void>();
  const window = {
    isDestroyed: () => false,
    isMinimized: () => true,
    isFocused: () => focused,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => {
      calls.push('focus');
      focused = true;
      handlers.get('focus')?.();
    },
    flashFrame: (on: boolean) => calls.push(on ? 'flash' : 'stop flashing'),
    on: (event: string, handler: () => void) => handlers.set(event, handler),
  };
  return { window: window as unknown as BrowserWindow, calls };
}

function fakeCore() {
  const listeners = new Set<DeskEventListener>();
  const core: DeskService = {
    call: () => Promise.reject(new Error('not used')),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => Promise.resolve(),
  };
  const emit = (event: 'alerts.ring' | 'alerts.changed', payload: AlertRing | AlertStatus) => {
    for (const listener of listeners) listener(event, payload as never);
  };
  return { core, emit };
}

const page: RungAlert = { ...makePageAlert({ reason: 'Whole office offline' }), sound: { family: 'escalation', priority: 'critical', channel: 'chat' }, repeat: false };

const status = (ringing: number): AlertStatus => ({
  duty: { onShift: true, onCall: true, away: false, inQuietWindow: false },
  quiet: [],
  nextChangeAt: null,
  held: [],
  digestDue: false,
  ringing,
  settings: defaultAlertSettings,
});

describe('native alerts in the Electron shell', () => {
  it('shows a page as a silent, persistent system notification in the agent’s language, and flashes the taskbar', () => {
    fake.notifications.length = 0;
    const { core, emit } = fakeCore();
    const { window, calls } = fakeWindow();
    presentAlerts(core, () => window);

    emit('alerts.ring', { alerts: [page], locale: 'pl' });
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]!.options).toEqual({
      title: 'Eskalacja #1042 · Krytyczny',
      body: 'VPN drops every 10 minutes\nMarta Nowak: Whole office offline',
      silent: true,
      urgency: 'critical',
      timeoutType: 'never',
    });
    expect(fake.notifications[0]!.shown).toBe(true);
    expect(calls).toEqual(['flash']);
  });

  it('rings a page again by replacing its notification, and clicking it brings the console forward', () => {
    fake.notifications.length = 0;
    const { core, emit } = fakeCore();
    const { window, calls } = fakeWindow();
    presentAlerts(core, () => window);

    emit('alerts.ring', { alerts: [page], locale: 'en' });
    emit('alerts.ring', { alerts: [{ ...page, repeat: true }], locale: 'en' });
    expect(fake.notifications.map((n) => [n.shown, n.closed])).toEqual([
      [true, true],
      [true, false],
    ]);
    fake.notifications[1]!.click();
    // Looking at the window stops the flashing.
    expect(calls).toEqual(['flash', 'flash', 'restore', 'show', 'focus', 'stop flashing']);
  });

  it('once nothing rings, the pages’ notifications go and the taskbar stops; other news stays', () => {
    fake.notifications.length = 0;
    const { core, emit } = fakeCore();
    const { window, calls } = fakeWindow();
    presentAlerts(core, () => window);

    const news: RungAlert = { ...page, id: 'newTicket:1', kind: 'newTicket', priority: 'medium', reason: null, escalationId: null, sound: null };
    emit('alerts.ring', { alerts: [page, news], locale: 'en' });
    emit('alerts.changed', status(1));
    expect(fake.notifications.map((n) => n.closed)).toEqual([false, false]);
    emit('alerts.changed', status(0));
    expect(fake.notifications.map((n) => n.closed)).toEqual([true, false]);
    expect(calls).toEqual(['flash', 'stop flashing']);
  });

  it('news that is not a page neither flashes the taskbar nor stays on screen, and a night’s catch-up shows three', () => {
    fake.notifications.length = 0;
    const { core, emit } = fakeCore();
    const { window, calls } = fakeWindow();
    presentAlerts(core, () => window);

    const tickets = [1, 2, 3, 4, 5].map((n): RungAlert => ({ ...page, id: `newTicket:${n}`, kind: 'newTicket', ticketNumber: 2000 + n, priority: 'low', reason: null, escalationId: null, sound: null }));
    emit('alerts.ring', { alerts: tickets, locale: 'en' });
    expect(fake.notifications.map((n) => [n.options.title, n.options.timeoutType])).toEqual([
      ['New ticket #2003 · Low', 'default'],
      ['New ticket #2004 · Low', 'default'],
      ['New ticket #2005 · Low', 'default'],
    ]);
    expect(calls).toEqual([]);
  });
});
