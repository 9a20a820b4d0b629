import type { InboundMail } from './inbound-mail.js';

/** A mail a machine wrote: answering it is how mail loops start, so it never gets an acknowledgement. */
export interface Automated {
  /** A bounce reports that a mail did not arrive; an auto-reply is an out-of-office, a list or a bulk sender. */
  kind: 'bounce' | 'auto-reply';
  reason: string;
}

const bulkPrecedence = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const bounceSenders = new Set(['mailer-daemon', 'postmaster']);

/** By RFC 3834 (Auto-Submitted), the older Precedence and X-Autorespond conventions, and the signs of a bounce. */
export function automationOf(mail: InboundMail): Automated | null {
  const localPart = mail.from.email.split('@')[0]!;
  if (mail.reportType === 'delivery-status') return { kind: 'bounce', reason: 'a delivery status report (multipart/report)' };
  if (bounceSenders.has(localPart)) return { kind: 'bounce', reason: `sent by ${mail.from.email}` };

  const header = (name: string) => mail.headers.get(name)?.toLowerCase();
  const autoSubmitted = header('auto-submitted')?.split(';')[0]!.trim();
  if (autoSubmitted && autoSubmitted !== 'no') return { kind: 'auto-reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  const precedence = header('precedence');
  if (precedence && bulkPrecedence.has(precedence)) return { kind: 'auto-reply', reason: `Precedence: ${precedence}` };
  for (const name of ['x-autoreply', 'x-autorespond']) if (mail.headers.has(name)) return { kind: 'auto-reply', reason: `${name} header` };
  // A null return path is what RFC 3834 asks of automatic responders (and what bounces carry).
  if (header('return-path')?.replace(/\s/g, '') === '<>') return { kind: 'auto-reply', reason: 'null return path (<>)' };
  return null;
}
