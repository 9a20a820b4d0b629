import type { Locale } from '../domain/people.js';
import type { Priority } from '../domain/ticket.js';
import type { Alert, AlertKind } from './alert.js';

/**
 * Desktop notifications are written where no i18next runs (the Electron shell) as well as in the
 * console, so their few words live here, once, in every language of the desk.
 */
interface Catalogue {
  priority: Record<Priority, string>;
  /** Titles; {n} the ticket number, {priority}, {actor}. */
  title: Record<AlertKind, string>;
}

const catalogues: Record<Locale, Catalogue> = {
  en: {
    priority: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' },
    title: {
      page: 'Escalation #{n} · {priority}',
      acknowledged: '#{n} acknowledged by {actor}',
      declined: '#{n} declined by {actor}',
      exhausted: 'Nobody acknowledged #{n}',
      newTicket: 'New ticket #{n} · {priority}',
      customerReply: '{actor} replied on #{n}',
    },
  },
  pl: {
    priority: { critical: 'Krytyczny', high: 'Wysoki', medium: 'Średni', low: 'Niski' },
    title: {
      page: 'Eskalacja #{n} · {priority}',
      acknowledged: '#{n} — przyjęte przez: {actor}',
      declined: '#{n} — odrzucone przez: {actor}',
      exhausted: '#{n} — nikt nie przyjął eskalacji',
      newTicket: 'Nowe zgłoszenie #{n} · {priority}',
      customerReply: '#{n} — nowa wiadomość od klienta: {actor}',
    },
  },
  ru: {
    priority: { critical: 'Критический', high: 'Высокий', medium: 'Средний', low: 'Низкий' },
    title: {
      page: 'Эскалация #{n} · {priority}',
      acknowledged: '#{n} — принято: {actor}',
      declined: '#{n} — отклонено: {actor}',
      exhausted: '#{n} — эскалацию никто не принял',
      newTicket: 'Новая заявка #{n} · {priority}',
      customerReply: '#{n} — ответ клиента: {actor}',
    },
  },
  lv: {
    priority: { critical: 'Kritiska', high: 'Augsta', medium: 'Vidēja', low: 'Zema' },
    title: {
      page: 'Eskalācija #{n} · {priority}',
      acknowledged: '#{n} — pieņēma: {actor}',
      declined: '#{n} — noraidīja: {actor}',
      exhausted: '#{n} — eskalāciju neviens nepieņēma',
      newTicket: 'Jauns pieteikums #{n} · {priority}',
      customerReply: '#{n} — klienta atbilde: {actor}',
    },
  },
};

/** A notification's title and body: the ticket's number and priority first, then its subject and the why. */
export function alertText(alert: Alert, locale: Locale): { title: string; body: string } {
  const catalogue = catalogues[locale];
  const values: Record<string, string> = { n: String(alert.ticketNumber), priority: catalogue.priority[alert.priority], actor: alert.actor ?? '' };
  const title = catalogue.title[alert.kind].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  const why = alert.reason === null ? null : alert.kind === 'page' && alert.actor ? `${alert.actor}: ${alert.reason}` : alert.reason;
  return { title, body: why === null ? alert.ticketSubject : `${alert.ticketSubject}\n${why}` };
}
