import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { OutboundHeaders } from './outbound-queue.js';

/** external_refs source for email Message-IDs, ours and the customers', all pointing at their ticket. */
export const MAIL_REF_SOURCE = 'email';
const MAX_REFERENCES = 20;

/** A Message-ID without angle brackets, compared case-insensitively as mail clients do. */
export function bareMessageId(value: string): string {
  return value.trim().replace(/^<|>$/g, '').toLowerCase();
}

export async function rememberMailId(trx: Transaction<Database>, messageId: string, ticketId: string, at: string): Promise<void> {
  await trx
    .insertInto('external_refs')
    .values({ source: MAIL_REF_SOURCE, ref: bareMessageId(messageId), ticket_id: ticketId, updated_at: at })
    .onConflict((oc) => oc.columns(['source', 'ref']).doNothing())
    .execute();
}

/** The ticket a mail answers, from any Message-ID it names. */
export async function ticketOfMailIds(trx: Transaction<Database>, messageIds: string[]): Promise<string | null> {
  const refs = messageIds.map(bareMessageId).filter(Boolean);
  if (refs.length === 0) return null;
  const row = await trx.selectFrom('external_refs').select('ticket_id').where('source', '=', MAIL_REF_SOURCE).where('ref', 'in', refs).orderBy('updated_at', 'desc').executeTakeFirst();
  return row?.ticket_id ?? null;
}

/**
 * Headers for a new mail on a ticket: it answers the latest mail of the thread and names the recent
 * ones, so the customer's client threads it and their answer comes back to the same ticket.
 */
export async function threadHeaders(trx: Transaction<Database>, ticketId: string, messageId: string, at: string): Promise<OutboundHeaders> {
  const earlier = await trx
    .selectFrom('external_refs')
    .select('ref')
    .where('source', '=', MAIL_REF_SOURCE)
    .where('ticket_id', '=', ticketId)
    .orderBy('updated_at', 'desc')
    .limit(MAX_REFERENCES)
    .execute();
  await rememberMailId(trx, messageId, ticketId, at);
  const references = earlier.map((r) => r.ref).reverse();
  return { messageId: bareMessageId(messageId), ...(references.length > 0 ? { inReplyTo: references.at(-1)!, references } : {}) };
}
