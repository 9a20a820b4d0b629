import type { Transaction } from 'kysely';
import type { ChatArticle, ChatAuthor, ChatLine } from '../../shared/chat/protocol.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

type Reader = ServerDb | Transaction<Database>;

export interface NewLine {
  author: ChatAuthor;
  name: string | null;
  text: string;
  articles?: ChatArticle[];
  survey?: ChatLine['survey'];
  /** The widget's message id or the outbound item's; a line with a known ref is not written again. */
  ref?: string;
}

function lineFromRow(row: Database['chat_lines']): ChatLine {
  const { articles, survey } = row.data_json ? (JSON.parse(row.data_json) as Pick<ChatLine, 'articles' | 'survey'>) : {};
  return { seq: row.seq, author: row.author as ChatLine['author'], name: row.name, text: row.text, at: row.at, ...(articles ? { articles } : {}), ...(survey ? { survey } : {}) };
}

export async function lineByRef(reader: Reader, sessionId: string, ref: string): Promise<ChatLine | null> {
  const row = await reader.selectFrom('chat_lines').selectAll().where('session_id', '=', sessionId).where('ref', '=', ref).executeTakeFirst();
  return row ? lineFromRow(row) : null;
}

/** Appends a line at the end of the chat; one that was already written (same ref) is answered as it was. */
export async function appendLine(trx: Transaction<Database>, sessionId: string, line: NewLine, at: string): Promise<ChatLine> {
  if (line.ref) {
    const known = await lineByRef(trx, sessionId, line.ref);
    if (known) return known;
  }
  const last = await trx.selectFrom('chat_lines').select((eb) => eb.fn.max('seq').as('seq')).where('session_id', '=', sessionId).executeTakeFirst();
  const row: Database['chat_lines'] = {
    session_id: sessionId,
    seq: Number(last?.seq ?? 0) + 1,
    author: line.author,
    name: line.name,
    text: line.text,
    at,
    data_json: line.articles || line.survey ? JSON.stringify({ articles: line.articles, survey: line.survey }) : null,
    ref: line.ref ?? null,
  };
  await trx.insertInto('chat_lines').values(row).execute();
  return lineFromRow(row);
}

/** The chat from line `fromSeq` on: all of it for a widget that resumes. */
export async function linesOf(reader: Reader, sessionId: string, fromSeq = 1): Promise<ChatLine[]> {
  const rows = await reader.selectFrom('chat_lines').selectAll().where('session_id', '=', sessionId).where('seq', '>=', fromSeq).orderBy('seq').execute();
  return rows.map(lineFromRow);
}
