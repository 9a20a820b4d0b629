import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import { agent, deferred, deskWith, makeMessage, makeTicket, settle } from '../../testing/fake-desk.js';
import { renderFeature } from '../../testing/render.js';
import { mailFramePolicy } from './mail-frame.js';
import { Thread } from './Thread.js';
import { TicketPane } from './TicketPane.js';

const ticket = makeTicket({ number: 1207, subject: 'Faktura się nie zgadza' });
const pdf = { id: crypto.randomUUID(), filename: 'Wyciąg bankowy.pdf', contentType: 'application/pdf', size: 48_213 };
const log = { id: crypto.randomUUID(), filename: 'router', contentType: 'text/plain', size: 2 };
const mail = makeMessage(ticket.id, {
  authorName: 'Zofia Wrona',
  body: 'The invoice total does not match the statement.',
  html: '<p>The invoice <b>total</b> does not match the statement.</p>',
  hasOriginal: true,
  attachments: [pdf, log],
});

/** Saving goes through a Blob URL and a clicked link; jsdom has neither download nor Blob URLs. */
function captureSaves() {
  const saved: { name: string; href: string }[] = [];
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href });
  });
  return { saved, blobs };
}

afterEach(() => vi.restoreAllMocks());

/** The thread once the connection status it follows has come in. */
async function threadWith(messages = [mail], language?: 'pl' | 'ru' | 'lv') {
  const desk = deskWith({ tickets: [ticket], messages });
  const rendered = renderFeature(<Thread messages={messages} />, desk, { user: agent, ...(language ? { language } : {}) });
  await act(settle);
  return { desk, ...rendered };
}

describe('a message’s files', () => {
  it('lists each attachment with its type, name and size, and a download named after the file', async () => {
    await threadWith();
    const list = screen.getByRole('list', { name: '2 attachments' });
    const [first, second] = within(list).getAllByTestId('attachment');

    expect(first!.textContent).toBe('PDFWyciąg bankowy.pdf48 kBDownload');
    expect(within(first!).getByRole('button', { name: 'Download Wyciąg bankowy.pdf (48 kB)' })).toBeTruthy();
    expect(second!.textContent).toBe('PLAINrouter2 bytesDownload');
  });

  it('says sizes and counts in the agent’s language', async () => {
    await threadWith([mail], 'pl');
    expect(screen.getByRole('list', { name: '2 załączniki' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pobierz router (2 bajty)' })).toBeTruthy();
  });

  it('downloads through the core and saves the bytes under the server’s name', async () => {
    const { saved, blobs } = captureSaves();
    const { desk } = await threadWith();
    const answer = deferred<{ filename: string; contentType: string; base64: string }>();
    desk.api['files.download'] = () => answer.promise;

    const button = screen.getByRole('button', { name: /^Download Wyciąg/ });
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Downloading…'));
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(desk.callsOf('files.download')).toEqual([{ ticketId: ticket.id, kind: 'attachment', id: pdf.id }]);

    await act(async () => answer.resolve({ filename: 'Wyciąg bankowy.pdf', contentType: 'application/pdf', base64: btoa('%PDF-1.4') }));
    expect(saved).toEqual([{ name: 'Wyciąg bankowy.pdf', href: 'blob:test/1' }]);
    expect(blobs[0]!.type).toBe('application/pdf');
    expect(await blobs[0]!.text()).toBe('%PDF-1.4');
    expect(button.textContent).toBe('Download');
  });

  it('offline, says attachments need the server; another refusal is shown with its reason', async () => {
    captureSaves();
    const { desk } = await threadWith();
    desk.api['files.download'] = () => Promise.reject(new DeskError('unavailable', 'The server at https://desk.example.test cannot be reached'));

    fireEvent.click(screen.getByRole('button', { name: /^Download Wyciąg/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Attachments need the server; it is not reachable. Try again once the connection is back.');

    desk.api['files.download'] = () => Promise.reject(new DeskError('not_found', 'No attachment on ticket 1207'));
    fireEvent.click(screen.getByRole('button', { name: /^Download Wyciąg/ }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not download the file: No attachment on ticket 1207'));
  });

  it('saves the original as it arrived from "View original"', async () => {
    const { saved } = captureSaves();
    const { desk } = await threadWith();
    desk.api['files.download'] = async () => ({ filename: 'ticket-1207-1a2b3c4d.eml', contentType: 'message/rfc822', base64: btoa('From: zofia@kwiaty.example') });

    fireEvent.click(screen.getByRole('button', { name: /^View original/ }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['ticket-1207-1a2b3c4d.eml']));
    expect(desk.callsOf('files.download')).toEqual([{ ticketId: ticket.id, kind: 'original', id: mail.id }]);
  });

  it('offers no files, no original and no formatting for a message that has none', async () => {
    await threadWith([makeMessage(ticket.id, { body: 'Plain question' })]);
    expect(screen.queryByRole('list', { name: /attachment/ })).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('an email’s HTML', () => {
  it('shows plain text first, and the formatted mail in a frame that can run nothing and load nothing', async () => {
    await threadWith();
    const toggle = screen.getByRole('group', { name: 'Show the email as' });
    expect(within(toggle).getByRole('button', { name: 'Plain text' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('The invoice total does not match the statement.')).toBeTruthy();
    expect(screen.queryByTestId('mail-frame')).toBeNull();

    fireEvent.click(within(toggle).getByRole('button', { name: 'Formatted' }));
    const frame = screen.getByTitle('Formatted email from Zofia Wrona') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    const source = frame.getAttribute('srcdoc')!;
    // The policy comes before any of the mail's markup, so nothing in it can come first.
    expect(source.indexOf(`content="${mailFramePolicy}"`)).toBeLessThan(source.indexOf('<body>'));
    expect(mailFramePolicy).toContain("default-src 'none'");
    expect(source).toContain('<body><p>The invoice <b>total</b> does not match the statement.</p></body>');
    expect(screen.queryByText('The invoice total does not match the statement.')).toBeNull();

    fireEvent.click(within(toggle).getByRole('button', { name: 'Plain text' }));
    expect(screen.queryByTestId('mail-frame')).toBeNull();
  });
});

describe('a message’s channel', () => {
  it('names the channel a message came by when it differs from the ticket’s', async () => {
    await threadWith([makeMessage(ticket.id, { via: 'phone' }), makeMessage(ticket.id, { body: 'By mail' })]);
    expect(screen.getAllByTestId('message-via').map((tag) => tag.textContent)).toEqual(['via Phone']);
  });
});

describe('the requester', () => {
  it('has “no email address” rather than the placeholder a caller gets', async () => {
    const caller = makeTicket({ channel: 'phone', requesterName: 'Laura Ozola', requesterEmail: 'phone-37126123456@shiftdesk.invalid' });
    const desk = deskWith({ tickets: [caller] });
    const { services } = renderFeature(<TicketPane />, desk, { user: agent, language: 'lv' });
    act(() => services.ticketPane.getState().open(caller.id));

    const requester = await screen.findByText(/Laura Ozola/, { selector: 'dd' });
    expect(requester.textContent).toBe('Laura Ozola (nav e-pasta adreses)');
  });
});
