import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { QuarantinedItem } from '../../src/shared/admin/quarantine.js';
import type { ThreadReply } from '../../src/shared/api/messages.js';
import type { TicketPage } from '../../src/shared/api/rest.js';
import { composedMail } from '../../src/server/testing/mail-fixtures.js';
import { callApi, loginAs, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { type RunningSmtpSink, type SunkMessage } from '../support/smtp-sink.js';
import { sendWithSwaks } from '../support/swaks.js';
import { DESK, mailDesk } from '../support/mail-desk.js';

async function send(server: RunningTestServer, from: string, raw: Buffer | string) {
  const sent = await sendWithSwaks({ host: '127.0.0.1', port: server.smtpPort!, from, to: DESK, raw });
  expect(sent.exitCode, sent.output).toBe(0);
  return sent.output;
}

async function ticketOf(server: RunningTestServer, token: string, email: string) {
  const page = await callApi<TicketPage>(server.url, '/api/v1/tickets?pageSize=200', { token });
  return page.body.items.filter((t) => t.requesterEmail === email);
}

const toCustomers = (all: SunkMessage[]) => all.filter((m) => !m.to.every((address) => address.endsWith('@demo')));

/**
 * The first `count` mails the relay took for customers. The demo desk also mails its supervisors (an
 * unacknowledged shift handover), whenever its deadline comes round: those are skipped, not counted.
 */
async function sunk(sink: RunningSmtpSink, count: number): Promise<ParsedMail[]> {
  let taken = await sink.waitFor(count);
  while (toCustomers(taken).length < count) taken = await sink.waitFor(taken.length + 1);
  return Promise.all(toCustomers(taken).slice(0, count).map((m) => simpleParser(m.raw)));
}
const outboundFor = async (server: RunningTestServer, ticketId: string) => server.context.db.selectFrom('outbound_messages').select(['kind', 'status']).where('ticket_id', '=', ticketId).execute();

describe('email in over SMTP and out through a relay', () => {
  it('threads a round trip: the customer’s mail, the acknowledgement, the agent’s reply and the customer’s answer all on one ticket', async () => {
    const { server, sink, admin } = await mailDesk();
    const first = await composedMail({ from: 'Kasia <kasia@example.pl>', to: DESK, subject: 'Nie mogę się zalogować', messageId: '<first@example.pl>', text: 'Od rana nie mogę się zalogować do panelu.' });
    expect(await send(server, 'kasia@example.pl', first)).toMatch(/<- {2}250 2\.0\.0 Taken in as ticket #\d+/);
    const [ticket] = await ticketOf(server, admin, 'kasia@example.pl');

    const [ack] = await sunk(sink, 1);
    expect(ack!.to).toMatchObject({ text: 'kasia@example.pl' });
    expect(ack!.from).toMatchObject({ value: [{ name: 'Shiftdesk', address: DESK }] });
    expect(ack!.subject).toBe(`[#${ticket!.number}] Otrzymaliśmy zgłoszenie: Nie mogę się zalogować`);
    expect(ack!.inReplyTo).toBe('<first@example.pl>');
    expect(ack!.messageId).toMatch(/^<ack-.+@desk\.example\.test>$/);
    expect(ack!.headers.get('auto-submitted')).toBe('auto-replied');

    const agent = await loginAs(server.url, 'agent@demo');
    const replied = await callApi(server.url, `/api/v1/tickets/${ticket!.id}/messages`, { method: 'POST', token: agent, body: { body: 'Proszę zrestartować router i spróbować ponownie.' } });
    expect(replied.status).toBe(201);
    const [, reply] = await sunk(sink, 2);
    expect(reply!.from).toMatchObject({ value: [{ name: 'Marta Nowak via Shiftdesk', address: DESK }] });
    expect(reply!.text).toContain('Proszę zrestartować router i spróbować ponownie.');
    expect(reply!.subject).toContain(`[#${ticket!.number}]`);
    expect(reply!.messageId).toMatch(/@desk\.example\.test>$/);
    expect(reply!.references).toEqual(expect.arrayContaining(['<first@example.pl>', ack!.messageId]));
    expect([reply!.references].flat().at(-1)).toBe(reply!.inReplyTo);
    expect(reply!.headers.has('auto-submitted')).toBe(false);

    // The customer's client answers the reply as mail clients do: Re: subject, In-Reply-To, References, the quote below.
    const answer = [
      'From: Kasia <kasia@example.pl>',
      `To: ${DESK}`,
      `Subject: Re: ${reply!.subject}`,
      'Message-ID: <answer@example.pl>',
      `In-Reply-To: ${reply!.messageId}`,
      `References: ${[reply!.references].flat().join(' ')} ${reply!.messageId}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Pomogło, dziękuję!',
      '',
      `W dniu 2.03.2026 o 08:15, Marta Nowak via Shiftdesk <${DESK}> pisze:`,
      '> Proszę zrestartować router i spróbować ponownie.',
      '',
    ].join('\r\n');
    expect(await send(server, 'kasia@example.pl', Buffer.from(answer))).toContain(`Taken in as ticket #${ticket!.number}`);

    expect(await ticketOf(server, admin, 'kasia@example.pl')).toHaveLength(1);
    const thread = await callApi<ThreadReply>(server.url, `/api/v1/tickets/${ticket!.id}/messages`, { token: admin });
    expect(thread.body.items.map((m) => [m.authorKind, m.body])).toEqual([
      ['customer', 'Od rana nie mogę się zalogować do panelu.'],
      ['agent', 'Proszę zrestartować router i spróbować ponownie.'],
      ['customer', 'Pomogło, dziękuję!'],
    ]);
    // The answer joined the thread: no second acknowledgement.
    expect((await outboundFor(server, ticket!.id)).map((o) => o.kind.split('.')[0]).sort()).toEqual(['ack', 'reply']);
  });

  it('never acknowledges an auto-reply or a bounce', async () => {
    const { server, sink, admin } = await mailDesk();
    const away = await sendWithSwaks({ host: '127.0.0.1', port: server.smtpPort!, from: 'away@example.test', to: DESK, subject: 'Out of office', headers: { 'Auto-Submitted': 'auto-replied' }, body: 'I am away until Monday.' });
    expect(away.exitCode, away.output).toBe(0);
    const [awayTicket] = await ticketOf(server, admin, 'away@example.test');
    expect(awayTicket).toBeDefined();
    expect(await outboundFor(server, awayTicket!.id)).toEqual([]);

    // A customer whose mailbox is gone: the acknowledgement bounces back from their mail server, with a null sender.
    await send(server, 'gone@example.test', await composedMail({ from: 'gone@example.test', to: DESK, subject: 'Help', text: 'Please call me.' }));
    const [gone] = await ticketOf(server, admin, 'gone@example.test');
    const [ack] = await sunk(sink, 1);
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.test>',
      `To: ${DESK}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-1@mx.example.test>',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      '<gone@example.test>: host mx.example.test said: 550 5.1.1 mailbox unavailable',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.test',
      '',
      'Final-Recipient: rfc822; gone@example.test',
      'Action: failed',
      'Status: 5.1.1',
      '--b',
      'Content-Type: text/rfc822-headers',
      '',
      `From: Shiftdesk <${DESK}>`,
      `Message-ID: ${ack!.messageId}`,
      '--b--',
      '',
    ].join('\r\n');
    const bounced = await sendWithSwaks({ host: '127.0.0.1', port: server.smtpPort!, from: '<>', to: DESK, raw: bounce });
    expect(bounced.exitCode, bounced.output).toBe(0);
    expect(bounced.output).toMatch(/MAIL FROM:<>/);

    const thread = await callApi<ThreadReply>(server.url, `/api/v1/tickets/${gone!.id}/messages`, { token: admin });
    expect(thread.body.items.at(-1)!.body).toContain('550 5.1.1 mailbox unavailable');
    expect((await outboundFor(server, gone!.id)).map((o) => o.kind.split('.')[0])).toEqual(['ack']);
    // Backscatter about a mail the desk never sent has nobody to go to: quarantine, and no ticket.
    await sendWithSwaks({ host: '127.0.0.1', port: server.smtpPort!, from: '<>', to: DESK, raw: bounce.replace(ack!.messageId!, '<never-sent@desk.example.test>').replace('bounce-1@', 'bounce-2@') });
    const quarantined = await callApi<{ items: QuarantinedItem[] }>(server.url, '/api/v1/admin/quarantine', { token: admin });
    expect(quarantined.body.items).toMatchObject([{ source: 'smtp', reason: 'a bounce (a delivery status report (multipart/report)) about no mail the desk sent' }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Only the acknowledgement went to a customer: nothing answered the bounces.
    expect(toCustomers(await sink.messages())).toHaveLength(1);
  });

  it('refuses recipients outside the desk’s domains (550) and mail over the size limit (552), storing nothing', async () => {
    const { server, admin } = await mailDesk();
    const stranger = await sendWithSwaks({ host: '127.0.0.1', port: server.smtpPort!, from: 'a@example.test', to: 'someone@elsewhere.example', subject: 'relay?', body: 'x' });
    expect(stranger.exitCode).not.toBe(0);
    expect(stranger.output).toMatch(/<\*\* +550 5\.1\.1 <someone@elsewhere\.example>: no such mailbox here/);

    const big = await sendWithSwaks({ host: '127.0.0.1', port: server.smtpPort!, from: 'big@example.test', to: DESK, subject: 'big', body: 'x'.repeat(150_000) });
    expect(big.exitCode).not.toBe(0);
    expect(big.output).toMatch(/<\*\* +552 5\.3\.4 Message too big/);
    expect(await ticketOf(server, admin, 'big@example.test')).toEqual([]);
    expect((await callApi<{ items: QuarantinedItem[] }>(server.url, '/api/v1/admin/quarantine', { token: admin })).body.items).toEqual([]);
  });
});
