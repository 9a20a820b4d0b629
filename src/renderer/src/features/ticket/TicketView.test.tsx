import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Macro } from '../../../../shared/domain/knowledge.js';
import type { TicketEvent } from '../../../../shared/domain/ticket-event.js';
import { ticketCommands } from '../../app/ticket-commands.js';
import { agent, deskWith, makeTicket } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { renderFeature } from '../../testing/render.js';
import { slaClock, slaSnapshot } from '../../testing/sla-fixtures.js';
import { TicketPane } from './TicketPane.js';

beforeAll(fakeModalDialogs);

const macro = (fields: Partial<Macro> & Pick<Macro, 'id' | 'title' | 'body'>) => ({ locale: 'en', ownerId: null, actions: {}, updatedAt: '2026-11-01T00:00:00.000Z', pending: false, ...fields });
const refund = macro({
  id: 'macro-refund',
  title: 'Refund issued',
  body: 'Hi {{requester.first_name}}, the refund for #{{ticket.number}} is on its way. We answer by {{sla.first_response.due}}. {{order.id}}\n— {{agent.name}}',
  actions: { status: 'pending', addTags: ['refund'] },
});
const vpn = macro({ id: 'macro-vpn', title: 'VPN reset', body: 'Please restart the client.', ownerId: agent.id });

function paneWith(options: { events?: TicketEvent[]; tags?: string[] } = {}) {
  const ticket = makeTicket({ number: 1042, subject: 'Invoice charged twice', requesterName: 'Anna Kowalska', status: 'open', tags: options.tags ?? ['billing'], sla: slaSnapshot([slaClock('firstResponse', { targetMinutes: 90, dueIn: 30 })]) });
  const desk = deskWith({ tickets: [ticket], events: options.events ?? [] });
  desk.api['macros.list'] = async () => [refund, vpn] as never;
  const rendered = renderFeature(<TicketPane />, desk, { user: agent });
  act(() => rendered.services.ticketPane.getState().open(ticket.id));
  return { desk, ticket, ...rendered };
}

const replyBox = () => screen.findByRole('textbox', { name: 'Reply to the customer' }) as Promise<HTMLTextAreaElement>;

describe('macros in the composer', () => {
  it('opens with Ctrl+Shift+M, finds a macro by its text, fills placeholders, stages its actions and sends all in one step', async () => {
    const { desk, ticket } = paneWith();
    const box = await replyBox();
    fireEvent.keyDown(box, { key: 'M', ctrlKey: true, shiftKey: true });
    const search = await screen.findByRole('combobox', { name: 'Search macros by name or text' });
    fireEvent.change(search, { target: { value: 'on its way' } });
    await within(screen.getByRole('listbox', { name: 'Insert a macro' })).findByRole('option');
    expect(within(screen.getByRole('listbox', { name: 'Insert a macro' })).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('Refund issued')]);
    fireEvent.keyDown(search, { key: 'Enter' });

    await waitFor(() => expect(box.value).toMatch(/^Hi Anna, the refund for #1042 is on its way\. We answer by .+\. \{\{order\.id\}\}\n— /));
    expect(box.value).toContain(agent.name);
    expect(screen.getByTestId('unresolved-placeholders').textContent).toBe('Left as written, with no value here: {{order.id}}');
    const staged = screen.getByTestId('staged-actions');
    expect(within(staged).getAllByRole('listitem').map((li) => li.firstElementChild?.textContent)).toEqual(['Status → Pending', 'Add tag: refund']);

    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(desk.enqueued.map((m) => m.name)).toEqual(['ticket.reply', 'ticket.setStatus', 'ticket.setTags']));
    expect(desk.enqueued[1]).toEqual({ name: 'ticket.setStatus', args: { ticketId: ticket.id, from: 'open', to: 'pending' } });
    expect(desk.enqueued[2]).toEqual({ name: 'ticket.setTags', args: { ticketId: ticket.id, add: ['refund'], remove: [] } });
    await waitFor(() => expect(screen.queryByTestId('staged-actions')).toBeNull());
  });

  it('opens when ;; is typed, takes it out of the text, and a removed chip is not applied', async () => {
    const { desk } = paneWith();
    const box = await replyBox();
    fireEvent.change(box, { target: { value: 'Thanks' } });
    fireEvent.change(box, { target: { value: 'Thanks;' } });
    fireEvent.change(box, { target: { value: 'Thanks;;' } });
    const search = await screen.findByRole('combobox', { name: 'Search macros by name or text' });
    expect(box.value).toBe('Thanks');
    fireEvent.change(search, { target: { value: 'refund' } });
    await within(screen.getByRole('listbox', { name: 'Insert a macro' })).findByRole('option');
    fireEvent.keyDown(search, { key: 'Enter' });
    await screen.findByTestId('staged-actions');
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Status → Pending' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(desk.enqueued.map((m) => m.name)).toEqual(['ticket.reply', 'ticket.setTags']));
  });

  it('saves the staged actions with the draft to the core, where another ticket or a restart finds them', async () => {
    const { desk, ticket } = paneWith();
    const box = await replyBox();
    fireEvent.keyDown(box, { key: 'm', ctrlKey: true, shiftKey: true });
    await within(await screen.findByRole('listbox', { name: 'Insert a macro' })).findAllByRole('option');
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search macros by name or text' }), { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search macros by name or text' }), { key: 'ArrowUp' });
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search macros by name or text' }), { key: 'Enter' });
    await screen.findByTestId('staged-actions');
    await waitFor(() => expect(desk.ticketDrafts.get(ticket.id)?.actions).toEqual({ status: 'pending', addTags: ['refund'] }), { timeout: 5000 });
  });
});

