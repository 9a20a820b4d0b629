import { describe, expect, it } from 'vitest';
import { cutQuotedHistory } from './quoted-history.js';

const lines = (...l: string[]) => l.join('\n');

describe('cutQuotedHistory: attributions and quoted blocks', () => {
  it.each([
    ['Gmail, English', 'On Mon, 2 Mar 2026 at 08:15, Shiftdesk <support@desk.example> wrote:'],
    ['Thunderbird, English', 'On 02.03.2026 08:15, Shiftdesk wrote:'],
    ['Apple Mail, English', 'On 2 Mar 2026, at 08:15, Shiftdesk <support@desk.example> wrote:'],
    ['Gmail, Polish', 'W dniu pon., 2 mar 2026 o 08:15 Shiftdesk <support@desk.example> napisał(a):'],
    ['Thunderbird, Polish', 'W dniu 2.03.2026 o 08:15, Shiftdesk pisze:'],
    ['Apple Mail, Polish', 'Wiadomość napisana przez Shiftdesk <support@desk.example> w dniu 02.03.2026, o godz. 08:15:'],
    ['Gmail, Russian', 'пн, 2 мар. 2026 г. в 08:15, Shiftdesk <support@desk.example>:'],
    ['Thunderbird, Russian', '02.03.2026 08:15, Shiftdesk пишет:'],
    ['Apple Mail, Russian', '2 марта 2026 г., в 08:15, Shiftdesk <support@desk.example> написал(а):'],
    ['Gmail, Latvian', 'pirmd., 2026. g. 2. marts, plkst. 08:15 — lietotājs Shiftdesk (<support@desk.example>) rakstīja:'],
    ['Thunderbird, Latvian', '02.03.2026 08:15, Shiftdesk rakstīja:'],
  ])('cuts the quote under %s', (_client, attribution) => {
    const text = lines('Thanks, it works now.', '', attribution, '', '> Please restart the router.', '>', '> Shiftdesk');
    expect(cutQuotedHistory(text)).toBe('Thanks, it works now.');
  });

  it('cuts an attribution Gmail wrapped over two lines', () => {
    const text = lines('Still broken.', '', 'On Mon, 2 Mar 2026 at 08:15, Shiftdesk Support Team <', 'support@desk.example> wrote:', '', '> Try again?');
    expect(cutQuotedHistory(text)).toBe('Still broken.');
  });

  it('cuts a trailing quote that has no attribution', () => {
    expect(cutQuotedHistory(lines('Yes, please.', '', '> Shall we replace it?', '> > Earlier question'))).toBe('Yes, please.');
  });

  it('keeps quotes the customer answered inline, and cuts only the quote after the last answer', () => {
    const text = lines('Answers below.', '', 'On 2 Mar 2026, at 08:15, Desk <d@x.example> wrote:', '> Which model?', 'XR-200', '> Since when?', 'Since Friday.', '', '> Regards, Desk');
    expect(cutQuotedHistory(text)).toBe(lines('Answers below.', '', 'On 2 Mar 2026, at 08:15, Desk <d@x.example> wrote:', '> Which model?', 'XR-200', '> Since when?', 'Since Friday.'));
  });

  it('keeps a line that only looks like an attribution when no quote follows it', () => {
    const text = lines('The error started on 2 March 2026 at 08:15:', '', 'disk full');
    expect(cutQuotedHistory(text)).toBe(text);
  });
});

