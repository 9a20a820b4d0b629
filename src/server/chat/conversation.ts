import type { Transaction } from 'kysely';
import { isoNow } from '../../shared/clock.js';
import type { ChatAction, ChatLine, ChatSessionReply, ChatStart, ChatUpdate } from '../../shared/chat/protocol.js';
import type { ServerContext } from '../context.js';
import { searchPublicArticles } from '../knowledge/article-search.js';
import type { Database } from '../storage/schema.js';
import { SocketRefusal } from '../sync/socket.js';
import { intentOf, type Intent } from './bot/intents.js';
import { botPhrases } from './bot/phrases.js';
import { botTurn, MAX_OFFERED } from './bot/turn.js';
import { handOver, joinTicket } from './chat-tickets.js';
import { agentsOnDuty } from './desk-hours.js';
import { closeAbandoned, openSession, sessionById, sessionForToken, updateSession, type ChatSession } from './sessions.js';
import { appendLine, lineByRef, linesOf } from './transcript.js';

type Trx = Transaction<Database>;

/** Where the chat stands, with the lines the widget has not seen yet. */
export async function updateOf(reader: ServerContext['db'] | Trx, session: ChatSession, lines: ChatLine[]): Promise<ChatUpdate> {
  const ticket = session.ticketId ? await reader.selectFrom('tickets').select('number').where('id', '=', session.ticketId).executeTakeFirst() : undefined;
  return { state: session.state, locale: session.locale, awaitingFeedback: session.awaitingFeedback, ticketNumber: ticket?.number ?? null, lines };
}

/** A new chat: the assistant greets first, and says so when nobody is on duty. */
export async function startChat(context: ServerContext, start: ChatStart): Promise<{ session: ChatSession; reply: ChatSessionReply }> {
  const at = isoNow(context.clock);
  return context.db.transaction().execute(async (trx) => {
    const { session, token } = await openSession(trx, start, at);
    const phrases = botPhrases[session.locale];
    const onDuty = await agentsOnDuty(trx, context.sla, context.clock.now());
    const greeting = await appendLine(trx, session.id, { author: 'bot', name: phrases.botName, text: onDuty ? phrases.greeting(session.name) : phrases.greetingClosed(session.name) }, at);
    return { session, reply: { ...(await updateOf(trx, session, [greeting])), token, name: session.name } };
  });
}

/** Back after a reload or a lost connection: the whole conversation, so the widget can redraw it. */
export async function resumeChat(context: ServerContext, token: string): Promise<{ session: ChatSession; reply: ChatSessionReply } | null> {
  return context.db.transaction().execute(async (trx) => {
    const found = await sessionForToken(trx, token);
    if (!found) return null;
    await closeAbandoned(trx, context.clock.now(), found.id);
    const session = (await sessionById(trx, found.id))!;
    return { session, reply: { ...(await updateOf(trx, session, await linesOf(trx, session.id))), token, name: session.name } };
  });
}

export type VisitorInput = { id: string; text: string } | { id: string; action: ChatAction };

/**
 * One thing the visitor said or pressed, stored before anything else happens, then answered: by the
 * assistant while the chat is its, as a message on the ticket once a person has it. All in one
 * transaction: a visitor's line is never stored without its answer, nor answered without being stored.
 * Sent twice (a lost acknowledgement), it is answered from what was stored the first time.
 */
export async function visitorTurn(context: ServerContext, sessionId: string, input: VisitorInput): Promise<ChatUpdate> {
  const at = isoNow(context.clock);
  let touchedTicket = false;
  const update = await context.db.transaction().execute(async (trx) => {
    await closeAbandoned(trx, context.clock.now(), sessionId);
    let session = await sessionById(trx, sessionId);
    if (!session) throw new SocketRefusal('no_session', 'This chat no longer exists; start a new one');
    const known = await lineByRef(trx, session.id, input.id);
    if (known) return updateOf(trx, session, await linesOf(trx, session.id, known.seq));
    if (session.state === 'closed') throw new SocketRefusal('closed', 'This chat is closed; start a new one');
    const intent = intentFor(session, input);

    const phrases = botPhrases[session.locale];
    const text = 'text' in input ? input.text : phrases.action[input.action];
    const line = await appendLine(trx, session.id, { author: 'visitor', name: session.name, text, ref: input.id }, at);
    if (session.state === 'human') {
      session = await joinTicket(context, trx, session, text, at);
      touchedTicket = true;
    } else {
      const hits = intent === 'question' ? await searchPublicArticles(trx, text, session.locale, MAX_OFFERED * 3) : [];
      const turn = botTurn(intent, hits);
      const say = (words: string, articles?: ChatLine['articles']) => appendLine(trx, sessionId, { author: 'bot', name: phrases.botName, text: words, ...(articles ? { articles } : {}) }, at);
      switch (turn.kind) {
        case 'offer':
          await say(
            phrases.offer,
            turn.articles.map((hit) => ({ id: hit.id, title: hit.title, excerpt: hit.excerpt, url: `/portal/kb/${hit.id}` })),
          );
          await say(phrases.askSolved);
          session = await updateSession(trx, session, { awaitingFeedback: true }, at);
          break;
        case 'describe':
          await say(phrases.describe);
          session = await updateSession(trx, session, {}, at);
          break;
        case 'resolved':
          await say(phrases.resolved);
          session = await updateSession(trx, session, { state: 'closed', awaitingFeedback: false, outcome: 'bot_resolved' }, at);
          break;
        case 'handover':
          await say(phrases.handover[turn.reason]);
          session = await handOver(context, trx, session, turn.reason, at);
          touchedTicket = true;
          break;
      }
    }
    return updateOf(trx, session, await linesOf(trx, session.id, line.seq));
  });
  // The ticket's change reaches consoles, and its acknowledgement the outbound queue, after the commit.
  if (touchedTicket) context.feed.committed();
  return update;
}

/** What a line or a button asks for; a button that does not fit where the chat stands is refused. */
function intentFor(session: ChatSession, input: VisitorInput): Intent {
  if ('text' in input) return intentOf(input.text, session.locale, session.awaitingFeedback);
  const fits = input.action === 'human' ? session.state === 'bot' : session.awaitingFeedback;
  if (!fits) throw new SocketRefusal('not_expected', `"${input.action}" does not fit this chat now`);
  return input.action;
}
