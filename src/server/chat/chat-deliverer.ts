import type { Namespace } from 'socket.io';
import { isoNow } from '../../shared/clock.js';
import { chatEvents, type ChatUpdate } from '../../shared/chat/protocol.js';
import type { ServerContext } from '../context.js';
import { findRequester, isDeliverable } from '../intake/customers/requesters.js';
import { enqueueOutbound, PermanentDeliveryError, type Deliverer, type OutboundItem } from '../outbound/outbound-queue.js';
import { ticketFromRow } from '../tickets/rows.js';
import { updateOf } from './conversation.js';
import { chatRoom } from './chat-socket.js';
import { sessionForTicket, type ChatSession } from './sessions.js';
import { appendLine, type NewLine } from './transcript.js';

/** How long a widget has to confirm it showed a line before the visitor counts as gone. */
const LIVE_ACK_MS = 3000;

/**
 * An agent's reply is their words under their name; acknowledgements and status notices are the desk's.
 * The notice that the ticket is solved carries its survey, which the widget offers as a button: the
 * address the email template writes out is taken from the text, or the visitor reads it twice.
 */
function lineFor(context: ServerContext, item: OutboundItem): NewLine {
  if (item.kind === 'reply') return { author: 'agent', name: item.headers.fromName ?? null, text: item.body, ref: item.id };
  if (item.kind !== 'status.solved' || !item.ticketId) return { author: 'system', name: null, text: item.body, ref: item.id };
  const url = context.links.surveyUrl(item.ticketId);
  return { author: 'system', name: null, text: item.body.replaceAll(url, '').trimEnd(), ref: item.id, survey: { url } };
}

/** True when at least one of the chat's widgets (a visitor may have several tabs) confirmed the update. */
function showLive(chat: Namespace, sessionId: string, update: ChatUpdate): Promise<boolean> {
  return new Promise((resolve) => {
    chat
      .to(chatRoom(sessionId))
      .timeout(LIVE_ACK_MS)
      .emit(chatEvents.update, update, (_error: Error | null, acks: unknown[]) => resolve(acks.length > 0));
  });
}

/**
 * How the desk speaks on the chat channel. Whatever it says joins the chat's transcript (a visitor
 * who comes back sees it); if the widget is open it is shown there at once, and if nobody is there to
 * see it, it goes by email: an agent's reply wrapped in the `chat.fallback` template in the customer's
 * language, a notice as it is (it is already written for them). With no address known it fails for good.
 */
export function chatDeliverer(context: ServerContext, chat: Namespace): Deliverer {
  return {
    async deliver(item) {
      const session = item.ticketId ? await sessionForTicket(context.db, item.ticketId) : null;
      if (session) {
        const update = await context.db.transaction().execute(async (trx) => updateOf(trx, session, [await appendLine(trx, session.id, lineFor(context, item), isoNow(context.clock))]));
        if (await showLive(chat, session.id, update)) return;
      }
      await sendByEmail(context, item, session);
    },
  };
}

async function sendByEmail(context: ServerContext, item: OutboundItem, session: ChatSession | null): Promise<void> {
  if (!isDeliverable(item.to)) throw new PermanentDeliveryError('The visitor left the chat and gave no email address');
  await context.db.transaction().execute(async (trx) => {
    const at = isoNow(context.clock);
    const email = { ticketId: item.ticketId, kind: item.kind, channel: 'email' as const, to: item.to, subject: item.subject, body: item.body, headers: item.headers };
    const row = item.ticketId ? await trx.selectFrom('tickets').selectAll().where('id', '=', item.ticketId).executeTakeFirst() : undefined;
    if (item.kind !== 'reply' || !row) return void (await enqueueOutbound(trx, email, at));
    const requester = (await findRequester(trx, item.to)) ?? { email: item.to, name: session?.name ?? item.to, locale: session?.locale ?? 'en' };
    const notice = await context.notifier.render(trx, 'chat.fallback', requester.locale, ticketFromRow(row), requester, { 'message.body': item.body, 'agent.name': item.headers.fromName ?? '' });
    await enqueueOutbound(trx, { ...email, kind: notice.kind, subject: notice.subject, body: notice.body }, at);
  });
}
