import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Mailbox, MailboxPollReply } from '../../src/shared/admin/mailboxes.js';
import type { QuarantinedItem } from '../../src/shared/admin/quarantine.js';
import type { TicketPage } from '../../src/shared/api/rest.js';
import type { ThreadReply } from '../../src/shared/api/messages.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { composedMail, encodedWord, encodeSingleByte } from '../../src/server/testing/mail-fixtures.js';
import { startDovecot, type RunningDovecot } from '../support/dovecot.js';
import { freePort } from '../support/free-port.js';
import { killHard, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { realClock } from '../support/desk-harness.js';

async function dovecot(): Promise<RunningDovecot> {
  const running = await startDovecot();
  onTestFinished(() => running.stop());
  return running;
}

async function server(dataDir?: string): Promise<RunningTestServer> {
  const running = await startTestServer({ clock: realClock, seed: true, ...(dataDir ? { dataDir } : {}) });
  onTestFinished(() => running.stop().catch(() => undefined));
  return running;
}

async function addMailbox(url: string, token: string, imap: RunningDovecot, name = 'support'): Promise<Mailbox> {
  const created = await callApi<Mailbox>(url, '/api/v1/admin/mailboxes', {
    method: 'POST',
    token,
    // Disabled: the test polls when it wants to, through the same route an admin's "poll now" uses.
    body: { name, host: imap.host, port: imap.port, secure: false, username: imap.user, password: imap.password, enabled: false },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function poll(url: string, token: string, mailboxId: string): Promise<MailboxPollReply> {
  const polled = await callApi<MailboxPollReply>(url, `/api/v1/admin/mailboxes/${mailboxId}/poll`, { method: 'POST', token });
  expect(polled.status).toBe(200);
  return polled.body;
}

async function ticketsFrom(url: string, token: string, email: string) {
  const page = await callApi<TicketPage>(url, '/api/v1/tickets?pageSize=200', { token });
  return page.body.items.filter((t) => t.requesterEmail === email);
}

function plain(from: string, subject: string, messageId: string, body = 'Hello'): string {
  return [`From: ${from}`, 'To: desk@example.test', `Subject: ${subject}`, `Message-ID: <${messageId}>`, '', body, ''].join('\r\n');
}

describe('the IMAP poller against a real Dovecot', () => {
  it('polls a Polish ISO-8859-2 mail into a new ticket, with its attachment and original downloadable and an acknowledgement in Polish', async () => {
    const imap = await dovecot();
    const running = await server();
    const admin = await loginAs(running.url, 'admin@demo');
    const box = await addMailbox(running.url, admin, imap);

    const pdf = Buffer.from('%PDF-1.4 faktura 2026/03\n');
    const raw = Buffer.concat([
      Buffer.from(
        [
          `From: ${encodedWord('Łucja Żak', 'iso-8859-2')} <lucja@example.pl>`,
          'To: desk@example.test',
          `Subject: ${encodedWord('Błędna faktura', 'iso-8859-2')}`,
          'Message-ID: <faktura-1@example.pl>',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/plain; charset=iso-8859-2',
          'Content-Transfer-Encoding: 8bit',
          '',
          '',
        ].join('\r\n'),
      ),
      encodeSingleByte('Dzień dobry,\r\nfaktura za marzec ma błędną kwotę.\r\n\r\n-- \r\nŁucja Żak\r\n', 'iso-8859-2'),
      Buffer.from(['--b1', 'Content-Type: application/pdf; name="faktura.pdf"', 'Content-Disposition: attachment; filename="faktura.pdf"', 'Content-Transfer-Encoding: base64', '', pdf.toString('base64'), '--b1--', ''].join('\r\n')),
    ]);
    await imap.deliver(raw);

    expect(await poll(running.url, admin, box.id)).toMatchObject({ fetched: 1, created: 1, joined: 0, duplicates: 0, quarantined: 0, error: null, mailbox: { lastUid: 1, lastError: null } });
    const [ticket, ...others] = await ticketsFrom(running.url, admin, 'lucja@example.pl');
    expect(others).toEqual([]);
    // The mailbox's queue (General) takes what no routing rule claims; the demo's Billing rule claims "faktura".
    expect(ticket).toMatchObject({ subject: 'Błędna faktura', requesterName: 'Łucja Żak', channel: 'email', queueId: 'billing' });

    const thread = await callApi<ThreadReply>(running.url, `/api/v1/tickets/${ticket!.id}/messages`, { token: admin });
    const [message] = thread.body.items;
    expect(message!.body).toBe('Dzień dobry,\nfaktura za marzec ma błędną kwotę.');
    expect(message!.attachments).toMatchObject([{ filename: 'faktura.pdf', contentType: 'application/pdf', size: pdf.length }]);
    const file = await fetch(`${running.url}${message!.attachments![0]!.url}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(file.headers.get('content-disposition')).toContain('faktura.pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    const original = await fetch(`${running.url}${message!.originalUrl}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(original.headers.get('content-type')).toBe('message/rfc822');
    // Dovecot adds its own headers on delivery; the mail as sent is all there.
    expect(Buffer.from(await original.arrayBuffer()).includes(raw.subarray(raw.indexOf('Message-ID')))).toBe(true);

    const outbound = await callApi<{ items: { ticketId: string; to: string; subject: string; kind: string }[] }>(running.url, '/api/v1/admin/outbound', { token: admin });
    expect(outbound.body.items.filter((i) => i.ticketId === ticket!.id)).toMatchObject([{ to: 'lucja@example.pl', subject: `[#${ticket!.number}] Otrzymaliśmy zgłoszenie: Błędna faktura` }]);

    // Read in the mailbox too, for the people who look at it.
    const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user: imap.user, pass: imap.password }, logger: false });
    await client.connect();
    const status = await client.status('INBOX', { unseen: true });
    await client.logout();
    expect(status && status.unseen).toBe(0);
  });

  it('quarantines broken mail with the reason for admins, and still takes in the next mail of the same poll', async () => {
    const imap = await dovecot();
    const running = await server();
    const admin = await loginAs(running.url, 'admin@demo');
    const box = await addMailbox(running.url, admin, imap, 'broken-test');

    await imap.deliver(['To: desk@example.test', 'Subject: who sent this?', 'Message-ID: <nofrom@example.test>', '', 'Anonymous text', ''].join('\r\n'));
    await imap.deliver(await composedMail({ from: 'files@example.test', subject: 'many files', text: 'see attached', attachments: Array.from({ length: 21 }, (_, i) => ({ filename: `f${i}.txt`, content: `file ${i}` })) }));
    await imap.deliver(plain('good@example.test', 'Printer on floor 3', 'good-1@example.test', 'Jammed again.'));

    expect(await poll(running.url, admin, box.id)).toMatchObject({ fetched: 3, created: 1, quarantined: 2, error: null, mailbox: { lastUid: 3 } });
    expect(await ticketsFrom(running.url, admin, 'good@example.test')).toMatchObject([{ subject: 'Printer on floor 3' }]);
    expect(await ticketsFrom(running.url, admin, 'files@example.test')).toEqual([]);
    const quarantined = await callApi<{ items: QuarantinedItem[] }>(running.url, '/api/v1/admin/quarantine', { token: admin });
    expect(quarantined.body.items.filter((i) => i.source === 'imap:broken-test').map((i) => i.reason).sort()).toEqual(['the mail has no From header', 'too many attachments: 21 (at most 20)']);
    expect(await poll(running.url, admin, box.id)).toMatchObject({ fetched: 0, quarantined: 0 });
  });

  it('takes a mail in once: polled twice, across a restart, and after the folder was rebuilt', async () => {
    const imap = await dovecot();
    const running = await server();
    const admin = await loginAs(running.url, 'admin@demo');
    const box = await addMailbox(running.url, admin, imap);
    await imap.deliver(plain('once@example.test', 'Only once', 'once-1@example.test'));

    expect(await poll(running.url, admin, box.id)).toMatchObject({ fetched: 1, created: 1 });
    expect(await poll(running.url, admin, box.id)).toMatchObject({ fetched: 0, created: 0 });
    await running.stop({ keepData: true });

    const restarted = await server(running.dataDir);
    const again = await loginAs(restarted.url, 'admin@demo');
    expect(await poll(restarted.url, again, box.id)).toMatchObject({ fetched: 0, created: 0, error: null });

    // A rebuilt folder: new UIDVALIDITY and, as can happen, the \Seen flags lost. The Message-ID still knows the mail.
    await restarted.context.db.updateTable('mailboxes').set({ uid_validity: 'before-the-rebuild' }).where('id', '=', box.id).execute();
    const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user: imap.user, pass: imap.password }, logger: false });
    await client.connect();
    await client.mailboxOpen('INBOX');
    await client.messageFlagsRemove('1:*', ['\\Seen']);
    await client.logout();
    expect(await poll(restarted.url, again, box.id)).toMatchObject({ fetched: 1, created: 0, duplicates: 1 });
    expect(await ticketsFrom(restarted.url, again, 'once@example.test')).toHaveLength(1);
  });

  it('starts a new mailbox at its oldest unread message', async () => {
    const imap = await dovecot();
    const running = await server();
    const admin = await loginAs(running.url, 'admin@demo');
    for (let i = 1; i <= 3; i++) await imap.deliver(plain('history@example.test', `Old ${i}`, `old-${i}@example.test`));
    const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user: imap.user, pass: imap.password }, logger: false });
    await client.connect();
    await client.mailboxOpen('INBOX');
    await client.messageFlagsAdd('1:2', ['\\Seen']);
    await client.logout();

    const box = await addMailbox(running.url, admin, imap);
    expect(await poll(running.url, admin, box.id)).toMatchObject({ fetched: 1, created: 1, mailbox: { lastUid: 3 } });
    expect((await ticketsFrom(running.url, admin, 'history@example.test')).map((t) => t.subject)).toEqual(['Old 3']);
  });

  it('reports a wrong password as the mailbox’s last error', async () => {
    const imap = await dovecot();
    const running = await server();
    const admin = await loginAs(running.url, 'admin@demo');
    const box = await addMailbox(running.url, admin, { ...imap, password: 'wrong' });
    const polled = await poll(running.url, admin, box.id);
    expect(polled.error).toMatch(/^login refused: .*Authentication failed/);
    expect(polled.mailbox.lastError).toBe(polled.error);
    const fixed = await callApi<Mailbox>(running.url, `/api/v1/admin/mailboxes/${box.id}`, { method: 'PATCH', token: admin, body: { password: imap.password } });
    expect(fixed.body.lastError).toBeNull();
    expect((await poll(running.url, admin, box.id)).error).toBeNull();
  });
});

