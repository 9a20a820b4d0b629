import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PermanentDeliveryError, type OutboundItem } from './outbound-queue.js';
import { mailSenderOf, smtpDeliverer } from './smtp-deliverer.js';

/** An smtp-server relay that answers each recipient as `answers` says (code and text), and keeps what it accepts. */
async function relay(answers: Record<string, [number, string]> = {}): Promise<{ url: string; received: Buffer[] }> {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const answer = answers[address.address];
      callback(answer ? Object.assign(new Error(answer[1]), { responseCode: answer[0] }) : null);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, received };
}

const item = (overrides: Partial<OutboundItem> = {}): OutboundItem => ({
  id: 'o1',
  ticketId: 't1',
  kind: 'status.solved',
  channel: 'email',
  to: 'customer@example.test',
  subject: '[#1001] Solved',
  body: 'Your request is solved.',
  headers: { messageId: 'n1@desk.example.test', inReplyTo: 'c1@example.test', references: ['c1@example.test'] },
  attempts: 0,
  ...overrides,
});

const sender = mailSenderOf('Acme Support <support@acme.example>');

describe('smtpDeliverer', () => {
  it('sends the desk’s notices as automatic, with the thread’s headers', async () => {
    const { url, received } = await relay();
    await smtpDeliverer(url, sender).deliver(item());
    const mail = await simpleParser(received[0]!);
    expect(mail.from?.value).toEqual([{ name: 'Acme Support', address: 'support@acme.example' }]);
    expect(mail.messageId).toBe('<n1@desk.example.test>');
    expect(mail.inReplyTo).toBe('<c1@example.test>');
    expect(mail.references).toBe('<c1@example.test>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.text?.trim()).toBe('Your request is solved.');
  });

  it('sends an agent’s reply under their name, and not as automatic', async () => {
    const { url, received } = await relay();
    await smtpDeliverer(url, sender).deliver(item({ kind: 'reply', headers: { messageId: 'r1@desk.example.test', fromName: 'Marta Nowak' } }));
    const mail = await simpleParser(received[0]!);
    expect(mail.from?.value).toEqual([{ name: 'Marta Nowak via Acme Support', address: 'support@acme.example' }]);
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.inReplyTo).toBeUndefined();
  });

  it('gives up on a 5xx answer and tries a 4xx answer or a relay that is down again', async () => {
    const { url } = await relay({ 'gone@example.test': [550, 'No such user'], 'full@example.test': [452, 'Mailbox full'] });
    const deliverer = smtpDeliverer(url, sender);
    const gone = deliverer.deliver(item({ to: 'gone@example.test' }));
    await expect(gone).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(gone).rejects.toThrow(/550 No such user/);
    const full = deliverer.deliver(item({ to: 'full@example.test' }));
    await expect(full).rejects.toThrow(/452 Mailbox full/);
    await expect(full).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    await expect(smtpDeliverer('smtp://127.0.0.1:1', sender).deliver(item())).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });
});

describe('mailSenderOf', () => {
  it('reads the desk’s From with or without a name, and refuses what is no address', () => {
    expect(mailSenderOf('"Acme, Support" <support@acme.example>')).toEqual({ name: 'Acme, Support', address: 'support@acme.example' });
    expect(mailSenderOf('support@acme.example')).toEqual({ name: 'Shiftdesk', address: 'support@acme.example' });
    expect(() => mailSenderOf('support')).toThrow('not a mail address: "support"');
  });
});
