import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain/ticket.js';
import { charsetMail, composedMail } from '../../testing/mail-fixtures.js';
import { startTestServer, type RunningTestServer } from '../../testing/test-server.js';
import { ingestMail, type IngestOutcome } from './ingest-mail.js';

let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(() => server.stop());

const smtp = { name: 'smtp' };
let sequence = 0;
const uniqueId = () => `m${++sequence}-${Date.now()}@customer.example.test`;

function plainMail(headers: Record<string, string>, body = 'Hello, the printer is jammed.'): Buffer {
  const all = { From: 'Jan Kowalski <jan@example.test>', To: 'desk@example.test', Subject: 'Printer', 'Message-ID': `<${uniqueId()}>`, ...headers };
  return Buffer.from([...Object.entries(all).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`), '', body, ''].join('\r\n'));
}

async function ingest(raw: Buffer): Promise<IngestOutcome & { outcome: 'created' | 'joined' }> {
  const outcome = await ingestMail(server.context, raw, smtp);
  if (outcome.outcome !== 'created' && outcome.outcome !== 'joined') throw new Error(`expected a ticket, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const db = () => server.context.db;
const messagesOf = async (ticketId: string): Promise<Message[]> =>
  (await db().selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').execute()).map((r) => ({ body: r.body, ...JSON.parse(r.meta_json ?? '{}') }) as Message);
const outboundOf = (ticketId: string) => db().selectFrom('outbound_messages').selectAll().where('ticket_id', '=', ticketId).execute();

describe('ingestMail threading', () => {
  it('opens a ticket and acknowledges it in answer to the customer’s mail, so their client threads the two', async () => {
    const messageId = uniqueId();
    const opened = await ingest(plainMail({ 'Message-ID': `<${messageId}>` }));
    expect(opened).toMatchObject({ outcome: 'created', acknowledged: true });
    const [ack] = await outboundOf(opened.ticketId);
    expect(JSON.parse(ack!.headers_json)).toMatchObject({ inReplyTo: messageId, references: [messageId] });
    expect(ack!.subject).toContain(`[#${opened.number}]`);
  });

  it('joins the ticket of a mail it answers by In-Reply-To or References, whoever sends it', async () => {
    const first = uniqueId();
    const opened = await ingest(plainMail({ 'Message-ID': `<${first}>` }));
    const [ack] = await outboundOf(opened.ticketId);
    const ackId = JSON.parse(ack!.headers_json).messageId as string;

    const reply = await ingest(plainMail({ From: 'colleague@example.test', Subject: 'Re: something else', 'In-Reply-To': `<${ackId}>` }, 'Any news?'));
    expect(reply).toMatchObject({ outcome: 'joined', ticketId: opened.ticketId, acknowledged: false });
    const byReferences = await ingest(plainMail({ Subject: 'no tag', References: `<unknown@x.test> <${first}>` }, 'And?'));
    expect(byReferences.ticketId).toBe(opened.ticketId);
  });

  it('joins by a [#number] subject tag only from the requester or someone who wrote to the ticket before', async () => {
    const opened = await ingest(plainMail({ From: 'owner@example.test' }));
    const tagged = `Re: [#${opened.number}] Printer`;

    expect((await ingest(plainMail({ From: 'OWNER@example.test', Subject: tagged }))).ticketId).toBe(opened.ticketId);
    const stranger = await ingest(plainMail({ From: 'guesser@example.test', Subject: tagged }, 'Give me the data of ticket 1001'));
    expect(stranger).toMatchObject({ outcome: 'created', acknowledged: true });
    expect(stranger.ticketId).not.toBe(opened.ticketId);

    // A copied-in colleague who answered the thread once may use the tag alone later.
    const [ack] = await outboundOf(opened.ticketId);
    await ingest(plainMail({ From: 'cc@example.test', 'In-Reply-To': `<${JSON.parse(ack!.headers_json).messageId}>` }));
    expect((await ingest(plainMail({ From: 'cc@example.test', Subject: tagged }))).ticketId).toBe(opened.ticketId);
  });

  it('takes the same Message-ID in once', async () => {
    const raw = plainMail({});
    const first = await ingest(raw);
    expect(await ingestMail(server.context, raw, { name: 'imap:other' })).toEqual({ outcome: 'duplicate', ticketId: first.ticketId });
    expect(await messagesOf(first.ticketId)).toHaveLength(1);
  });
});

describe('ingestMail content', () => {
  it('shows the new words, keeps the original, the files and the sanitised HTML', async () => {
    const raw = await composedMail({
      from: 'Anna <anna@example.test>',
      to: 'desk@example.test',
      subject: 'Screenshot',
      text: 'It looks like this.\n\n-- \nAnna, ACME\n',
      html: '<p onclick="x()">It looks like this.</p><img src="cid:shot@x"><script>alert(1)</script>',
      attachments: [{ filename: 'shot.png', content: Buffer.from('89504e47', 'hex'), cid: 'shot@x' }],
    });
    const opened = await ingest(raw);
    const [message] = await messagesOf(opened.ticketId);
    expect(message).toMatchObject({ body: 'It looks like this.', hasOriginal: true, html: '<p>It looks like this.</p><span>[image: shot.png]</span>' });
    expect(message!.attachments).toMatchObject([{ filename: 'shot.png', contentType: 'image/png', size: 4 }]);
    const original = await db().selectFrom('message_originals').selectAll().where('ticket_id', '=', opened.ticketId).executeTakeFirstOrThrow();
    expect(original.content_type).toBe('message/rfc822');
    expect(original.data.equals(raw)).toBe(true);
  });

  it('reads an HTML-only mail as text for the thread and the language', async () => {
    const raw = await composedMail({ from: 'olga@example.ru', subject: 'Вопрос', html: '<p>Здравствуйте, <b>не работает</b> принтер.</p><blockquote type="cite">старое</blockquote>' });
    const opened = await ingest(raw);
    expect((await messagesOf(opened.ticketId))[0]!.body).toBe('Здравствуйте, не работает принтер.');
    expect((await outboundOf(opened.ticketId))[0]!.subject).toContain('Ваше обращение');
  });

  it('answers in the language of a Latvian mail in windows-1257', async () => {
    const opened = await ingest(charsetMail(['From: janis@example.lv', 'Subject: Printeris', `Message-ID: <${uniqueId()}>`], 'Labdien, printeris nedarbojas. Lūdzu, palīdziet.', 'windows-1257'));
    expect((await messagesOf(opened.ticketId))[0]!.body).toBe('Labdien, printeris nedarbojas. Lūdzu, palīdziet.');
    expect((await outboundOf(opened.ticketId))[0]!.subject).toContain('Jūsu pieteikums');
  });

  it('takes Content-Language when the words do not tell (Polish typed without diacritics)', async () => {
    const opened = await ingest(plainMail({ From: 'marek@example.pl', 'Content-Language': 'pl-PL' }, 'Dzien dobry, drukarka nie dziala.'));
    expect((await outboundOf(opened.ticketId))[0]!.subject).toContain('Otrzymaliśmy');
  });
});

describe('ingestMail and machines', () => {
  it('opens a ticket for an auto-reply, without acknowledging it', async () => {
    const outcome = await ingest(plainMail({ From: 'away@example.test', 'Auto-Submitted': 'auto-replied', Subject: 'Out of office' }));
    expect(outcome).toMatchObject({ outcome: 'created', acknowledged: false });
    expect(await outboundOf(outcome.ticketId)).toEqual([]);
  });

  it('puts a bounce on the ticket whose mail failed, found through the returned headers', async () => {
    const opened = await ingest(plainMail({ From: 'gone@example.test' }));
    const [ack] = await outboundOf(opened.ticketId);
    const bounce = Buffer.from(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.test>',
        'Subject: Undelivered Mail Returned to Sender',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        '<gone@example.test>: mailbox unavailable',
        '--b',
        'Content-Type: text/rfc822-headers',
        '',
        'From: Shiftdesk <desk@example.test>',
        `Message-ID: <${JSON.parse(ack!.headers_json).messageId}>`,
        '--b--',
        '',
      ].join('\r\n'),
    );
    const outcome = await ingest(bounce);
    expect(outcome).toMatchObject({ outcome: 'joined', ticketId: opened.ticketId, acknowledged: false });
    expect((await messagesOf(opened.ticketId)).at(-1)!.body).toContain('mailbox unavailable');
  });

  it('quarantines a bounce about no mail of ours', async () => {
    const outcome = await ingestMail(server.context, plainMail({ From: 'MAILER-DAEMON@mx.example.test', Subject: 'Undelivered' }), smtp);
    expect(outcome).toMatchObject({ outcome: 'quarantined', reason: 'a bounce (sent by mailer-daemon@mx.example.test) about no mail the desk sent' });
  });
});

describe('ingestMail and broken mail', () => {
  it('quarantines a mail without a From, whole, with the reason', async () => {
    const raw = plainMail({ From: '' });
    const outcome = await ingestMail(server.context, raw, { name: 'imap:support' });
    expect(outcome).toMatchObject({ outcome: 'quarantined', reason: 'the mail has no From header' });
    const kept = await db().selectFrom('quarantine').selectAll().where('id', '=', outcome.outcome === 'quarantined' ? outcome.quarantineId : '').executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ source: 'imap:support', content_type: 'message/rfc822' });
    expect(kept.data.equals(raw)).toBe(true);
  });

  it('quarantines a mail with too many attachments, writing no ticket', async () => {
    const before = await db().selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const raw = await composedMail({ from: 'a@example.test', subject: 'files', text: 'x', attachments: Array.from({ length: 21 }, (_, i) => ({ filename: `f${i}.txt`, content: 'x' })) });
    expect(await ingestMail(server.context, raw, smtp)).toMatchObject({ outcome: 'quarantined', reason: 'too many attachments: 21 (at most 20)' });
    expect(await db().selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('writes nothing, not even to quarantine, when the channel’s own write fails', async () => {
    const raw = plainMail({});
    const failing = async () => {
      throw new Error('cursor moved');
    };
    await expect(ingestMail(server.context, raw, smtp, failing)).rejects.toThrow('cursor moved');
    await expect(ingestMail(server.context, plainMail({ From: '' }), smtp, failing)).rejects.toThrow('cursor moved');
    // The same mail again is new: nothing of the failed attempt was kept.
    expect((await ingest(raw)).outcome).toBe('created');
  });
});
