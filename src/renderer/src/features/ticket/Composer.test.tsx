import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { agent, deskWith, makeMessage, makeTicket } from '../../testing/fake-desk.js';
import { renderFeature } from '../../testing/render.js';
import { TicketPane } from './TicketPane.js';

function paneWith(options: { overlay?: boolean } = {}) {
  const ticket = makeTicket({ number: 1042, subject: 'Payment page returns 502', requesterName: 'Ops Alerts' });
  const other = makeTicket({ number: 1043, subject: 'VPN drops every hour' });
  const messages = [makeMessage(ticket.id, { body: 'HTTP 502 on /pay', createdAt: '2025-03-10T01:30:00.000Z' })];
  const desk = deskWith({ tickets: [ticket, other], messages, ...options });
  const rendered = renderFeature(<TicketPane />, desk, { user: agent });
  act(() => rendered.services.ticketPane.getState().open(ticket.id));
  return { desk, ticket, other, ...rendered };
}

const replyBox = () => screen.findByRole('textbox', { name: 'Reply to the customer' }) as Promise<HTMLTextAreaElement>;
const threadMessages = () => screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-message-kind'));
const messageWith = (text: string) =>
  waitFor(() => {
    const found = threadMessages().find((li) => li.textContent?.includes(text));
    if (!found) throw new Error(`no message with "${text}"`);
    return found;
  });

describe('composer', () => {
  it('sends a reply with Ctrl+Enter through mutations.enqueue and clears the text box', async () => {
    const { desk, ticket } = paneWith();
    const box = await replyBox();

    fireEvent.change(box, { target: { value: '  Rolled back the deploy; payments work again.  ' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(box.value).toBe(''));
    expect(desk.enqueued).toEqual([{ name: 'ticket.reply', args: { ticketId: ticket.id, body: 'Rolled back the deploy; payments work again.' } }]);
  });

  it('sends with Cmd+Enter and the Send button too, but never an empty or blank text', async () => {
    const { desk, ticket } = paneWith();
    const box = await replyBox();
    const send = screen.getByRole('button', { name: 'Send reply' }) as HTMLButtonElement;

    expect(send.disabled).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    fireEvent.change(box, { target: { value: '   \n  ' } });
    expect(send.disabled).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    // A plain Enter is a new line, not a send.
    fireEvent.change(box, { target: { value: 'First' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(desk.enqueued).toEqual([]);

    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    await waitFor(() => expect(desk.enqueued).toHaveLength(1));
    fireEvent.change(box, { target: { value: 'Second' } });
    fireEvent.click(send);
    await waitFor(() => expect(desk.enqueued).toHaveLength(2));
    expect(desk.enqueued.map((m) => m.args)).toEqual([
      { ticketId: ticket.id, body: 'First' },
      { ticketId: ticket.id, body: 'Second' },
    ]);
  });

  it('sends an internal note as ticket.note, with a look of its own', async () => {
    const { desk, ticket } = paneWith();
    await replyBox();

    fireEvent.click(screen.getByRole('radio', { name: 'Internal note' }));
    const composer = screen.getByTestId('composer');
    expect(composer.dataset.kind).toBe('note');
    expect(within(composer).getByText('Internal: the customer will not see this note.')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'Internal note for agents' });
    fireEvent.change(box, { target: { value: 'Pool drained by the 01:20 deploy.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));

    await waitFor(() => expect(desk.enqueued).toEqual([{ name: 'ticket.note', args: { ticketId: ticket.id, body: 'Pool drained by the 01:20 deploy.' } }]));
    const note = await messageWith('Pool drained');
    expect(note.dataset.messageKind).toBe('internal');
  });

  it('shows the message in the thread at once marked "Sending…", "Waiting to send" offline, and unmarked once confirmed', async () => {
    const { desk } = paneWith();
    const box = await replyBox();

    fireEvent.change(box, { target: { value: 'Looking into it now.' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });

    const sent = await messageWith('Looking into it now.');
    expect(threadMessages().at(-1)).toBe(sent);
    expect(sent.dataset.pending).toBe('sending');
    expect(within(sent).getByText('Sending…')).toBeTruthy();
    expect(threadMessages()[0]!.dataset.pending).toBeUndefined();

    act(() => desk.setConnection('offline'));
    expect(within(sent).getByText('Waiting to send')).toBeTruthy();

    act(() => desk.setConnection('online'));
    expect(within(sent).getByText('Sending…')).toBeTruthy();
    act(() => desk.confirmAll());
    await waitFor(() => expect(screen.queryByTestId('message-pending')).toBeNull());
    expect(screen.getByText('Looking into it now.')).toBeTruthy();
  });

  it('keeps each ticket\'s draft, and its reply or note choice, while the agent switches tickets', async () => {
    const { services, ticket, other } = paneWith();
    fireEvent.change(await replyBox(), { target: { value: 'Half-written reply to 1042' } });

    act(() => services.ticketPane.getState().open(other.id));
    await screen.findByRole('heading', { name: 'VPN drops every hour' });
    expect((await replyBox()).value).toBe('');
    fireEvent.click(screen.getByRole('radio', { name: 'Internal note' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Internal note for agents' }), { target: { value: 'Note on 1043' } });

    act(() => services.ticketPane.getState().open(ticket.id));
    await screen.findByRole('heading', { name: 'Payment page returns 502' });
    expect((await replyBox()).value).toBe('Half-written reply to 1042');

    act(() => services.ticketPane.getState().close());
    act(() => services.ticketPane.getState().open(other.id));
    const note = (await screen.findByRole('textbox', { name: 'Internal note for agents' })) as HTMLTextAreaElement;
    expect(note.value).toBe('Note on 1043');
    expect((screen.getByRole('radio', { name: 'Internal note' }) as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the draft of one agent from the next one on a shared machine', async () => {
    const { services, ticket } = paneWith();
    fireEvent.change(await replyBox(), { target: { value: 'Ada was here' } });

    act(() => services.session.setState({ user: { ...agent, id: 'user-bob', name: 'Bob Day' } }));
    expect((await replyBox()).value).toBe('');

    act(() => services.session.setState({ user: agent }));
    expect((await replyBox()).value).toBe('Ada was here');
    expect(services.ticketPane.getState().openId).toBe(ticket.id);
  });

  it('Escape leaves the text box and keeps the text', async () => {
    paneWith();
    const box = await replyBox();
    box.focus();
    fireEvent.change(box, { target: { value: 'Not done yet' } });

    fireEvent.keyDown(box, { key: 'Escape' });

    expect(document.activeElement).not.toBe(box);
    expect(box.value).toBe('Not done yet');
  });

  it('keeps the text and says so when the core cannot queue it', async () => {
    const { desk } = paneWith();
    desk.api['mutations.enqueue'] = () => Promise.reject(new Error('disk full'));
    const box = await replyBox();

    fireEvent.change(box, { target: { value: 'Precious words' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });

    expect((await screen.findByText('Could not queue this message. Your text is still here: try again.')).getAttribute('role')).toBe('alert');
    expect(box.value).toBe('Precious words');
    expect(screen.queryByText(/disk full/)).toBeNull();
  });
});
