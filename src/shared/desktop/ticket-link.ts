import { TicketNumberSchema } from '../desk-api/desktop-methods.js';

/** The scheme the desktop app registers with the system: `shiftdesk://ticket/1042` opens ticket 1042. */
export const TICKET_LINK_SCHEME = 'shiftdesk';

// Windows hands a link over with a trailing slash added; nothing else is tolerated (no query, user,
// port, other host or path), so a crafted link cannot carry anything to the console but a number.
const ticketLink = /^shiftdesk:\/\/ticket\/([1-9][0-9]{0,9})\/?$/i;

/** The ticket number of a `shiftdesk://ticket/<number>` link; null for anything else. */
export function parseTicketLink(link: string): number | null {
  if (link.length > 64) return null;
  const match = ticketLink.exec(link);
  return match ? ticketNumber(match[1]!) : null;
}

/** A ticket number as a URL parameter carries it (`?ticket=1042`, `#ticket=1042`): digits only, no leading zero. */
export function ticketNumber(text: string | null | undefined): number | null {
  if (!text || !/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const parsed = TicketNumberSchema.safeParse(Number(text));
  return parsed.success ? parsed.data : null;
}

/**
 * The first ticket link among a process's arguments: how Windows and Linux start the app (or a second
 * instance of it) for a link. Other arguments (Chromium switches, a file path) are ignored.
 */
export function ticketLinkInArgv(argv: readonly string[]): number | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${TICKET_LINK_SCHEME}:`)) continue;
    const number = parseTicketLink(arg);
    if (number !== null) return number;
  }
  return null;
}

/** The ticket asked for in a page address: `?ticket=1042` or `#ticket=1042` (how the browser host takes a link). */
export function ticketInLocation(search: string, hash: string): number | null {
  return ticketNumber(new URLSearchParams(search).get('ticket')) ?? ticketNumber(new URLSearchParams(hash.replace(/^#/, '')).get('ticket'));
}
