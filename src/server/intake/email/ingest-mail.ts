import type { Transaction } from 'kysely';
import { isoNow } from '../../../shared/clock.js';
import type { CustomerLocale } from '../../../shared/notifications/templates.js';
import type { ServerContext } from '../../context.js';
import { ticketOfMailIds } from '../../outbound/mail-threading.js';
import { quarantine } from '../../quarantine/quarantine-store.js';
import type { Database } from '../../storage/schema.js';
import { TicketStoreError } from '../../tickets/ticket-store.js';
import { IntakeRefusal } from '../attachments.js';
import { receiveCustomerMessage } from '../customer-intake.js';
import { declaredLocale, detectLocale } from '../customers/detect-locale.js';
import { parseMail, type InboundMail } from './inbound-mail.js';
import { automationOf } from './loop-guard.js';
import { htmlAsText, sanitiseMailHtml } from './mail-html.js';
import { findMailThread, rememberSender, returnedMessageIds } from './mail-thread.js';
import { cutQuotedHistory } from './quoted-history.js';

type Trx = Transaction<Database>;

/** The largest mail taken in: a 25 MB attachment (the most any file may be) grows to about 34 MB in base64. */
export const MAX_MAIL_BYTES = 40 * 1024 * 1024;

/** The text a message carries to every console; a longer mail is cut here and read whole in its original. */
const MAX_BODY_CHARS = 100_000;

export interface MailSource {
  /** Where it came from, as quarantine shows it: `imap:<mailbox name>` or `smtp`. */
  name: string;
  /** Where a new ticket lands; a reply joins its ticket wherever that is. */
  queueId?: string;
}

export type IngestOutcome =
  | { outcome: 'created' | 'joined'; ticketId: string; number: number; acknowledged: boolean }
  /** Its Message-ID was taken in before: the same mail read twice, or sent to two of the desk's addresses. */
  | { outcome: 'duplicate'; ticketId: string }
  | { outcome: 'quarantined'; quarantineId: string; reason: string };

/** Writes a channel commits with the mail, whatever becomes of it (the IMAP poller's cursor). */
export type CommitWithMail = (trx: Trx) => Promise<void>;

/**
 * Takes one raw mail in: a new ticket or a message on the ticket it continues, with its files, its
 * HTML (sanitised), its original and, unless a machine wrote it, an acknowledgement; all in one
 * transaction. A mail that cannot be taken in is quarantined with the reason instead, so it answers
 * rather than throws; it throws only when not even the quarantine could be written, or when
 * `withMail` fails (that is the channel's trouble, not the mail's), and then nothing is written.
 */
export async function ingestMail(context: ServerContext, raw: Buffer, source: MailSource, withMail?: CommitWithMail): Promise<IngestOutcome> {
  let channelFailed = false;
  const alongside = async (trx: Trx) => {
    try {
      await withMail?.(trx);
    } catch (error) {
      channelFailed = true;
      throw error;
    }
  };
  try {
    const mail = await parseMail(raw);
    const shown = await shownContent(mail);
    const outcome = await context.db.transaction().execute(async (trx) => {
      const result = await takeIn(context, trx, raw, mail, shown, source);
      await alongside(trx);
      return result;
    });
    context.feed.committed();
    return outcome;
  } catch (error) {
    if (channelFailed) throw error;
    const reason = reasonOf(error);
    const quarantineId = await context.db.transaction().execute(async (trx) => {
      const id = await quarantine(trx, { source: source.name, reason, contentType: 'message/rfc822', data: raw }, isoNow(context.clock));
      await alongside(trx);
      return id;
    });
    return { outcome: 'quarantined', quarantineId, reason };
  }
}

/** What agents read: the new words without history and signature, and the sanitised HTML. */
async function shownContent(mail: InboundMail): Promise<{ body: string; html: string | null }> {
  const html = mail.html ? sanitiseMailHtml(mail.html, new Map(mail.attachments.flatMap((a) => (a.cid ? [[a.cid, a.filename] as const] : [])))) : null;
  const text = mail.text.trim() || !mail.html ? mail.text : await htmlAsText(html ?? mail.html);
  return { body: clipped(cutQuotedHistory(text)), html };
}

async function takeIn(context: ServerContext, trx: Trx, raw: Buffer, mail: InboundMail, { body, html }: { body: string; html: string | null }, source: MailSource): Promise<IngestOutcome> {
  if (mail.messageId) {
    const earlier = await ticketOfMailIds(trx, [mail.messageId]);
    if (earlier) return { outcome: 'duplicate', ticketId: earlier };
  }
  const automated = automationOf(mail);
  const ticketId = await findMailThread(trx, mail, automated?.kind === 'bounce' ? returnedMessageIds(raw, mail.messageId) : []);
  // A bounce about none of our mail is backscatter from spam forged in our name: nobody to tell.
  if (automated?.kind === 'bounce' && !ticketId) throw new IntakeRefusal(`a bounce (${automated.reason}) about no mail the desk sent`);
  const locale = declaredLanguage(mail, body);
  const received = await receiveCustomerMessage(context, trx, {
    channel: 'email',
    from: { email: mail.from.email, name: mail.from.name, ...(locale ? { locale } : {}) },
    subject: mail.subject,
    body,
    ...(html ? { html } : {}),
    attachments: mail.attachments,
    original: { contentType: 'message/rfc822', data: raw },
    ticketId,
    ...(mail.messageId ? { mailMessageId: mail.messageId } : {}),
    acknowledge: automated === null,
    // A mailbox's queue takes what no routing rule claims.
    ...(source.queueId ? { defaultQueueId: source.queueId } : {}),
  });
  await rememberSender(trx, received.ticket.id, mail.from.email, isoNow(context.clock));
  return { outcome: received.created ? 'created' : 'joined', ticketId: received.ticket.id, number: received.ticket.number, acknowledged: received.acknowledgement !== null };
}

function clipped(text: string): string {
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}\n\n[…]` : text;
}

/**
 * Content-Language as the customer's language only when their words do not tell (a Polish customer
 * typing without diacritics): mail clients set it from the system's language, not the mail's.
 */
function declaredLanguage(mail: InboundMail, body: string): CustomerLocale | undefined {
  const declared = declaredLocale(mail.headers.get('content-language'));
  return declared && declared !== 'en' && detectLocale(`${mail.subject}\n${body}`) === 'en' ? declared : undefined;
}

function reasonOf(error: unknown): string {
  if (error instanceof IntakeRefusal || error instanceof TicketStoreError) return error.message;
  console.error('shiftdesk: a mail could not be taken in', error);
  return `could not be taken in: ${error instanceof Error ? error.message : String(error)}`;
}
