import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// No Electron binary here: the shell runs against a fake `electron` that records what it is asked.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const windows: { options: Record<string, unknown>; webContents: Record<string, unknown> }[] = [];
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(readonly options: Record<string, unknown>) {
      this.webContents = {
        mainFrame: { id: 'main-frame' },
        setWindowOpenHandler: () => undefined,
        on: () => undefined,
        send: () => undefined,
        isDestroyed: () => false,
      };
      windows.push(this);
    }
    once() {}
    loadFile() {
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    handlers,
    windows,
    userData: '',
    electron: {
      app: {
        whenReady: () => Promise.resolve(),
        getPath: () => fake.userData,
        on: () => undefined,
        quit: () => undefined,
        isPackaged: false,
        setAppUserModelId: () => undefined,
      },
      BrowserWindow,
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
  await import('./index.js');
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
});
