import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { isoNow } from '../../shared/clock.js';
import { statusAfterCustomerMessage, type Channel, type CustomerTier, type Priority, type Ticket, type TicketType } from '../../shared/domain/ticket.js';
import type { CustomerLocale } from '../../shared/notifications/templates.js';
import type { ServerContext } from '../context.js';
import type { Acknowledgement } from '../notifications/customer-notifier.js';
import { rememberMailId } from '../outbound/mail-threading.js';
import type { Database } from '../storage/schema.js';
import { ticketFromRow } from '../tickets/rows.js';
import { describeAttachments, storeAttachments, storeOriginal, type IncomingFile, type IncomingOriginal } from './attachments.js';
import { detectLocale } from './customers/detect-locale.js';
import { normaliseEmail, rememberRequester } from './customers/requesters.js';

type Trx = Transaction<Database>;

export interface CustomerMessage {
  channel: Channel;
  from: {
    email: string;
    name: string;
    /** A language the customer chose (portal, chat); otherwise it is read from their words. */
    locale?: CustomerLocale;
  };
  subject: string;
  /** The text agents read: quoted history and signatures already cut by the channel. */
  body: string;
  /** Sanitised HTML to show beside the text, when the customer wrote HTML. */
  html?: string;
  attachments?: readonly IncomingFile[];
  original?: IncomingOriginal;
  /** The ticket the channel found this belongs to (a mail's thread, a portal reply, a chat session). */
  ticketId?: string | null;
  /** An email's Message-ID, remembered against the ticket before the acknowledgement is queued, so the acknowledgement answers it. */
  mailMessageId?: string;
  /** False for what a machine wrote (auto-replies, bounces): answering those is how mail loops start. */
  acknowledge: boolean;
  /** A queue the sender chose: kept, the routing rules are not asked. */
  queueId?: string;
  /** Where the ticket goes when no routing rule matches (an IMAP mailbox's queue). */
  defaultQueueId?: string;
  priority?: Priority;
  type?: TicketType;
}

export interface IntakeOutcome {
  ticket: Ticket;
  messageId: string;
  created: boolean;
  acknowledgement: Acknowledgement | null;
}

/**
 * Where every channel hands over what a customer wrote. A message for a live ticket joins it (and
 * puts it back to work); anything else opens a ticket, with the customer's language remembered and an
 * acknowledgement queued on its channel. A closed ticket is history: writing again opens a follow-up.
 * One transaction: the message, its files, its original and the acknowledgement commit together.
 */
export async function receiveCustomerMessage(context: ServerContext, trx: Trx, input: CustomerMessage): Promise<IntakeOutcome> {
  const at = isoNow(context.clock);
  const files = describeAttachments(input.attachments ?? []);
  const requester = await rememberRequester(
    trx,
    { email: input.from.email, name: input.from.name, locale: input.from.locale ?? detectLocale(`${input.subject}\n${input.body}`), chosen: input.from.locale !== undefined },
    at,
  );
  const messageId = randomUUID();
  const extras = { attachments: files.map((f) => f.meta), ...(input.original ? { hasOriginal: true } : {}), ...(input.html ? { html: input.html } : {}) };
  const live = input.ticketId ? await trx.selectFrom('tickets').selectAll().where('id', '=', input.ticketId).where('status', '!=', 'closed').executeTakeFirst() : undefined;

  let ticket: Ticket;
  let acknowledgement: Acknowledgement | null = null;
  if (live) {
    const current = ticketFromRow(live);
    const status = statusAfterCustomerMessage(current.status);
    ticket = await context.tickets.applyChange(trx, current.id, {
      actor: { userId: null, name: requester.name },
      message: { id: messageId, body: input.body, isPublic: true, authorKind: 'customer', extras: { ...extras, ...(input.channel !== current.channel ? { via: input.channel } : {}) } },
      ...(status !== current.status ? { status } : {}),
    });
  } else {
    const opened = await context.tickets.insert(trx, {
      subject: input.subject.trim().slice(0, 300) || '(no subject)',
      body: input.body,
      requesterName: requester.name,
      requesterEmail: requester.email,
      channel: input.channel,
      priority: input.priority ?? 'medium',
      customerTier: await knownTier(trx, requester.email),
      type: input.type ?? 'question',
      ...(input.queueId ? { queueId: input.queueId } : {}),
      ...(input.defaultQueueId ? { defaultQueueId: input.defaultQueueId } : {}),
      firstMessage: { id: messageId, extras },
    });
    ticket = opened.ticket;
  }
  if (input.mailMessageId) await rememberMailId(trx, input.mailMessageId, ticket.id, at);
  if (!live && input.acknowledge) acknowledgement = await context.notifier.acknowledge(trx, ticket, requester);
  await storeAttachments(trx, ticket.id, messageId, files, at);
  if (input.original) await storeOriginal(trx, ticket.id, messageId, input.original);
  return { ticket, messageId, created: !live, acknowledgement };
}

/** A premium customer stays premium on their next ticket: the tier of their latest one. */
async function knownTier(trx: Trx, email: string): Promise<CustomerTier> {
  const row = await trx
    .selectFrom('tickets')
    .select('customer_tier')
    .where('requester_email', '=', normaliseEmail(email))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.customer_tier === 'premium' ? 'premium' : 'standard';
}
