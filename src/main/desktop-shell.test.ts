import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DeskEvent } from '../shared/desk-api/contract.js';
import type { DeskResult } from '../shared/desk-api/bridge.js';
import type { DeskEventListener, DeskService } from './core/desk-service.js';
import { fakeTimers } from './core/desktop/fake-timers.js';
import { WINDOW_STATE_SAVE_MS, WindowStateFile, restoreWindow } from './core/desktop/window-state.js';
import { claimTicketLinks } from './ticket-links.js';
import { createDeskTray, type TrayElectron } from './tray.js';
import { startUpdates, type AutoUpdater } from './updates.js';
import { rememberWindowState } from './window.js';

// The Electron objects the shell's desktop parts touch, faked: no Electron binary runs here.

class FakeWebContents extends EventEmitter {
  sent: [string, ...unknown[]][] = [];
  loading = false;
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  isLoading() {
    return this.loading;
  }
  /** Events the renderer received, by DeskApi name. */
  events() {
    return this.sent.filter(([channel]) => channel === 'desk:event').map(([, event, payload]) => [event, payload]);
  }
}

class FakeWindow extends EventEmitter {
  webContents = new FakeWebContents();
  calls: string[] = [];
  minimized = false;
  maximized = false;
  fullScreen = false;
  bounds = { x: 100, y: 80, width: 1200, height: 800 };
  overlay: unknown = undefined;
  isDestroyed = () => false;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  isFullScreen = () => this.fullScreen;
  getNormalBounds = () => this.bounds;
  restore = () => void this.calls.push('restore');
  show = () => void this.calls.push('show');
  focus = () => void this.calls.push('focus');
  maximize = () => void this.calls.push('maximize');
  setFullScreen = (on: boolean) => void this.calls.push(`fullScreen:${on}`);
  setOverlayIcon = (image: unknown, description: string) => void (this.overlay = image ? description : null);
}

class FakeApp extends EventEmitter {
  lock = true;
  protocols: unknown[][] = [];
  badge: number | null = null;
  locale = 'pl-PL';
  requestSingleInstanceLock = () => this.lock;
  setAsDefaultProtocolClient = (...args: unknown[]) => void this.protocols.push(args);
  setBadgeCount = (count: number) => ((this.badge = count), true);
  getLocale = () => this.locale;
}

/** A core answering the calls the shell makes, whose events the test emits. */
function fakeCore(answers: Record<string, unknown>) {
  const listeners = new Set<DeskEventListener>();
  const core: DeskService = {
    call: async (method) => ({ ok: true, value: answers[method as string] }) as DeskResult,
    onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    close: async () => undefined,
  };
  return { core, emit: (event: DeskEvent, payload: unknown) => listeners.forEach((listener) => listener(event, payload as never)) };
}

const asWindow = (window: FakeWindow) => window as never;
const olga = { id: 'u-olga', name: 'Olga Smirnova', email: 'agent3@demo', role: 'agent', tier: 1, locale: 'ru', timeZone: 'Europe/Riga', queueIds: ['billing'] };

