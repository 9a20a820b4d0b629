import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { PermanentDeliveryError, type Deliverer, type OutboundItem } from './outbound-queue.js';

export interface MailSender {
  /** Who the desk is to customers ("Acme Support"); an agent's reply comes from "Anna via Acme Support". */
  name: string;
  address: string;
}

/** The desk's From, as an admin writes it: "Acme Support <support@acme.example>" or the bare address. */
export function mailSenderOf(from: string): MailSender {
  const [first] = addressparser(from, { flatten: true });
  if (!first || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(first.address)) throw new Error(`not a mail address: "${from}"`);
  return { name: first.name.trim() || 'Shiftdesk', address: first.address };
}

/** What people write; the rest the desk writes by itself, and says so, so that no machine answers it. */
const writtenByPeople = new Set(['reply', 'chat.fallback']);

/**
 * Sends the desk's mail through the organisation's relay (`smtp://host:25`, `smtps://user:pass@host:465`)
 * with the item's Message-ID, In-Reply-To and References, so the customer's client threads it and their
 * answer finds its ticket. A 5xx answer about the message fails it for good; a relay that is down or
 * busy (4xx, no connection), or that refuses the desk's own login (fixed by an admin, not by the
 * message), is tried again later.
 */
export function smtpDeliverer(relayUrl: string, sender: MailSender): Deliverer {
  const transport = nodemailer.createTransport({ url: relayUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    async deliver(item: OutboundItem) {
      const { messageId, inReplyTo, references, fromName } = item.headers;
      const automatic = !writtenByPeople.has(item.kind);
      try {
        await transport.sendMail({
          from: { name: fromName ? `${fromName} via ${sender.name}` : sender.name, address: sender.address },
          to: item.to,
          subject: item.subject,
          text: item.body,
          messageId: `<${messageId}>`,
          ...(inReplyTo ? { inReplyTo: `<${inReplyTo}>` } : {}),
          ...(references?.length ? { references: references.map((id) => `<${id}>`) } : {}),
          // RFC 3834, and Exchange's own switch: out-of-office replies to a notice are how loops start.
          ...(automatic ? { headers: { 'Auto-Submitted': item.kind.startsWith('ack.') ? 'auto-replied' : 'auto-generated', 'X-Auto-Response-Suppress': 'All' } } : {}),
        });
      } catch (error) {
        throw permanent(error) ? new PermanentDeliveryError(describe(error)) : error;
      }
    },
  };
}

type SmtpError = Error & { responseCode?: number; code?: string; response?: string };

function permanent(error: unknown): boolean {
  const smtp = error as SmtpError;
  if (smtp.code === 'EAUTH') return false;
  return (smtp.responseCode !== undefined && smtp.responseCode >= 500) || (smtp.code === 'EENVELOPE' && smtp.responseCode === undefined);
}

function describe(error: unknown): string {
  const smtp = error as SmtpError;
  return smtp.response ?? smtp.message;
}
