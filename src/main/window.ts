import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { RestoredWindow, WindowStateFile } from './core/desktop/window-state.js';

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 };

/**
 * The renderer gets no Node, no Electron and no way around the preload bridge; web security stays on.
 * Kept as plain data so a unit test can pin every flag.
 */
export function mainWindowOptions(preloadPath: string, bounds: RestoredWindow['bounds'] = DEFAULT_WINDOW_SIZE): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: '#0f1419',
    title: 'Shiftdesk',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      // A page must sound at 3 a.m. after a restart that signed in from the saved session, before anyone has clicked.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

/**
 * Opens the window maximised or full screen if it was, and keeps its state in the file as it moves:
 * the normal bounds too, so un-maximising next time returns to where it was.
 */
export function rememberWindowState(window: BrowserWindow, file: WindowStateFile, restored: RestoredWindow): void {
  window.once('ready-to-show', () => {
    if (restored.maximized) window.maximize();
    if (restored.fullScreen) window.setFullScreen(true);
  });
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    file.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() });
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('enter-full-screen', save);
  window.on('leave-full-screen', save);
  window.on('close', () => {
    save();
    file.flush();
  });
}