describe('ticket commands', () => {
  it('switches to an internal note and focuses the box on "note", back to a reply on "reply"', async () => {
    paneWith();
    const box = await replyBox();
    act(() => ticketCommands.getState().request('note'));
    const note = (await screen.findByRole('textbox', { name: 'Internal note for agents' })) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(note);
    act(() => ticketCommands.getState().request('reply'));
    expect(await replyBox()).toBe(box);
  });
});

describe('tags', () => {
  it('adds a tag with Enter (lower-cased), removes one with its button, and refuses a tag with a space', async () => {
    const { desk, ticket } = paneWith({ tags: ['billing'] });
    const input = await screen.findByRole('textbox', { name: 'Tags' });
    fireEvent.change(input, { target: { value: 'Refund' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(within(screen.getByTestId('ticket-tags')).getAllByRole('listitem').map((li) => li.firstElementChild?.textContent)).toEqual(['billing', 'refund']));
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag billing' }));
    await waitFor(() => expect(within(screen.getByTestId('ticket-tags')).getAllByRole('listitem').map((li) => li.firstElementChild?.textContent)).toEqual(['refund']));
    expect(desk.enqueued).toEqual([
      { name: 'ticket.setTags', args: { ticketId: ticket.id, add: ['refund'], remove: [] } },
      { name: 'ticket.setTags', args: { ticketId: ticket.id, add: [], remove: ['billing'] } },
    ]);
    fireEvent.change(input, { target: { value: 'two words' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByText('A tag is one word of at most 40 characters, without spaces or commas.')).getAttribute('role')).toBe('alert');
    expect(desk.enqueued).toHaveLength(2);
  });
});

describe('the thread’s history', () => {
  it('shows who changed what and when between the messages, the system as Shiftdesk', async () => {
    const ticket = { id: '' };
    const events = (ticketId: string): TicketEvent[] => [
      { id: crypto.randomUUID(), ticketId, kind: 'status', at: '2025-03-10T02:00:00.000Z', actor: { userId: 'u-olga', name: 'Olga Smirnova' }, data: { from: 'open', to: 'pending' } },
      { id: crypto.randomUUID(), ticketId, kind: 'tags', at: '2025-03-10T02:01:00.000Z', actor: { userId: 'u-olga', name: 'Olga Smirnova' }, data: { added: ['vpn', 'refund'], removed: [] } },
      { id: crypto.randomUUID(), ticketId, kind: 'sla.recomputed', at: '2025-03-10T02:02:00.000Z', actor: null, data: { reason: 'Holiday added' } },
      { id: crypto.randomUUID(), ticketId, kind: 'something.new', at: '2025-03-10T02:03:00.000Z', actor: null, data: {} },
    ];
    const first = makeTicket({ number: 1042 });
    ticket.id = first.id;
    const desk = deskWith({ tickets: [first], events: events(first.id) });
    const rendered = renderFeature(<TicketPane />, desk, { user: agent });
    act(() => rendered.services.ticketPane.getState().open(first.id));
    const lines = await waitFor(() => {
      const found = document.querySelectorAll('.thread-event');
      if (found.length !== 4) throw new Error('no history yet');
      return [...found].map((li) => [li.querySelector('.thread-event__what')?.textContent, li.querySelector('.thread-event__who')?.textContent]);
    });
    expect(lines).toEqual([
      ['Status: Open → Pending', 'by Olga Smirnova'],
      ['Tags added: vpn, refund', 'by Olga Smirnova'],
      ['SLA recomputed: Holiday added', 'by Shiftdesk'],
      ['Change: something.new', 'by Shiftdesk'],
    ]);
    expect(screen.getByRole('heading', { name: /Conversation/ }).textContent).toContain('4 changes');
  });
});

describe('presence', () => {
  it('says the ticket is open here, and names colleagues viewing and replying', async () => {
    const { desk, ticket } = paneWith();
    await waitFor(() => expect(desk.presenceUpdates).toContainEqual({ ticketId: ticket.id, replying: false }));
    act(() => desk.setViewers(ticket.id, [{ userId: 'u-olga', name: 'Olga Smirnova', replying: true }, { userId: 'u-janis', name: 'Jānis Bērziņš', replying: false }]));
    const notice = screen.getByTestId('presence-notice');
    expect(notice.textContent).toContain('Olga Smirnova is replying');
    expect(notice.textContent).toContain('Jānis Bērziņš is viewing this ticket');
    fireEvent.change(await replyBox(), { target: { value: 'H' } });
    await waitFor(() => expect(desk.presenceUpdates.at(-1)).toEqual({ ticketId: ticket.id, replying: true }));
  });
});

describe('files on a reply', () => {
  it('keeps a picked file with the draft, sends it with the reply, and refuses one over 10 MB with its size', async () => {
    const { desk, container } = paneWith();
    const box = await replyBox();
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['connect: timeout'], 'vpn.log', { type: 'text/plain' })] } });
    expect((await screen.findByTestId('draft-files')).textContent).toContain('vpn.log');
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'dump.bin')] } });
    expect((await screen.findByText(/^dump\.bin is .+: files may be at most 10 MB\.$/)).getAttribute('role')).toBe('alert');
    fireEvent.change(box, { target: { value: 'Log attached.' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(desk.sentFiles).toEqual([[expect.objectContaining({ filename: 'vpn.log', size: 16 })]]));
    await waitFor(() => expect(screen.queryByTestId('draft-files')).toBeNull());
  });
});
