import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import updater from 'electron-updater';
import { handoffDraftMinutesFrom } from './core/handoff-settings.js';
import { WorkerDesk } from './core/worker/worker-desk.js';
import { presentAlerts } from './alert-presenter.js';
import { forwardDeskEvents, registerDeskIpc } from './ipc.js';
import { mainWindowOptions } from './window.js';

// electron-updater is CommonJS; its named export is not visible from ESM (see STACK.md).
const { autoUpdater } = updater;

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  window.once('ready-to-show', () => window.show());
  // Links in tickets open in the user's browser, never inside the privileged window.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:') || url.startsWith('http:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

async function main(): Promise<void> {
  // Windows shows an app's notifications only under the id it was installed with.
  app.setAppUserModelId('org.shiftdesk.console');
  await app.whenReady();
  const dataDir = join(app.getPath('userData'), 'console');
  const core = await WorkerDesk.start({
    dataDir,
    serverUrl: process.env.SHIFTDESK_SERVER_URL ?? 'http://127.0.0.1:4780',
    secretsFile: join(dataDir, 'session.json'),
    handoffDraftMinutes: handoffDraftMinutesFrom(process.env),
    openExternal: (url) => shell.openExternal(url),
  });
  registerDeskIpc(ipcMain, core, (event) => event.sender === mainWindow?.webContents && event.senderFrame === mainWindow.webContents.mainFrame);
  forwardDeskEvents(core, () => mainWindow?.webContents ?? null);
  presentAlerts(core, () => mainWindow);
  mainWindow = createMainWindow();
  if (app.isPackaged) void autoUpdater.checkForUpdatesAndNotify().catch(() => undefined);

  app.on('window-all-closed', () => {
    void core.close().finally(() => app.quit());
  });
}

void main();