describe('the IMAP poller and a crash', () => {
  it('kill -9 in the middle of a poll, then a new server process: every mail becomes exactly one ticket', async () => {
    const imap = await dovecot();
    const total = 40;
    // Big enough that taking them in takes a while, so the kill lands in the middle.
    const filler = Buffer.alloc(256 * 1024, 'x');
    for (let i = 0; i < total; i++) {
      await imap.deliver(await composedMail({ from: 'burst@example.test', subject: `Burst ${i}`, messageId: `<burst-${i}@example.test>`, text: `mail ${i}`, attachments: [{ filename: 'log.txt', content: filler }] }));
    }
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-imap-crash-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    let desk: ServerProcess = await startServerProcess(port, dataDir);
    onTestFinished(() => desk.process.stop());
    let admin = await loginAs(desk.url, 'admin@demo');
    const box = await addMailbox(desk.url, admin, imap);

    void fetch(`${desk.url}/api/v1/admin/mailboxes/${box.id}/poll`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } }).catch(() => undefined);
    await expect.poll(async () => (await ticketsFrom(desk.url, admin, 'burst@example.test')).length, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    await killHard(desk);

    desk = await startServerProcess(port, dataDir);
    admin = await loginAs(desk.url, 'admin@demo');
    const beforeResume = (await ticketsFrom(desk.url, admin, 'burst@example.test')).length;
    expect(beforeResume).toBeLessThan(total);
    expect(await poll(desk.url, admin, box.id)).toMatchObject({ created: total - beforeResume, duplicates: 0, error: null });
    const subjects = (await ticketsFrom(desk.url, admin, 'burst@example.test')).map((t) => t.subject);
    expect(subjects.sort()).toEqual(Array.from({ length: total }, (_, i) => `Burst ${i}`).sort());
  }, 120_000);
});
