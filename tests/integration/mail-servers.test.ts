import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startDovecot, type RunningDovecot } from '../support/dovecot.js';
import { freePort } from '../support/free-port.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { sendWithSwaks } from '../support/swaks.js';

// "Zażółć gęślą jaźń" in ISO-8859-2: as UTF-8 these bytes are invalid, so only a charset-aware parser reads them right.
const LATIN2_BODY = Buffer.from('5a61bff3b3e62067eab66cb1206a61bcf1', 'hex');
const LATIN2_MESSAGE = Buffer.concat([
  Buffer.from(
    [
      'From: Klient <klient@example.test>',
      'To: desk@example.test',
      // "Płatność nie przeszła", Q-encoded in ISO-8859-2.
      'Subject: =?ISO-8859-2?Q?P=B3atno=B6=E6_nie_przesz=B3a?=',
      'Message-ID: <latin2-1@customer.example.test>',
      'Date: Mon, 02 Mar 2026 08:15:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=iso-8859-2',
      'Content-Transfer-Encoding: 8bit',
      '',
      '',
    ].join('\r\n'),
  ),
  LATIN2_BODY,
  Buffer.from('\r\n'),
]);

function imapClient(dovecot: RunningDovecot, password = dovecot.password): ImapFlow {
  return new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: password }, logger: false });
}

interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

/** An smtp-server instance like the product's own receiver, refusing the recipients in `unknown`. */
async function startReceiver(unknown: string[] = []): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(unknown.includes(address.address) ? Object.assign(new Error('No such mailbox'), { responseCode: 550 }) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({ from: mailFrom ? mailFrom.address : '', to: rcptTo.map((r: SMTPServerAddress) => r.address), raw: Buffer.concat(chunks) });
        callback(null);
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port, received };
}

describe('Dovecot for the IMAP mailbox poller', () => {
  it('serves a delivered ISO-8859-2 message to imapflow, and mailparser decodes it to the right text', async () => {
    const dovecot = await startDovecot();
    onTestFinished(() => dovecot.stop());
    await dovecot.deliver(LATIN2_MESSAGE);

    const client = imapClient(dovecot);
    await client.connect();
    onTestFinished(() => client.logout());
    const lock = await client.getMailboxLock('INBOX');
    const messages = await client.fetchAll('1:*', { source: true }).finally(() => lock.release());

    expect(messages).toHaveLength(1);
    const source = messages[0]?.source ?? Buffer.alloc(0);
    expect(source.includes(LATIN2_BODY)).toBe(true);
    const parsed = await simpleParser(source);
    expect(parsed.subject).toBe('Płatność nie przeszła');
    expect(parsed.text?.trim()).toBe('Zażółć gęślą jaźń');
    expect(parsed.messageId).toBe('<latin2-1@customer.example.test>');
  });

  it('refuses a wrong password', async () => {
    const dovecot = await startDovecot();
    onTestFinished(() => dovecot.stop());
    await expect(imapClient(dovecot, 'not-the-password').connect()).rejects.toThrow();
  });
});

describe('an SMTP sink for outbound mail', () => {
  it('receives what nodemailer sends, with the envelope and the threading headers intact', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.stop());
    const transport = nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Shiftdesk <desk@example.test>',
      to: 'klient@example.test',
      bcc: 'audit@example.test',
      subject: 'Re: Płatność nie przeszła',
      text: 'Sprawdzamy to.',
      messageId: '<reply-1@shiftdesk.example.test>',
      inReplyTo: '<latin2-1@customer.example.test>',
      references: ['<latin2-1@customer.example.test>'],
    });

    const [received, ...others] = await sink.waitFor(1);
    expect(others).toEqual([]);
    expect(received?.from).toBe('desk@example.test');
    expect(received?.to).toEqual(['klient@example.test', 'audit@example.test']);
    expect(received?.raw).toMatch(/^Message-ID: <reply-1@shiftdesk\.example\.test>\r$/m);
    expect(received?.raw).toMatch(/^In-Reply-To: <latin2-1@customer\.example\.test>\r$/m);
    expect(received?.raw).not.toContain('audit@example.test');
    const parsed = await simpleParser(received?.raw ?? '');
    expect(parsed.subject).toBe('Re: Płatność nie przeszła');
    expect(parsed.text?.trim()).toBe('Sprawdzamy to.');
  });
});

describe('swaks delivering to an smtp-server receiver', () => {
  it('delivers raw MIME byte for byte', async () => {
    const receiver = await startReceiver();
    const sent = await sendWithSwaks({ host: '127.0.0.1', port: receiver.port, from: 'klient@example.test', to: 'desk@example.test', raw: LATIN2_MESSAGE });

    expect(sent.exitCode, sent.output).toBe(0);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ from: 'klient@example.test', to: ['desk@example.test'] });
    expect(receiver.received[0]?.raw.equals(LATIN2_MESSAGE)).toBe(true);
  });

  it('composes a message from subject, headers and body', async () => {
    const receiver = await startReceiver();
    const sent = await sendWithSwaks({
      host: '127.0.0.1',
      port: receiver.port,
      from: 'ops@example.test',
      to: ['desk@example.test', 'night@example.test'],
      subject: 'Printer on floor 3',
      headers: { 'X-Shiftdesk-Queue': 'facilities' },
      body: 'Jammed again.',
    });

    expect(sent.exitCode, sent.output).toBe(0);
    expect(receiver.received.map((r) => r.to)).toEqual([['desk@example.test', 'night@example.test']]);
    const parsed = await simpleParser(receiver.received[0]?.raw ?? '');
    expect(parsed.subject).toBe('Printer on floor 3');
    expect(parsed.headers.get('x-shiftdesk-queue')).toBe('facilities');
    expect(parsed.text?.trim()).toBe('Jammed again.');
  });

  it('reports a refused recipient through its exit code', async () => {
    const receiver = await startReceiver(['gone@example.test']);
    const sent = await sendWithSwaks({ host: '127.0.0.1', port: receiver.port, from: 'ops@example.test', to: 'gone@example.test', body: 'Hello?' });

    expect(sent.exitCode).not.toBe(0);
    expect(sent.output).toMatch(/<\*\* +550 No such mailbox/);
    expect(receiver.received).toEqual([]);
  });
});
