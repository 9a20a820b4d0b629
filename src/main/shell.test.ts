import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// No Electron binary here: the shell runs against a fake `electron` that records what it is asked.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const appHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: { options: Record<string, unknown>; webContents: Record<string, unknown>; loaded: unknown[]; sent: unknown[][] }[] = [];
  const trays: { tooltip: string }[] = [];
  const protocols: string[] = [];
  class BrowserWindow {
    webContents: Record<string, unknown>;
    loaded: unknown[] = [];
    sent: unknown[][] = [];
    constructor(readonly options: Record<string, unknown>) {
      this.webContents = {
        mainFrame: { id: 'main-frame' },
        setWindowOpenHandler: () => undefined,
        on: () => undefined,
        once: () => undefined,
        send: (...args: unknown[]) => this.sent.push(args),
        isDestroyed: () => false,
        isLoading: () => false,
      };
      windows.push(this);
    }
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
    loadFile(...args: unknown[]) {
      this.loaded.push(args);
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  class Tray {
    state = { tooltip: '' };
    constructor() {
      trays.push(this.state);
    }
    setImage() {}
    setToolTip(text: string) {
      this.state.tooltip = text;
    }
    setContextMenu() {}
    on() {}
  }
  return {
    handlers,
    appHandlers,
    windows,
    trays,
    protocols,
    userData: '',
    electron: {
      app: {
        whenReady: () => Promise.resolve(),
        getPath: () => fake.userData,
        on: (event: string, handler: (...args: unknown[]) => unknown) => appHandlers.set(event, handler),
        quit: () => undefined,
        isPackaged: false,
        setAppUserModelId: () => undefined,
        requestSingleInstanceLock: () => true,
        setAsDefaultProtocolClient: (scheme: string) => protocols.push(scheme),
        setBadgeCount: () => true,
        getLocale: () => 'lv',
      },
      BrowserWindow,
      Tray,
      Menu: { buildFromTemplate: (template: unknown) => template },
      nativeImage: { createEmpty: () => ({ addRepresentation: () => undefined }) },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
      ipcMain: {
        handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, handler),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      shell: { openExternal: () => Promise.resolve() },
      Notification: class {
        static isSupported() {
          return false;
        }
      },
    },
  };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-updater', () => ({ default: { autoUpdater: { checkForUpdatesAndNotify: () => Promise.resolve() } } }));

async function startShell() {
  fake.userData = mkdtempSync(join(tmpdir(), 'shiftdesk-shell-'));
  process.env.SHIFTDESK_SERVER_URL = 'http://127.0.0.1:9';
  // Started from a ticket link, as Windows and Linux start an app for one.
  const argv = process.argv;
  process.argv = [argv[0]!, 'shiftdesk://ticket/1042'];
  try {
    await import('./index.js');
  } finally {
    process.argv = argv;
  }
  // The core starts in a worker thread that loads its modules first: seconds on a busy machine.
  await vi.waitFor(() => expect(fake.windows.length).toBe(1), { timeout: 15_000 });
  const window = fake.windows[0]!;
  const call = fake.handlers.get('desk:call')!;
  const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  return { window, call, fromWindow };
}

describe('Electron shell', () => {
  it('creates the window isolated, sandboxed, without Node and with web security', async () => {
    const { window } = await startShell();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('answers DeskApi calls from its window and refuses malformed input and unknown methods', async () => {
    const { call, fromWindow } = await startShell();
    expect(await call(fromWindow, 'session.get', {})).toEqual({ ok: true, value: { user: null, serverUrl: 'http://127.0.0.1:9' } });
    expect(await call(fromWindow, 'tickets.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^id:/) } });
    expect(await call(fromWindow, 'session.login', { email: 'a@b', password: 'x', extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(fromWindow, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses calls from any other sender', async () => {
    const { call } = await startShell();
    const stranger = { sender: { id: 'other' }, senderFrame: { id: 'other' } };
    expect(await call(stranger, 'session.get', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('registers shiftdesk:// links, opens the ticket the app was started for, and routes a second start to this window', async () => {
    const { window } = await startShell();
    expect(fake.protocols).toEqual(['shiftdesk']);
    expect(window.loaded[0]).toEqual([expect.stringMatching(/renderer[\\/]index\.html$/), { query: { ticket: '1042' } }]);
    fake.appHandlers.get('second-instance')!({}, ['shiftdesk', 'shiftdesk://ticket/77'], '/');
    expect(window.sent).toContainEqual(['desk:event', 'desk.openTicket', { number: 77 }]);
  });

  it('puts a tray icon up, in the system language until someone signs in', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.trays[0]?.tooltip).toBe('Shiftdesk — Nav pieslēdzies'));
  });
});
