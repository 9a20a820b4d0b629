import type { App, BrowserWindow, Menu as MenuType, NativeImage, Tray as TrayType } from 'electron';
import type { Locale } from '../shared/domain/people.js';
import { LocaleSchema } from '../shared/domain/people.js';
import type { MyTicketCounts } from '../shared/desk-api/desktop-methods.js';
import type { Session } from '../shared/desk-api/contract.js';
import type { DeskService } from './core/desk-service.js';
import { trayView } from './core/desktop/shell-text.js';
import { drawTrayIcon, encodePng } from './core/desktop/tray-icon.js';
import { bringToFront } from './ticket-links.js';

/** The parts of Electron the tray uses, passed in so a test can hand it fakes. */
export interface TrayElectron {
  app: Pick<App, 'setBadgeCount' | 'getLocale'>;
  Tray: new (image: NativeImage) => TrayType;
  Menu: Pick<typeof MenuType, 'buildFromTemplate'>;
  nativeImage: { createEmpty(): NativeImage };
  platform: NodeJS.Platform;
}

/** The icon at 16 and 32 pixels, so a tray on a high-density screen is sharp. */
function trayImage(electron: TrayElectron, badge: number, urgent: boolean): NativeImage {
  const image = electron.nativeImage.createEmpty();
  for (const scaleFactor of [1, 2]) image.addRepresentation({ scaleFactor, buffer: encodePng(drawTrayIcon(16 * scaleFactor, badge, urgent)) });
  return image;
}

/** Before anyone signs in the tray speaks the system's language, if the console has it. */
function systemLocale(app: TrayElectron['app']): Locale {
  const parsed = LocaleSchema.safeParse(app.getLocale().slice(0, 2).toLowerCase());
  return parsed.success ? parsed.data : 'en';
}

/**
 * The tray icon: a badge with the agent's open tickets (red when one is at SLA risk), a tooltip and a
 * menu saying both counts in the agent's language, Show and Quit. Where the system has an app badge
 * (macOS dock, Unity launchers) it shows the same number; on Windows the taskbar button gets the badge
 * as an overlay. The counts come from the core and follow its `desk.countsChanged`.
 */
export function createDeskTray(electron: TrayElectron, core: DeskService, window: () => BrowserWindow | null, quit: () => void): () => void {
  const { app } = electron;
  let locale = systemLocale(app);
  let counts: MyTicketCounts | null = null;
  let tray: TrayType | null = null;

  function render(): void {
    const view = trayView(locale, counts);
    const image = trayImage(electron, view.badge, view.urgent);
    tray ??= new electron.Tray(image);
    tray.setImage(image);
    tray.setToolTip(view.tooltip);
    tray.setContextMenu(
      electron.Menu.buildFromTemplate([
        { label: view.show, click: () => bringToFront(window()) },
        ...(view.countLines.length > 0 ? [{ type: 'separator' as const }, ...view.countLines.map((label) => ({ label, enabled: false }))] : []),
        { type: 'separator' },
        { label: view.quit, click: quit },
      ]),
    );
    app.setBadgeCount(view.badge);
    const target = window();
    if (electron.platform === 'win32' && target && !target.isDestroyed()) target.setOverlayIcon(view.badge > 0 ? image : null, view.badge > 0 ? view.tooltip : '');
  }

  async function follow(session: Session): Promise<void> {
    if (!session.user) {
      counts = null;
      return render();
    }
    locale = session.user.locale;
    const result = await core.call('desk.myCounts', {});
    counts = result.ok ? (result.value as MyTicketCounts) : counts;
    render();
  }

  render();
  void core.call('session.get', {}).then((result) => (result.ok ? follow(result.value as Session) : undefined));
  const stop = core.onEvent((event, payload) => {
    if (event === 'session.changed') void follow(payload as Session);
    else if (event === 'desk.countsChanged') {
      counts = payload as MyTicketCounts;
      render();
    }
  });
  // A click on the icon (Windows, most Linux trays) shows the console; the menu has the rest.
  tray!.on('click', () => bringToFront(window()));
  return () => {
    stop();
    tray?.destroy();
    tray = null;
  };
}
