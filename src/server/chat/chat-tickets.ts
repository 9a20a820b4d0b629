import type { Transaction } from 'kysely';
import type { ChatLine, HandoverReason } from '../../shared/chat/protocol.js';
import { placeholderAddress } from '../../shared/domain/requester-address.js';
import type { ServerContext } from '../context.js';
import { receiveCustomerMessage } from '../intake/customer-intake.js';
import type { Database } from '../storage/schema.js';
import { botPhrases } from './bot/phrases.js';
import { updateSession, type ChatSession } from './sessions.js';
import { linesOf } from './transcript.js';

type Trx = Transaction<Database>;

/** Agents read why the assistant let go in an internal note; the customer's thread stays their conversation. */
const reasonNote: Record<HandoverReason, string> = {
  asked: 'Handed over by the chat assistant: the customer asked for a person.',
  no_match: 'Handed over by the chat assistant: no help-centre article matched the question.',
  critical: 'Handed over by the chat assistant at once: the customer used urgent words (outage, urgent, breach…).',
  not_solved: 'Handed over by the chat assistant: the suggested articles did not solve the problem.',
};

/**
 * A visitor who left no email gets a placeholder address, which never receives mail, so an answer
 * written after they left fails visibly instead of going somewhere.
 */
export function visitorAddress(session: ChatSession): string {
  return session.email ?? placeholderAddress(`chat-${session.id}`);
}

/** The conversation as agents (and the customer, in the portal) read it on the ticket. */
export function conversationText(lines: readonly ChatLine[], publicUrl: string): string {
  return lines
    .map((line) => {
      const said = `${line.name ?? '—'}: ${line.text}`;
      const links = (line.articles ?? []).map((a) => `\n    ${a.title}: ${publicUrl}${a.url}`).join('');
      return said + links;
    })
    .join('\n');
}

/** A ticket's subject: the visitor's first words, not a button they pressed. */
function subjectOf(session: ChatSession, lines: readonly Pick<ChatLine, 'author' | 'text'>[]): string {
  const buttons = new Set(Object.values(botPhrases[session.locale].action));
  const first = lines.find((line) => line.author === 'visitor' && !buttons.has(line.text))?.text;
  if (!first) return `Chat with ${session.name}`;
  const flat = first.replace(/\s+/g, ' ');
  return flat.length <= 80 ? flat : `${flat.slice(0, 80).replace(/\s+\S*$/, '')}…`;
}

/**
 * The chat becomes a ticket on the chat channel with the whole conversation as its first message, and
 * the acknowledgement (ticket number, expected answer, "we are closed" out of hours) is queued for the
 * widget. Critical words make it a critical incident. The visitor's later lines join this ticket.
 */
export async function handOver(context: ServerContext, trx: Trx, session: ChatSession, reason: HandoverReason, at: string): Promise<ChatSession> {
  const lines = await linesOf(trx, session.id);
  const { ticket } = await receiveCustomerMessage(context, trx, {
    channel: 'chat',
    from: { email: visitorAddress(session), name: session.name, locale: session.locale },
    subject: subjectOf(session, lines),
    body: conversationText(lines, context.links.publicUrl),
    acknowledge: true,
    ...(reason === 'critical' ? { priority: 'critical' as const, type: 'incident' as const } : {}),
  });
  await context.tickets.applyChange(trx, ticket.id, { actor: { userId: null, name: botPhrases.en.botName }, message: { body: reasonNote[reason], isPublic: false, authorKind: 'system' } });
  return updateSession(trx, session, { state: 'human', awaitingFeedback: false, ticketId: ticket.id, outcome: 'handed_over', handoverReason: reason }, at);
}

/**
 * After the handover the visitor's lines are the customer's messages on the ticket. A ticket closed
 * meanwhile is history: the line opens a follow-up (acknowledged again), which the chat then follows.
 */
export async function joinTicket(context: ServerContext, trx: Trx, session: ChatSession, text: string, at: string): Promise<ChatSession> {
  const { ticket } = await receiveCustomerMessage(context, trx, {
    channel: 'chat',
    from: { email: visitorAddress(session), name: session.name, locale: session.locale },
    subject: subjectOf(session, [{ author: 'visitor', text }]),
    body: text,
    ticketId: session.ticketId,
    acknowledge: true,
  });
  return updateSession(trx, session, { ticketId: ticket.id }, at);
}
