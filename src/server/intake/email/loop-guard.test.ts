import { describe, expect, it } from 'vitest';
import { parseMail } from './inbound-mail.js';
import { automationOf } from './loop-guard.js';

const mailWith = (...headers: string[]) => parseMail(Buffer.from([...headers, 'Subject: Re: your request', '', 'text', ''].join('\r\n')));

describe('automationOf', () => {
  it('lets a person’s mail through, including one that says Auto-Submitted: no', async () => {
    expect(automationOf(await mailWith('From: Jan <jan@example.pl>'))).toBeNull();
    expect(automationOf(await mailWith('From: jan@example.pl', 'Auto-Submitted: no', 'Return-Path: <jan@example.pl>', 'Precedence: first-class'))).toBeNull();
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'Auto-Submitted: auto-replied'],
    ['Auto-Submitted: Auto-Generated', 'Auto-Submitted: auto-generated'],
    ['Auto-Submitted: auto-notified; owner-email="x@example.test"', 'Auto-Submitted: auto-notified'],
    ['Precedence: bulk', 'Precedence: bulk'],
    ['Precedence: junk', 'Precedence: junk'],
    ['Precedence: list', 'Precedence: list'],
    ['Precedence: auto_reply', 'Precedence: auto_reply'],
    ['X-Autoreply: yes', 'x-autoreply header'],
    ['X-Autorespond: Out of office', 'x-autorespond header'],
    ['Return-Path: <>', 'null return path (<>)'],
    ['Return-Path: < >', 'null return path (<>)'],
  ])('takes "%s" for an auto-reply', async (header, reason) => {
    expect(automationOf(await mailWith('From: jan@example.pl', header))).toEqual({ kind: 'auto-reply', reason });
  });

  it.each(['MAILER-DAEMON@mx.example.pl', 'postmaster@example.pl', 'Mail Delivery System <Mailer-Daemon@mx.example.pl>'])('takes mail from %s for a bounce', async (from) => {
    expect(automationOf(await mailWith(`From: ${from}`))?.kind).toBe('bounce');
  });

  it('takes a delivery status report for a bounce, whoever sends it', async () => {
    const mail = await parseMail(
      Buffer.from(['From: Exchange <exchange@example.pl>', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Undeliverable', '--b--', ''].join('\r\n')),
    );
    expect(automationOf(mail)).toEqual({ kind: 'bounce', reason: 'a delivery status report (multipart/report)' });
  });

  it('does not take a read receipt (another multipart/report) for a bounce', async () => {
    const mail = await parseMail(
      Buffer.from(['From: jan@example.pl', 'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Read', '--b--', ''].join('\r\n')),
    );
    expect(automationOf(mail)).toBeNull();
  });
});