describe('tray', () => {
  function fakeTrayElectron(platform: NodeJS.Platform = 'linux') {
    const trays: { image: unknown; tooltip: string; menu: { label?: string; type?: string; enabled?: boolean; click?: () => void }[]; handlers: Map<string, () => void>; destroyed: boolean }[] = [];
    class Tray {
      state = { image: null as unknown, tooltip: '', menu: [] as never[], handlers: new Map<string, () => void>(), destroyed: false };
      constructor(image: unknown) {
        this.state.image = image;
        trays.push(this.state);
      }
      setImage(image: unknown) {
        this.state.image = image;
      }
      setToolTip(text: string) {
        this.state.tooltip = text;
      }
      setContextMenu(menu: never[]) {
        this.state.menu = menu;
      }
      on(event: string, handler: () => void) {
        this.state.handlers.set(event, handler);
      }
      destroy() {
        this.state.destroyed = true;
      }
    }
    const app = new FakeApp();
    const nativeImage = {
      createEmpty: () => {
        const representations: { scaleFactor: number; buffer: Buffer }[] = [];
        return { representations, addRepresentation: (r: { scaleFactor: number; buffer: Buffer }) => void representations.push(r) };
      },
    };
    const electron = { app, Tray, Menu: { buildFromTemplate: (template: unknown) => template }, nativeImage, platform } as unknown as TrayElectron;
    return { electron, app, trays };
  }

  it('shows my open and at-risk tickets in the badge, the tooltip and the menu, in my language', async () => {
    const { electron, app, trays } = fakeTrayElectron();
    const { core, emit } = fakeCore({ 'session.get': { user: olga, serverUrl: 'http://desk' }, 'desk.myCounts': { open: 4, atRisk: 1 } });
    const window = new FakeWindow();
    const quit = vi.fn();
    createDeskTray(electron, core, () => asWindow(window), quit);
    // Before the core answers: the system's language (Polish here), nobody signed in.
    expect(trays[0]!.tooltip).toBe('Shiftdesk — Nie zalogowano');

    await vi.waitFor(() => expect(trays[0]!.tooltip).toBe('Shiftdesk — Мои открытые заявки: 4, Под угрозой SLA: 1'));
    expect(app.badge).toBe(4);
    const menu = trays[0]!.menu;
    expect(menu.map((item) => item.label ?? item.type)).toEqual(['Показать Shiftdesk', 'separator', 'Мои открытые заявки: 4', 'Под угрозой SLA: 1', 'separator', 'Выйти из Shiftdesk']);
    expect(menu.filter((item) => item.enabled === false)).toHaveLength(2);
    const image = trays[0]!.image as { representations: { scaleFactor: number; buffer: Buffer }[] };
    expect(image.representations.map((r) => [r.scaleFactor, r.buffer.readUInt32BE(16)])).toEqual([[1, 16], [2, 32]]);

    window.minimized = true;
    menu[0]!.click!();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    menu.at(-1)!.click!();
    expect(quit).toHaveBeenCalledOnce();

    emit('desk.countsChanged', { open: 12, atRisk: 0 });
    expect(trays[0]!.tooltip).toBe('Shiftdesk — Мои открытые заявки: 12, Под угрозой SLA: 0');
    expect(app.badge).toBe(12);
    expect((trays[0]!.image as { representations: unknown[] }).representations).toHaveLength(2);

    emit('session.changed', { user: null, serverUrl: 'http://desk' });
    await vi.waitFor(() => expect(app.badge).toBe(0));
    expect(trays[0]!.menu.map((item) => item.label ?? item.type)).toEqual(['Показать Shiftdesk', 'separator', 'Выйти из Shiftdesk']);
    expect(trays).toHaveLength(1);
  });

  it('puts the badge on the Windows taskbar button too', async () => {
    const { electron } = fakeTrayElectron('win32');
    const { core, emit } = fakeCore({ 'session.get': { user: { ...olga, locale: 'en' }, serverUrl: 'http://desk' }, 'desk.myCounts': { open: 2, atRisk: 2 } });
    const window = new FakeWindow();
    createDeskTray(electron, core, () => asWindow(window), () => undefined);
    await vi.waitFor(() => expect(window.overlay).toBe('Shiftdesk — My open tickets: 2, At SLA risk: 2'));
    emit('desk.countsChanged', { open: 0, atRisk: 0 });
    expect(window.overlay).toBeNull();
  });
});

