import { simpleParser, type AddressObject, type Attachment, type StructuredHeader } from 'mailparser';
import { IntakeRefusal, type IncomingFile } from '../attachments.js';
import { bareMessageId } from '../../outbound/mail-threading.js';

/** `cid`: the Content-ID an HTML part shows the file by (an inline image). */
export type MailAttachment = IncomingFile & { cid?: string };

/** A mail as the desk needs it: who, what, which thread it names, and the headers that say a machine wrote it. */
export interface InboundMail {
  /** Bare (no angle brackets, lower case); null when the sender's software set none. */
  messageId: string | null;
  /** In-Reply-To then References, bare: every mail this one says it answers. */
  answers: string[];
  from: { email: string; name: string };
  subject: string;
  /** The text parts as sent, history included; empty for an HTML-only mail (its text comes from the sanitised HTML). */
  text: string;
  /** The HTML part as sent, unsanitised; null for plain text mail. */
  html: string | null;
  attachments: MailAttachment[];
  /** Raw header values by lower-case name (first occurrence, unfolded), for decisions on machine-written mail. */
  headers: ReadonlyMap<string, string>;
  /** Content-Type's report-type when the mail is a multipart/report (a delivery report, a read receipt). */
  reportType: string | null;
}

/**
 * Parses raw MIME. Charsets (ISO-8859-2, windows-1251, KOI8-R, windows-1257, …) are decoded by
 * mailparser; a mail without a usable From address is refused, since the desk could not say whose it is.
 */
export async function parseMail(raw: Buffer): Promise<InboundMail> {
  // HTML is turned into text later, from the sanitised HTML: mailparser would do it only for some MIME layouts, and show images as their cid: links.
  const parsed = await simpleParser(raw, { keepCidLinks: true, skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  const from = firstAddress(parsed.from);
  if (!from) throw new IntakeRefusal(parsed.from ? `the From header names no usable address ("${parsed.from.text.slice(0, 200)}")` : 'the mail has no From header');
  const contentType = parsed.headers.get('content-type') as StructuredHeader | undefined;
  const html = typeof parsed.html === 'string' && parsed.html.trim() ? parsed.html : null;
  return {
    messageId: parsed.messageId ? bareMessageId(parsed.messageId) || null : null,
    answers: [...idList(parsed.inReplyTo), ...idList(parsed.references)],
    from,
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    text: (parsed.text ?? '').replace(/\r\n?/g, '\n'),
    html,
    attachments: parsed.attachments.map(fileOf),
    headers: rawHeaders(parsed.headerLines),
    reportType: contentType?.value.toLowerCase() === 'multipart/report' ? (contentType.params['report-type'] ?? '').toLowerCase() : null,
  };
}

function firstAddress(header: AddressObject | AddressObject[] | undefined): InboundMail['from'] | null {
  const entries = [header ?? []].flat().flatMap((h) => h.value.flatMap((a) => (a.group ? a.group : [a])));
  const found = entries.find((a) => a.address && /^[^\s@]+@[^\s@]+$/.test(a.address));
  return found ? { email: found.address!.trim().toLowerCase(), name: found.name.trim() } : null;
}

/** mailparser keeps angle brackets and may give one string with several ids: split them all out. */
function idList(value: string | string[] | undefined): string[] {
  return [value ?? []]
    .flat()
    .flatMap((v) => v.match(/<[^<>\s]+>/g) ?? [v])
    .map(bareMessageId)
    .filter(Boolean);
}

function fileOf(attachment: Attachment, index: number): MailAttachment {
  const [kind, subtype] = attachment.contentType.split('/');
  // An inline image usually has no name; one with its type's extension opens with the right program.
  const fallback = `${kind === 'image' ? 'image' : 'attachment'}-${index + 1}${kind === 'image' && /^[a-z0-9]+$/.test(subtype ?? '') ? `.${subtype}` : ''}`;
  return { filename: attachment.filename?.trim() || fallback, contentType: attachment.contentType, data: attachment.content, ...(attachment.cid ? { cid: attachment.cid } : {}) };
}

function rawHeaders(lines: ReadonlyArray<{ key: string; line: string }>): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of lines) {
    if (!headers.has(key)) headers.set(key, line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  return headers;
}
