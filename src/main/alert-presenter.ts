import { Notification, type BrowserWindow } from 'electron';
import type { AlertRing, AlertStatus } from '../shared/alerts/alert.js';
import { alertText } from '../shared/alerts/alert-text.js';
import type { DeskService } from './core/desk-service.js';

/** A catch-up after a night offline may bring dozens of tickets: the desktop shows a few, the console the rest. */
const NOTICES_AT_ONCE = 3;

/**
 * The shell's part of the notification policy: the core decides what rings; this shows it natively.
 * Each alert is a system notification (silent: the console plays the tone), a page's replacing its
 * previous one each time it rings again; the taskbar flashes while a page rings and the window is not
 * in front, and stops when the agent looks or the page is answered.
 */
export function presentAlerts(core: DeskService, window: () => BrowserWindow | null): () => void {
  const shown = new Map<string, { notification: Notification; page: boolean }>();
  const watched = new WeakSet<BrowserWindow>();

  function bringForward(): void {
    const target = window();
    if (!target || target.isDestroyed()) return;
    if (target.isMinimized()) target.restore();
    target.show();
    target.focus();
  }

  function notify(ring: AlertRing): void {
    if (!Notification.isSupported()) return;
    const pages = ring.alerts.filter((alert) => alert.kind === 'page');
    const others = ring.alerts.filter((alert) => alert.kind !== 'page').slice(-NOTICES_AT_ONCE);
    for (const alert of [...pages, ...others]) {
      shown.get(alert.id)?.notification.close();
      const { title, body } = alertText(alert, ring.locale);
      const page = alert.kind === 'page';
      const notification = new Notification({ title, body, silent: true, urgency: page ? 'critical' : 'normal', timeoutType: page ? 'never' : 'default' });
      notification.on('click', bringForward);
      notification.on('close', () => {
        if (shown.get(alert.id)?.notification === notification) shown.delete(alert.id);
      });
      shown.set(alert.id, { notification, page });
      notification.show();
    }
  }

  function flash(ring: AlertRing): void {
    const target = window();
    if (!target || target.isDestroyed() || !ring.alerts.some((alert) => alert.kind === 'page')) return;
    if (!watched.has(target)) {
      watched.add(target);
      target.on('focus', () => target.flashFrame(false));
    }
    if (!target.isFocused()) target.flashFrame(true);
  }

  /** Nothing rings any more (answered here or elsewhere, or the ladder moved on): the pages' notifications go. */
  function settle(status: AlertStatus): void {
    if (status.ringing > 0) return;
    const target = window();
    if (target && !target.isDestroyed()) target.flashFrame(false);
    for (const [id, { notification, page }] of shown) {
      if (!page) continue;
      shown.delete(id);
      notification.close();
    }
  }

  return core.onEvent((event, payload) => {
    if (event === 'alerts.ring') {
      notify(payload as AlertRing);
      flash(payload as AlertRing);
    } else if (event === 'alerts.changed') settle(payload as AlertStatus);
  });
}
