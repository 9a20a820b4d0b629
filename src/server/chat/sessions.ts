import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ChatOutcome, ChatStart, ChatState, HandoverReason } from '../../shared/chat/protocol.js';
import { CustomerLocaleSchema, type CustomerLocale } from '../../shared/notifications/templates.js';
import { hashToken } from '../auth/sessions.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

type Reader = ServerDb | Transaction<Database>;

export interface ChatSession {
  id: string;
  name: string;
  email: string | null;
  locale: CustomerLocale;
  state: ChatState;
  /** The assistant offered articles and waits for Yes or No. */
  awaitingFeedback: boolean;
  ticketId: string | null;
  outcome: ChatOutcome | null;
  handoverReason: HandoverReason | null;
}

function sessionFromRow(row: Database['chat_sessions']): ChatSession {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: CustomerLocaleSchema.catch('en').parse(row.locale),
    state: row.state as ChatState,
    awaitingFeedback: row.awaiting === 'feedback',
    ticketId: row.ticket_id,
    outcome: row.outcome as ChatOutcome | null,
    handoverReason: row.handover_reason as HandoverReason | null,
  };
}

/** A new chat with the assistant; the token is the visitor's only key to it and is never stored. */
export async function openSession(trx: Transaction<Database>, start: ChatStart, at: string): Promise<{ session: ChatSession; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const row: Database['chat_sessions'] = {
    id: randomUUID(),
    token_hash: hashToken(token),
    name: start.name,
    email: start.email ? start.email : null,
    locale: start.locale,
    state: 'bot',
    awaiting: 'question',
    ticket_id: null,
    outcome: null,
    handover_reason: null,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('chat_sessions').values(row).execute();
  return { session: sessionFromRow(row), token };
}

export async function sessionForToken(reader: Reader, token: string): Promise<ChatSession | null> {
  const row = await reader.selectFrom('chat_sessions').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row ? sessionFromRow(row) : null;
}

export async function sessionById(reader: Reader, id: string): Promise<ChatSession | null> {
  const row = await reader.selectFrom('chat_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? sessionFromRow(row) : null;
}

/** The chat a ticket came from: where an agent's reply on it is shown. */
export async function sessionForTicket(reader: Reader, ticketId: string): Promise<ChatSession | null> {
  const row = await reader.selectFrom('chat_sessions').selectAll().where('ticket_id', '=', ticketId).orderBy('updated_at', 'desc').executeTakeFirst();
  return row ? sessionFromRow(row) : null;
}

export type SessionChange = Partial<Pick<ChatSession, 'state' | 'awaitingFeedback' | 'ticketId' | 'outcome' | 'handoverReason'>>;

/** Every change touches updated_at: a chat left with the assistant counts as abandoned by its age. */
export async function updateSession(trx: Transaction<Database>, session: ChatSession, change: SessionChange, at: string): Promise<ChatSession> {
  const next = { ...session, ...change };
  await trx
    .updateTable('chat_sessions')
    .set({
      state: next.state,
      awaiting: next.awaitingFeedback ? 'feedback' : 'question',
      ticket_id: next.ticketId,
      outcome: next.outcome,
      handover_reason: next.handoverReason,
      updated_at: at,
    })
    .where('id', '=', session.id)
    .execute();
  return next;
}

/** A chat left with the assistant this long is over: the visitor went away without an answer. */
export const ABANDONED_AFTER_MS = 30 * 60_000;

/**
 * Closes chats idle with the assistant as abandoned: one (before the visitor goes on with it) or all
 * (before they are counted). Done when it matters rather than by a timer, with the same result.
 */
export async function closeAbandoned(trx: Transaction<Database>, now: number, sessionId?: string): Promise<void> {
  let update = trx
    .updateTable('chat_sessions')
    .set({ state: 'closed', awaiting: 'question', outcome: 'abandoned' })
    .where('state', '=', 'bot')
    .where('updated_at', '<', new Date(now - ABANDONED_AFTER_MS).toISOString());
  if (sessionId) update = update.where('id', '=', sessionId);
  await update.execute();
}
