import type { RungAlert } from '../../../../shared/alerts/alert.js';
import { hostTonePlayer, type TonePlayer } from './tone-player.js';

/** 'native': the Electron shell shows system notifications itself; 'unsupported': the host has no way to. */
export type DesktopPermission = 'granted' | 'denied' | 'default' | 'unsupported' | 'native';

/** How the console makes an alert heard and seen in the host it runs in. */
export interface AlertOutput {
  player: TonePlayer;
  /** The Electron shell shows the system notifications itself (the browser host leaves them to the console). */
  nativeShell: boolean;
  /** May the console show desktop notifications. */
  permission(): DesktopPermission;
  /** Asks the person (the browser asks only from a click or key press). */
  requestPermission(): Promise<DesktopPermission>;
  /** Whether the agent is looking at the console now. */
  focused(): boolean;
  /** A desktop notification; clicking it brings the console forward. */
  notify(alert: RungAlert, text: { title: string; body: string }): void;
}

// Electron names itself in the user agent; the shell then owns notifications (see src/main/alert-presenter.ts).
const inElectron = () => typeof navigator !== 'undefined' && /\bElectron\//.test(navigator.userAgent);

/** The host's own: Web Audio, and the Web Notification API in a browser. */
export function hostAlertOutput(): AlertOutput {
  const api = typeof window !== 'undefined' && 'Notification' in window ? window.Notification : undefined;
  const nativeShell = inElectron();
  return {
    player: hostTonePlayer(),
    nativeShell,
    permission: () => (nativeShell ? 'native' : api ? api.permission : 'unsupported'),
    async requestPermission() {
      if (nativeShell) return 'native';
      return api ? api.requestPermission() : 'unsupported';
    },
    focused: () => document.visibilityState === 'visible' && document.hasFocus(),
    notify(alert, { title, body }) {
      if (!api) return;
      // One notification per alert: a page ringing again replaces its own, and stays until clicked.
      const notification = new api(title, { body, tag: alert.id, requireInteraction: alert.kind === 'page', silent: true });
      notification.onclick = () => {
        window.focus();
        notification.close();
      };
    },
  };
}
