import type { Ticket } from '../domain/ticket.js';

/** The placeholders a macro's text may use, as agents write them. */
export const macroPlaceholders = [
  'ticket.number',
  'ticket.subject',
  'requester.name',
  'requester.first_name',
  'agent.name',
  'sla.first_response.due',
  'sla.resolution.due',
] as const;
export type MacroPlaceholder = (typeof macroPlaceholders)[number];

export interface MacroContext {
  ticket: Pick<Ticket, 'number' | 'subject' | 'requesterName' | 'sla'>;
  agent: { name: string };
  /** The agent's language and time zone: a due time reads as the agent will say it to the customer. */
  locale: string;
  timeZone: string | undefined;
}

export interface RenderedMacro {
  text: string;
  /**
   * Placeholders left exactly as written, each once, in order: unknown names (a typo, another
   * product's syntax) and known ones with no value here (a ticket no SLA rule matched).
   */
  unresolved: string[];
}

// Two braces, a dotted lower-case name, optional inner spaces: `{{ ticket.number }}` works too.
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

/** Fills a macro's placeholders for one ticket; pure, so the console and tests agree on every case. */
export function renderMacro(body: string, context: MacroContext): RenderedMacro {
  const unresolved: string[] = [];
  const text = body.replace(PLACEHOLDER, (written, name: string) => {
    const value = valueOf(name, context);
    if (value !== null) return value;
    if (!unresolved.includes(written)) unresolved.push(written);
    return written;
  });
  return { text, unresolved };
}

function valueOf(name: string, { ticket, agent, locale, timeZone }: MacroContext): string | null {
  switch (name as MacroPlaceholder) {
    case 'ticket.number':
      return String(ticket.number);
    case 'ticket.subject':
      return ticket.subject;
    case 'requester.name':
      return ticket.requesterName.trim() || null;
    case 'requester.first_name':
      return ticket.requesterName.trim().split(/\s+/u)[0] || null;
    case 'agent.name':
      return agent.name;
    case 'sla.first_response.due':
      return dueAt(ticket, 'firstResponse', locale, timeZone);
    case 'sla.resolution.due':
      return dueAt(ticket, 'resolution', locale, timeZone);
    default:
      return null;
  }
}

function dueAt(ticket: MacroContext['ticket'], kind: 'firstResponse' | 'resolution', locale: string, timeZone: string | undefined): string | null {
  const due = ticket.sla?.clocks.find((clock) => clock.kind === kind)?.dueAt;
  if (!due) return null;
  const style = { dateStyle: 'medium', timeStyle: 'short' } as const;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { ...style, timeZone });
  } catch {
    // An unknown zone in the agent's profile: the console's own zone rather than no time at all.
    format = new Intl.DateTimeFormat(locale, style);
  }
  return format.format(new Date(due));
}
