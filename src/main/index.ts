import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, screen, shell, Tray } from 'electron';
import updater from 'electron-updater';
import { systemTimers } from './core/alerts/alerter.js';
import { restoreWindow, WindowStateFile } from './core/desktop/window-state.js';
import { handoffDraftMinutesFrom } from './core/handoff-settings.js';
import { WorkerDesk } from './core/worker/worker-desk.js';
import { presentAlerts } from './alert-presenter.js';
import { forwardDeskEvents, registerDeskIpc } from './ipc.js';
import { claimTicketLinks } from './ticket-links.js';
import { createDeskTray } from './tray.js';
import { startUpdates } from './updates.js';
import { DEFAULT_WINDOW_SIZE, mainWindowOptions, rememberWindowState } from './window.js';

// electron-updater is CommonJS; its named export is not visible from ESM (see STACK.md).
const { autoUpdater } = updater;

let mainWindow: BrowserWindow | null = null;

function createMainWindow(windowState: WindowStateFile, ticket: number | null): BrowserWindow {
  const restored = restoreWindow(windowState.load(), screen.getAllDisplays().map((display) => display.workArea), DEFAULT_WINDOW_SIZE);
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), restored.bounds));
  rememberWindowState(window, windowState, restored);
  window.once('ready-to-show', () => window.show());
  // Links in tickets open in the user's browser, never inside the privileged window.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:') || url.startsWith('http:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  // A ticket link that started the app rides on the first load, as `?ticket=` does in the browser host.
  const query = ticket === null ? undefined : { ticket: String(ticket) };
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(query ? `${devServer}?${new URLSearchParams(query)}` : devServer);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'), query ? { query } : undefined);
  return window;
}

async function main(): Promise<void> {
  const links = claimTicketLinks(app, process.argv, () => mainWindow, process.defaultApp);
  // Another console runs: it has been given this start's link and comes to the front.
  if (!links) return app.quit();
  // Windows shows an app's notifications only under the id it was installed with.
  app.setAppUserModelId('org.shiftdesk.console');
  await app.whenReady();
  const dataDir = join(app.getPath('userData'), 'console');
  const serverUrl = process.env.SHIFTDESK_SERVER_URL ?? 'http://127.0.0.1:4780';
  const core = await WorkerDesk.start({
    dataDir,
    serverUrl,
    secretsFile: join(dataDir, 'session.json'),
    handoffDraftMinutes: handoffDraftMinutesFrom(process.env),
    openExternal: (url) => shell.openExternal(url),
  });
  registerDeskIpc(ipcMain, core, (event) => event.sender === mainWindow?.webContents && event.senderFrame === mainWindow.webContents.mainFrame);
  forwardDeskEvents(core, () => mainWindow?.webContents ?? null);
  presentAlerts(core, () => mainWindow);
  mainWindow = createMainWindow(new WindowStateFile(join(app.getPath('userData'), 'window-state.json'), systemTimers), links.takeInitial());

  // Quitting from the tray closes the core first, as closing the window does.
  let quitting = false;
  const quit = () => {
    if (quitting) return;
    quitting = true;
    void core.close().finally(() => app.quit());
  };
  createDeskTray({ app, Tray, Menu, nativeImage, platform: process.platform }, core, () => mainWindow, quit);
  // A development run has no installed version to replace.
  if (app.isPackaged) startUpdates(autoUpdater, core, () => mainWindow, serverUrl, systemTimers);

  app.on('window-all-closed', quit);
}

void main();
