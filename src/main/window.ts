import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer gets no Node, no Electron and no way around the preload bridge; web security stays on.
 * Kept as plain data so a unit test can pin every flag.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
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
