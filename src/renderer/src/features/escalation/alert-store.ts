import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AlertRing, AlertSettings, AlertStatus, RungAlert } from '../../../../shared/alerts/alert.js';
import { alertText } from '../../../../shared/alerts/alert-text.js';
import { toneFor } from '../../../../shared/alerts/tones.js';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import { priorities } from '../../../../shared/domain/ticket.js';
import { sharedSubscription } from '../../shared-subscription.js';
import type { AlertOutput, DesktopPermission } from './alert-output.js';

/** More in-app notices than this at once is a catch-up; the oldest give way. */
const TOASTS_MAX = 4;

export interface AlertState {
  /** The policy's view of the agent now (duty, quiet hours, digest, settings); null until the core answers. */
  status: AlertStatus | null;
  /** In-app notices: what rang while desktop notifications were not possible or the agent was looking. */
  toasts: readonly RungAlert[];
  permission: DesktopPermission;
  /** Reads the status and follows `alerts.changed` and `alerts.ring`: sounds and notifies. */
  connect(): () => void;
  configure(change: Partial<AlertSettings>): Promise<void>;
  /** The agent has seen these held alerts. */
  dismissDigest(ids: readonly string[]): Promise<void>;
  dismissToast(id: string): void;
  requestPermission(): Promise<void>;
  /** What a page of this priority and channel sounds like, for the settings' "play". */
  playSample(cue: Parameters<typeof toneFor>[0]): void;
}

export type AlertStore = StoreApi<AlertState>;

/** Pages first, then by priority: the one tone a ring plays is its most urgent alert's. */
function urgency(alert: RungAlert): number {
  return (alert.kind === 'page' ? 0 : 10) + priorities.indexOf(alert.priority);
}

export function createAlertStore(client: DeskClient, output: AlertOutput): AlertStore {
  let newestRead = 0;

  return createStore<AlertState>()((set) => {
    async function read(): Promise<void> {
      const readNumber = ++newestRead;
      try {
        const status = await client.call('alerts.status', {});
        if (readNumber === newestRead) set({ status });
      } catch {
        // Without a status the console shows no quiet hours; the next change reads again.
      }
    }

    function present(ring: AlertRing): void {
      const heard = ring.alerts.filter((alert) => alert.sound !== null).sort((a, b) => urgency(a) - urgency(b))[0];
      if (heard?.sound) output.player.play(toneFor(heard.sound));
      if (output.nativeShell) return;
      const desktop = output.permission() === 'granted' && !output.focused();
      const inApp: RungAlert[] = [];
      for (const alert of ring.alerts) {
        if (desktop) output.notify(alert, alertText(alert, ring.locale));
        // A page has its card; a page ringing again is no news to show twice.
        else if (alert.kind !== 'page') inApp.push(alert);
      }
      if (inApp.length > 0) set((state) => ({ toasts: [...state.toasts.filter((toast) => !inApp.some((alert) => alert.id === toast.id)), ...inApp].slice(-TOASTS_MAX) }));
    }

    return {
      status: null,
      toasts: [],
      permission: output.permission(),
      connect: sharedSubscription(() => {
        const offChanged = client.on('alerts.changed', (status) => {
          newestRead++;
          set({ status });
        });
        const offRing = client.on('alerts.ring', present);
        void read();
        return () => {
          offChanged();
          offRing();
          newestRead++;
          set({ status: null, toasts: [] });
        };
      }),
      async configure(change) {
        set({ status: await client.call('alerts.configure', change) });
      },
      async dismissDigest(ids) {
        set({ status: await client.call('alerts.dismissDigest', { ids: [...ids] }) });
      },
      dismissToast(id) {
        set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
      },
      async requestPermission() {
        set({ permission: await output.requestPermission() });
      },
      playSample(cue) {
        output.player.play(toneFor(cue));
      },
    };
  });
}