describe('single instance and ticket links', () => {
  it('a second start quits, leaving the running console to handle its link', () => {
    const app = new FakeApp();
    app.lock = false;
    expect(claimTicketLinks(app as never, ['shiftdesk', 'shiftdesk://ticket/5'], () => null)).toBeNull();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('registers the shiftdesk scheme, and takes the link the app was started with (Windows, Linux)', () => {
    const app = new FakeApp();
    const links = claimTicketLinks(app as never, ['/opt/Shiftdesk/shiftdesk', '--no-sandbox', 'shiftdesk://ticket/123'], () => null)!;
    expect(app.protocols).toEqual([['shiftdesk']]);
    expect(links.takeInitial()).toBe(123);
    expect(links.takeInitial()).toBeNull();
    // A development run registers Electron with the app's script.
    const dev = new FakeApp();
    claimTicketLinks(dev as never, ['/usr/lib/electron', 'out/main/index.js'], () => null, true);
    expect(dev.protocols).toEqual([['shiftdesk', process.execPath, [join(process.cwd(), 'out/main/index.js')]]]);
  });

  it('a link from a second start focuses the window and opens the ticket in it', () => {
    const app = new FakeApp();
    const window = new FakeWindow();
    claimTicketLinks(app as never, ['shiftdesk'], () => asWindow(window));
    window.minimized = true;
    app.emit('second-instance', {}, ['C:\\Shiftdesk\\Shiftdesk.exe', 'shiftdesk://ticket/77/'], 'C:\\');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(window.webContents.events()).toEqual([['desk.openTicket', { number: 77 }]]);
    // A plain second start only brings the console forward.
    window.minimized = false;
    app.emit('second-instance', {}, ['C:\\Shiftdesk\\Shiftdesk.exe'], 'C:\\');
    expect(window.calls).toEqual(['restore', 'show', 'focus', 'show', 'focus']);
    expect(window.webContents.events()).toHaveLength(1);
  });

  it('macOS open-url: before the window exists it waits for the first load; while loading, for its end; bad links do nothing', () => {
    const app = new FakeApp();
    let window: FakeWindow | null = null;
    const links = claimTicketLinks(app as never, ['Shiftdesk'], () => (window ? asWindow(window) : null))!;
    const event = { preventDefault: vi.fn() };
    app.emit('open-url', event, 'shiftdesk://ticket/9');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(links.takeInitial()).toBe(9);

    window = new FakeWindow();
    window.webContents.loading = true;
    app.emit('open-url', event, 'shiftdesk://ticket/10');
    expect(window.webContents.events()).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(window.webContents.events()).toEqual([['desk.openTicket', { number: 10 }]]);

    window.webContents.loading = false;
    for (const link of ['shiftdesk://ticket/10?x=1', 'shiftdesk://settings', 'javascript:alert(1)']) app.emit('open-url', event, link);
    expect(window.webContents.events()).toHaveLength(1);
  });
});

describe('window state', () => {
  it('opens maximised as it was, saves the normal bounds once moves stop, and on close at once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shiftdesk-window-')), 'window-state.json');
    const clock = fakeTimers(0);
    const store = new WindowStateFile(file, clock.timers);
    const window = new FakeWindow();
    rememberWindowState(asWindow(window), store, restoreWindow({ bounds: { x: 10, y: 10, width: 1000, height: 700 }, maximized: true, fullScreen: false }, [{ x: 0, y: 0, width: 1920, height: 1040 }], { width: 1440, height: 900 }));
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['maximize']);

    window.maximized = false;
    window.bounds = { x: 300, y: 120, width: 1280, height: 820 };
    window.emit('unmaximize');
    window.emit('move');
    window.emit('resize');
    expect(() => readFileSync(file)).toThrow();
    clock.advance(WINDOW_STATE_SAVE_MS);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds: { x: 300, y: 120, width: 1280, height: 820 }, maximized: false, fullScreen: false });

    window.fullScreen = true;
    window.emit('enter-full-screen');
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ fullScreen: true });
    // Minimised, the bounds are the taskbar's: not saved.
    window.minimized = true;
    window.bounds = { x: -32000, y: -32000, width: 160, height: 28 };
    window.emit('move');
    clock.advance(WINDOW_STATE_SAVE_MS);
    expect(JSON.parse(readFileSync(file, 'utf8')).bounds.x).toBe(300);
  });
});

describe('auto-update wiring', () => {
  class FakeUpdater extends EventEmitter implements AutoUpdater {
    autoDownload = false;
    autoInstallOnAppQuit = false;
    feeds: unknown[] = [];
    checks = 0;
    fail = false;
    setFeedURL(options: unknown) {
      this.feeds.push(options);
    }
    async checkForUpdates() {
      this.checks++;
      if (this.fail) throw new Error('net::ERR_CONNECTION_REFUSED');
      return null;
    }
  }
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('checks the server feed in the background, not offline, and tells the console an update is ready to install on quit', async () => {
    const updater = new FakeUpdater();
    const { core, emit } = fakeCore({});
    const window = new FakeWindow();
    const clock = fakeTimers(0);
    startUpdates(updater, core, () => asWindow(window), 'https://desk.example.com', clock.timers);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    clock.advance(30_000);
    await settle();
    expect(updater.checks).toBe(1);
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://desk.example.com/updates/', channel: 'latest' }]);

    // Offline when the next check is due: none until the console is back, then at once.
    emit('connection.changed', { status: 'offline', serverUrl: 'https://desk2.example.com', lastSyncedAt: null });
    clock.advance(6 * 3_600_000);
    await settle();
    expect(updater.checks).toBe(1);
    emit('connection.changed', { status: 'online', serverUrl: 'https://desk2.example.com', lastSyncedAt: null });
    await settle();
    expect(updater.checks).toBe(2);
    expect(updater.feeds.at(-1)).toMatchObject({ url: 'https://desk2.example.com/updates/' });

    updater.emit('update-downloaded', { version: '1.5.0' });
    expect(window.webContents.events()).toEqual([['desk.updateReady', { version: '1.5.0' }]]);
    clock.advance(48 * 3_600_000);
    await settle();
    expect(updater.checks).toBe(2);
  });

  it('an error (a check or a download) is retried later, not in a loop', async () => {
    const updater = new FakeUpdater();
    updater.fail = true;
    const clock = fakeTimers(0);
    startUpdates(updater, fakeCore({}).core, () => null, 'https://desk.example.com', clock.timers);
    clock.advance(30_000);
    await settle();
    updater.emit('error', new Error('sha512 checksum mismatch'));
    clock.advance(60_000);
    await settle();
    expect(updater.checks).toBe(1);
    clock.advance(4 * 60_000);
    await settle();
    expect(updater.checks).toBe(2);
  });
});