describe('cutQuotedHistory: Outlook history', () => {
  it.each([
    ['English', '-----Original Message-----', 'From: Desk', 'Sent: Monday, March 2, 2026 8:15 AM', 'To: Jan', 'Subject: Ticket'],
    ['Polish', '-----Wiadomość oryginalna-----', 'Od: Desk', 'Wysłano: poniedziałek, 2 marca 2026 08:15', 'Do: Jan', 'Temat: Zgłoszenie'],
    ['Russian', '-----Исходное сообщение-----', 'От: Desk', 'Отправлено: 2 марта 2026 г. 8:15', 'Кому: Иван', 'Тема: Обращение'],
    ['Latvian', '-----Sākotnējais ziņojums-----', 'No: Desk', 'Nosūtīts: pirmdiena, 2026. gada 2. marts 08:15', 'Kam: Jānis', 'Tēma: Pieteikums'],
  ])('cuts from "Original Message" (%s)', (_language, ...history) => {
    expect(cutQuotedHistory(lines('New words.', '', ...history, '', 'Old words.'))).toBe('New words.');
  });

  it.each([
    ['English', 'From: Shiftdesk <support@desk.example>', 'Sent: Monday, 2 March 2026 08:15', 'To: Jan <jan@example.pl>', 'Subject: [#1042] We have your request'],
    ['Polish', 'Od: Shiftdesk <support@desk.example>', 'Wysłane: poniedziałek, 2 marca 2026 08:15', 'Do: Jan', 'Temat: [#1042] Otrzymaliśmy zgłoszenie'],
    ['Russian', 'От: Shiftdesk <support@desk.example>', 'Отправлено: понедельник, 2 марта 2026 г. 8:15', 'Кому: Иван', 'Тема: [#1042] Ваше обращение получено'],
    ['Latvian', 'No: Shiftdesk <support@desk.example>', 'Nosūtīts: pirmdiena, 2026. gada 2. marts 08:15', 'Kam: Jānis', 'Tēma: [#1042] Jūsu pieteikums ir saņemts'],
  ])('cuts the header block of new Outlook, with the rule above it (%s)', (_language, ...headers) => {
    expect(cutQuotedHistory(lines('Done, thank you.', '', '________________________________', ...headers, '', 'Old words.'))).toBe('Done, thank you.');
  });

  it('cuts bold header blocks as Outlook on the web writes them in plain text', () => {
    expect(cutQuotedHistory(lines('OK', '', '*From:* Desk', '*Sent:* Monday', '*To:* Jan', '*Subject:* Hi', '', 'Old'))).toBe('OK');
  });

  it('keeps a "From:" line that starts no header block', () => {
    const text = lines('From: the billing page, I cannot pay.', 'It says card declined.');
    expect(cutQuotedHistory(text)).toBe(text);
  });
});

describe('cutQuotedHistory: signatures', () => {
  it('cuts from the "-- " delimiter, with or without its trailing space', () => {
    expect(cutQuotedHistory(lines('Hello,', 'the VPN drops.', '', '-- ', 'Jan Kowalski', 'ACME sp. z o.o.'))).toBe(lines('Hello,', 'the VPN drops.'));
    expect(cutQuotedHistory(lines('Hello', '--', 'Jan'))).toBe('Hello');
  });

  it.each(['Sent from my iPhone', 'Sent from Outlook for Android', 'Get Outlook for iOS', 'Wysłane z iPhone’a', 'Отправлено с iPhone', 'Nosūtīts no mana iPhone'])('cuts the mobile sign-off "%s"', (signOff) => {
    expect(cutQuotedHistory(lines('Thanks!', '', signOff, '', '> quoted'))).toBe('Thanks!');
  });

  it('keeps "--" inside a sentence and a dash rule that starts nothing', () => {
    const text = lines('Use the flag --force -- then retry.', '---', 'More text');
    expect(cutQuotedHistory(text)).toBe(text);
  });
});

describe('cutQuotedHistory: what it must not cut', () => {
  it.each([
    ['Gmail', '---------- Forwarded message ---------'],
    ['Gmail, Polish', '---------- Wiadomość przekazana dalej ---------'],
    ['Gmail, Russian', '---------- Пересылаемое сообщение ---------'],
    ['Gmail, Latvian', '---------- Pārsūtīts ziņojums ---------'],
    ['Thunderbird', '-------- Forwarded Message --------'],
    ['Apple Mail', 'Begin forwarded message:'],
  ])('keeps a forward (%s) whole, but still drops the forwarder’s signature', (_client, marker) => {
    const text = lines('See below, the supplier says no.', '-- ', 'Jan', '', marker, 'From: Supplier <s@supplier.example>', 'Date: Mon, 2 Mar 2026', 'Subject: Order', 'To: Jan', '', 'We cannot deliver.', '> their quote');
    expect(cutQuotedHistory(text)).toBe(lines('See below, the supplier says no.', '', marker, 'From: Supplier <s@supplier.example>', 'Date: Mon, 2 Mar 2026', 'Subject: Order', 'To: Jan', '', 'We cannot deliver.', '> their quote'));
  });

  it('shows a mail that is all quote as it was sent, rather than nothing', () => {
    const text = lines('> just the quote', '> nothing new');
    expect(cutQuotedHistory(text)).toBe(text);
  });

  it('leaves plain text alone, apart from surrounding blank lines and CRLFs', () => {
    expect(cutQuotedHistory('\r\n\r\nLine one\r\n\r\nLine two  \r\n\r\n')).toBe('Line one\n\nLine two');
  });
});
