import type { Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { bareMessageId, ticketOfMailIds } from '../../outbound/mail-threading.js';
import { normaliseEmail } from '../customers/requesters.js';
import type { InboundMail } from './inbound-mail.js';

type Trx = Transaction<Database>;

/** external_refs source tying an address to a ticket it has written to: `<ticket id> <address>`. */
const SENDER_SOURCE = 'email-sender';
const subjectTag = /\[#(\d{1,9})\]/;

/**
 * The ticket a mail continues. A Message-ID it answers is proof enough: ours are random and only
 * reach the people on the thread. A `[#1234]` subject tag is not, since anyone can guess a number,
 * so it counts only from the ticket's requester or an address that has already written to that
 * ticket; anyone else opens a ticket of their own.
 */
export async function findMailThread(trx: Trx, mail: InboundMail, returnedIds: readonly string[] = []): Promise<string | null> {
  const answered = await ticketOfMailIds(trx, [...mail.answers, ...returnedIds]);
  if (answered) return answered;
  const tag = subjectTag.exec(mail.subject);
  if (!tag) return null;
  const ticket = await trx.selectFrom('tickets').select(['id', 'requester_email']).where('number', '=', Number(tag[1])).executeTakeFirst();
  if (!ticket) return null;
  if (normaliseEmail(ticket.requester_email) === mail.from.email) return ticket.id;
  const known = await trx.selectFrom('external_refs').select('ticket_id').where('source', '=', SENDER_SOURCE).where('ref', '=', senderRef(ticket.id, mail.from.email)).executeTakeFirst();
  return known ? ticket.id : null;
}

/** A colleague the customer copied in, who answered the thread, may later write with the tag alone. */
export async function rememberSender(trx: Trx, ticketId: string, email: string, at: string): Promise<void> {
  await trx
    .insertInto('external_refs')
    .values({ source: SENDER_SOURCE, ref: senderRef(ticketId, email), ticket_id: ticketId, updated_at: at })
    .onConflict((oc) => oc.columns(['source', 'ref']).doNothing())
    .execute();
}

function senderRef(ticketId: string, email: string): string {
  return `${ticketId} ${normaliseEmail(email)}`;
}

/**
 * The Message-IDs of the mail a bounce returns (its text/rfc822-headers or message/rfc822 part):
 * how a delivery failure finds the ticket whose mail failed, since bounces rarely set In-Reply-To.
 */
export function returnedMessageIds(raw: Buffer, own: string | null): string[] {
  const ids = [...raw.toString('latin1').matchAll(/^Message-ID:[ \t]*(<[^<>\s]+>)/gim)].map((m) => bareMessageId(m[1]!));
  return [...new Set(ids)].filter((id) => id !== own);
}
