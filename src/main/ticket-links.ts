import { resolve } from 'node:path';
import type { App, BrowserWindow } from 'electron';
import { deskIpcChannels } from '../shared/desk-api/bridge.js';
import type { DeskEventPayload } from '../shared/desk-api/contract.js';
import { parseTicketLink, TICKET_LINK_SCHEME, ticketLinkInArgv } from '../shared/desktop/ticket-link.js';

export interface TicketLinks {
  /** A link the app was started with (or that arrived before there was a window): the first page load carries it. */
  takeInitial(): number | null;
}

type LinkApp = Pick<App, 'requestSingleInstanceLock' | 'on' | 'setAsDefaultProtocolClient'>;

/** Brings the console to the front: restored if minimised, shown if hidden. */
export function bringToFront(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * One console per user session, and `shiftdesk://ticket/<number>` links routed to it. Must run before
 * the app is ready: macOS delivers the link that started the app as `open-url` that early, and a second
 * instance must quit before it opens a replica the first one holds. Answers null when another instance
 * already runs: it has been handed this start's link, and this process should quit.
 */
export function claimTicketLinks(app: LinkApp, argv: readonly string[], window: () => BrowserWindow | null, defaultApp = false): TicketLinks | null {
  if (!app.requestSingleInstanceLock()) return null;
  // A development run (`electron .`) is registered with its script, or the link would start bare Electron.
  if (defaultApp && argv[1] !== undefined) app.setAsDefaultProtocolClient(TICKET_LINK_SCHEME, process.execPath, [resolve(argv[1])]);
  else app.setAsDefaultProtocolClient(TICKET_LINK_SCHEME);

  let initial = ticketLinkInArgv(argv.slice(1));

  function open(number: number): void {
    const target = window();
    if (!target || target.isDestroyed()) {
      initial = number;
      return;
    }
    bringToFront(target);
    const send = () => target.webContents.send(deskIpcChannels.event, 'desk.openTicket', { number } satisfies DeskEventPayload<'desk.openTicket'>);
    if (target.webContents.isLoading()) target.webContents.once('did-finish-load', send);
    else send();
  }

  // Windows and Linux start a second instance with the link among its arguments; it quits at once
  // and this one is told.
  app.on('second-instance', (_event, secondArgv) => {
    const number = ticketLinkInArgv(secondArgv.slice(1));
    if (number === null) bringToFront(window());
    else open(number);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const number = parseTicketLink(url);
    if (number !== null) open(number);
  });

  return {
    takeInitial() {
      const number = initial;
      initial = null;
      return number;
    },
  };
}
