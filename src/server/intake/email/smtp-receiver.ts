import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { ServerContext } from '../../context.js';
import { ingestMail, MAX_MAIL_BYTES, type IngestOutcome } from './ingest-mail.js';

export interface SmtpReceiverOptions {
  port: number;
  host: string;
  /** Addresses (support@acme.example) and domains (acme.example) mail is taken for; null takes any. */
  recipients: readonly string[] | null;
  /** Bigger messages are refused with 552; tests lower it. */
  maxBytes?: number;
}

export interface RunningSmtpReceiver {
  port: number;
  close(): Promise<void>;
}

/**
 * Receives mail over SMTP, as the last hop after the organisation's own mail server (or straight
 * from the internet, behind a firewall that only lets that server in): no authentication and no TLS,
 * so it belongs on a trusted network. Each message is taken in like a polled one. The client hears
 * 250 once the message is stored, as a ticket or in quarantine; only when nothing could be stored
 * does it hear a temporary failure, so a good mail server keeps it and tries again.
 */
export async function startSmtpReceiver(context: ServerContext, options: SmtpReceiverOptions): Promise<RunningSmtpReceiver> {
  const maxBytes = options.maxBytes ?? MAX_MAIL_BYTES;
  const server = new SMTPServer({
    name: 'shiftdesk',
    banner: 'Shiftdesk mail intake',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    size: maxBytes,
    logger: false,
    // A stopping server gives a sender in the middle of a message this long, then hangs up: the sender retries later.
    closeTimeout: 3_000,
    onRcptTo(address, _session, callback) {
      if (takesMailFor(options.recipients, address.address)) return callback();
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: no such mailbox here`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      void receive(context, stream, session, maxBytes).then(
        (reply) => callback(null, reply),
        (error: Error & { responseCode?: number }) => callback(error),
      );
    },
  });
  // A client's broken connection is that client's problem, not the server process's.
  server.on('error', (error) => console.error('shiftdesk: SMTP receiver:', error.message));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(context: ServerContext, stream: SMTPServerDataStream, session: SMTPServerSession, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  // Past the limit the rest is read and dropped: the client must finish sending before it can hear 552.
  for await (const chunk of stream as AsyncIterable<Buffer>) if (!stream.sizeExceeded) chunks.push(chunk);
  if (stream.sizeExceeded) throw Object.assign(new Error(`5.3.4 Message too big: at most ${maxBytes} bytes are taken`), { responseCode: 552 });
  // The final hop records the envelope sender, as a mailbox's delivery agent would: "<>" marks an automatic sender.
  const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const raw = Buffer.concat([Buffer.from(`Return-Path: <${sender}>\r\n`), ...chunks]);
  let outcome: IngestOutcome;
  try {
    outcome = await ingestMail(context, raw, { name: 'smtp' });
  } catch (error) {
    console.error('shiftdesk: a mail received over SMTP could not be stored', error);
    throw Object.assign(new Error('4.3.0 Could not store the message now, try again later'), { responseCode: 451 });
  }
  return outcome.outcome === 'created' || outcome.outcome === 'joined' ? `2.0.0 Taken in as ticket #${outcome.number}` : '2.0.0 Accepted';
}

function takesMailFor(recipients: readonly string[] | null, address: string): boolean {
  if (recipients === null) return true;
  const wanted = address.trim().toLowerCase();
  const domain = wanted.slice(wanted.lastIndexOf('@') + 1);
  return recipients.some((entry) => {
    const allowed = entry.trim().toLowerCase().replace(/^@/, '');
    return allowed.includes('@') ? allowed === wanted : allowed === domain;
  });
}
