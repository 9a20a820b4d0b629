import type { Locale } from '../../../shared/domain/people.js';
import type { MyTicketCounts } from '../../../shared/desk-api/desktop-methods.js';

/**
 * What the desktop shell itself says (the tray's tooltip and menu), in the signed-in agent's language.
 * Counts are given as "label: number", which reads correctly in every language without plural forms.
 */
const text = {
  en: { open: 'My open tickets', atRisk: 'At SLA risk', show: 'Show Shiftdesk', quit: 'Quit Shiftdesk', signedOut: 'Not signed in' },
  pl: { open: 'Moje otwarte zgłoszenia', atRisk: 'Zagrożone SLA', show: 'Pokaż Shiftdesk', quit: 'Zamknij Shiftdesk', signedOut: 'Nie zalogowano' },
  ru: { open: 'Мои открытые заявки', atRisk: 'Под угрозой SLA', show: 'Показать Shiftdesk', quit: 'Выйти из Shiftdesk', signedOut: 'Вход не выполнен' },
  lv: { open: 'Mani atvērtie pieteikumi', atRisk: 'SLA apdraudēti', show: 'Rādīt Shiftdesk', quit: 'Iziet no Shiftdesk', signedOut: 'Nav pieslēdzies' },
} as const satisfies Record<Locale, Record<string, string>>;

export type ShellText = (typeof text)[Locale];

export function shellText(locale: Locale): ShellText {
  return text[locale];
}

/** What the tray shows: its tooltip, the menu's lines, and the badge. */
export interface TrayView {
  tooltip: string;
  /** The menu's count lines (informational, not clickable); none when nobody is signed in. */
  countLines: string[];
  show: string;
  quit: string;
  /** The number on the badge: the agent's open tickets; 0 shows none. */
  badge: number;
  /** Any of them in SLA warning or breached: the badge turns red. */
  urgent: boolean;
}

export function trayView(locale: Locale, counts: MyTicketCounts | null): TrayView {
  const t = shellText(locale);
  if (!counts) return { tooltip: `Shiftdesk — ${t.signedOut}`, countLines: [], show: t.show, quit: t.quit, badge: 0, urgent: false };
  const countLines = [`${t.open}: ${counts.open}`, `${t.atRisk}: ${counts.atRisk}`];
  return { tooltip: `Shiftdesk — ${countLines.join(', ')}`, countLines, show: t.show, quit: t.quit, badge: counts.open, urgent: counts.atRisk > 0 };
}
