import type { BrowserWindow } from 'electron';
import { deskIpcChannels } from '../shared/desk-api/bridge.js';
import type { ConnectionState, DeskEventPayload } from '../shared/desk-api/contract.js';
import type { Timers } from './core/alerts/alerter.js';
import type { DeskService } from './core/desk-service.js';
import { UpdateCheck } from './core/desktop/update-check.js';

/** What the shell uses of electron-updater's autoUpdater (an object a test can fake). */
export interface AutoUpdater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Auto-update from the agent's own Shiftdesk server (`<server>/updates/`, electron-updater's generic
 * provider): the feed is set at run time, so it follows the server the console is configured for.
 * Downloads happen in the background and install when the app quits — never a restart mid-shift —
 * and the console is told (`desk.updateReady`) so it can say so.
 */
export function startUpdates(autoUpdater: AutoUpdater, core: DeskService, window: () => BrowserWindow | null, serverUrl: string, timers: Timers): () => void {
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  let server = serverUrl;
  let status: ConnectionState['status'] = 'connecting';
  let feed: string | null = null;

  const check = new UpdateCheck({
    source: {
      setFeed: (url) => {
        if (url === feed) return;
        feed = url;
        autoUpdater.setFeedURL({ provider: 'generic', url, channel: 'latest' });
      },
      check: async () => {
        await autoUpdater.checkForUpdates();
      },
    },
    timers,
    serverUrl: () => server,
    online: () => status !== 'offline',
    ready: (version) => {
      const target = window();
      if (!target || target.isDestroyed()) return;
      const send = () => target.webContents.send(deskIpcChannels.event, 'desk.updateReady', { version } satisfies DeskEventPayload<'desk.updateReady'>);
      if (target.webContents.isLoading()) target.webContents.once('did-finish-load', send);
      else send();
    },
  });
  autoUpdater.on('update-downloaded', (info) => check.updateDownloaded(info.version));
  autoUpdater.on('error', () => check.updateFailed());

  const stop = core.onEvent((event, payload) => {
    if (event !== 'connection.changed') return;
    const state = payload as ConnectionState;
    server = state.serverUrl;
    const wasOffline = status === 'offline';
    status = state.status;
    if (wasOffline && status === 'online') check.onlineAgain();
  });
  check.start();
  return () => {
    stop();
    check.stop();
  };
}
