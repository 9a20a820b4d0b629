import { describe, expect, it } from 'vitest';
import { charsetMail, composedMail, encodedWord, encodeSingleByte } from '../../testing/mail-fixtures.js';
import { IntakeRefusal } from '../attachments.js';
import { parseMail } from './inbound-mail.js';

const customerHeaders = (from: string, subject: string) => [`From: ${from}`, 'To: desk@example.test', `Subject: ${subject}`, 'Message-ID: <m1@customer.example.test>', 'Date: Mon, 02 Mar 2026 08:15:00 +0100'];

describe('parseMail decodes the charsets customers write in', () => {
  it('reads ISO-8859-2 Polish', async () => {
    const body = 'Dzień dobry,\nżółta łódź nie przyszła. Proszę o zwrot pieniędzy.\nŁukasz Świątek';
    const mail = await parseMail(charsetMail(customerHeaders(`${encodedWord('Łukasz Świątek', 'iso-8859-2')} <lukasz@example.pl>`, encodedWord('Zwrot: żółta łódź', 'iso-8859-2')), body, 'iso-8859-2'));

    expect(encodeSingleByte('ż', 'iso-8859-2')).toEqual(Buffer.from([0xbf]));
    expect(mail.text.trim()).toBe(body);
    expect(mail.subject).toBe('Zwrot: żółta łódź');
    expect(mail.from).toEqual({ email: 'lukasz@example.pl', name: 'Łukasz Świątek' });
  });

  it('reads windows-1251 Russian', async () => {
    const body = 'Здравствуйте!\nНе могу войти в личный кабинет, пишет «ошибка 403».\nЁлка, щётка, съешь';
    const mail = await parseMail(charsetMail(customerHeaders('ivan@example.ru', encodedWord('Не работает вход', 'windows-1251')), body, 'windows-1251'));

    expect(encodeSingleByte('Ё', 'windows-1251')).toEqual(Buffer.from([0xa8]));
    expect(mail.text.trim()).toBe(body);
    expect(mail.subject).toBe('Не работает вход');
  });

  it('reads KOI8-R Russian', async () => {
    const body = 'Добрый день.\nСчёт 42 оплачен дважды, верните, пожалуйста, разницу. Ёж, щука, съел.';
    const mail = await parseMail(charsetMail(customerHeaders(`${encodedWord('Пётр Иванов', 'koi8-r')} <petr@example.ru>`, encodedWord('Двойная оплата', 'koi8-r')), body, 'koi8-r'));

    expect(encodeSingleByte('Д', 'koi8-r')).toEqual(Buffer.from([0xe4]));
    expect(mail.text.trim()).toBe(body);
    expect(mail.subject).toBe('Двойная оплата');
    expect(mail.from.name).toBe('Пётр Иванов');
  });

  it('reads windows-1257 Latvian', async () => {
    const body = 'Labdien!\nRēķins par februāri nav saņemts. Lūdzu, nosūtiet to vēlreiz.\nĢirts Ķēniņš';
    const mail = await parseMail(charsetMail(customerHeaders('girts@example.lv', encodedWord('Rēķins nav saņemts', 'windows-1257')), body, 'windows-1257'));

    expect(encodeSingleByte('ē', 'windows-1257')).toEqual(Buffer.from([0xe7]));
    expect(mail.text.trim()).toBe(body);
    expect(mail.subject).toBe('Rēķins nav saņemts');
  });
});

describe('parseMail', () => {
  it('lists the Message-IDs a mail answers, bare and lower-cased', async () => {
    const mail = await parseMail(
      Buffer.from(
        [
          'From: a@example.test',
          'Message-ID: <Own@Example.test>',
          'In-Reply-To: <Reply-1@desk.example.test>',
          'References: <first@desk.example.test>\r\n <Reply-1@desk.example.test>',
          'Subject: Re: thing',
          '',
          'ok',
        ].join('\r\n'),
      ),
    );
    expect(mail.messageId).toBe('own@example.test');
    expect(mail.answers).toEqual(['reply-1@desk.example.test', 'first@desk.example.test', 'reply-1@desk.example.test']);
  });

  it('keeps the HTML of an HTML-only mail, with its inline image as an attachment', async () => {
    const raw = await composedMail({
      from: 'Anna <anna@example.test>',
      to: 'desk@example.test',
      subject: 'Screenshot',
      html: '<p>The button is <b>grey</b>:</p><p><img src="cid:shot@x" alt="screen"></p>',
      attachments: [
        { filename: 'shot.png', content: Buffer.from('89504e47', 'hex'), cid: 'shot@x' },
        { filename: 'log.txt', content: 'line 1\n' },
      ],
    });
    const mail = await parseMail(raw);

    expect(mail.text).toBe('');
    expect(mail.html).toContain('src="cid:shot@x"');
    expect(mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, cid: a.cid }))).toEqual([
      { filename: 'shot.png', contentType: 'image/png', cid: 'shot@x' },
      { filename: 'log.txt', contentType: 'text/plain', cid: undefined },
    ]);
    expect(mail.attachments[0]!.data).toEqual(Buffer.from('89504e47', 'hex'));
  });

  it('names a nameless inline image after its type', async () => {
    const raw = Buffer.from(
      [
        'From: a@example.test',
        'Content-Type: multipart/related; boundary="b"',
        '',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Look</p><img src="cid:c1">',
        '--b',
        'Content-Type: image/jpeg',
        'Content-ID: <c1>',
        'Content-Transfer-Encoding: base64',
        '',
        'eA==',
        '--b--',
        '',
      ].join('\r\n'),
    );
    const mail = await parseMail(raw);
    expect(mail.attachments.map((a) => [a.filename, a.cid])).toEqual([['image-1.jpeg', 'c1']]);
  });

  it('keeps raw header values, unfolded, for loop decisions, and a multipart/report’s report type', async () => {
    const raw = Buffer.from(
      [
        'From: MAILER-DAEMON@mx.example.test',
        'Auto-Submitted: auto-replied;\r\n  reason=vacation',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Delivery failed.',
        '--b--',
        '',
      ].join('\r\n'),
    );
    const mail = await parseMail(raw);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied; reason=vacation');
    expect(mail.reportType).toBe('delivery-status');
    expect(mail.from.email).toBe('mailer-daemon@mx.example.test');
  });

  it('refuses a mail without a From, or with a From that names no address', async () => {
    await expect(parseMail(Buffer.from('Subject: who?\r\n\r\nhello\r\n'))).rejects.toThrow(new IntakeRefusal('the mail has no From header'));
    await expect(parseMail(Buffer.from('From: Just A Name\r\nSubject: who?\r\n\r\nhello\r\n'))).rejects.toThrow(/names no usable address/);
  });

  it('survives bytes that are not a mail at all', async () => {
    await expect(parseMail(Buffer.from([0, 255, 13, 10, 0, 1, 2]))).rejects.toThrow(IntakeRefusal);
  });
});
