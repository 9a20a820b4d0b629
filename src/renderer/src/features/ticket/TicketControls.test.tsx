import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { agent, deskWith, makeTicket } from '../../testing/fake-desk.js';
import { renderFeature } from '../../testing/render.js';
import { TicketPane } from './TicketPane.js';

function paneWith(ticketOverrides: Parameters<typeof makeTicket>[0] = {}, options: { overlay?: boolean } = {}) {
  const ticket = makeTicket({ number: 1042, status: 'open', priority: 'medium', assigneeId: null, ...ticketOverrides });
  const desk = deskWith({ tickets: [ticket], ...options });
  const rendered = renderFeature(<TicketPane />, desk, { user: agent });
  act(() => rendered.services.ticketPane.getState().open(ticket.id));
  return { desk, ticket, ...rendered };
}

const select = (name: string) => screen.findByRole('combobox', { name }) as Promise<HTMLSelectElement>;

describe('ticket header controls', () => {
  it('the status select queues ticket.setStatus from the status shown, and shows the new one', async () => {
    const { desk, ticket } = paneWith({ status: 'open' });
    const status = await select('Status');
    expect([...status.options].map((o) => o.text)).toEqual(['New', 'Open', 'Pending', 'On hold', 'Solved', 'Closed']);

    fireEvent.change(status, { target: { value: 'pending' } });

    expect(status.value).toBe('pending');
    await waitFor(() => expect(desk.enqueued).toEqual([{ name: 'ticket.setStatus', args: { ticketId: ticket.id, from: 'open', to: 'pending' } }]));
    // The overlay: the core shows the change at once and the pane re-reads it.
    await waitFor(() => expect(desk.callsOf('tickets.get')).toHaveLength(2));
    expect((await select('Status')).value).toBe('pending');
  });

  it('the priority select queues ticket.setPriority from the priority shown', async () => {
    const { desk, ticket } = paneWith({ priority: 'medium' });

    fireEvent.change(await select('Priority'), { target: { value: 'critical' } });

    await waitFor(() => expect(desk.enqueued).toEqual([{ name: 'ticket.setPriority', args: { ticketId: ticket.id, from: 'medium', to: 'critical' } }]));
  });

  it('a second change before the pane re-reads goes from the value just chosen, not the stale one', async () => {
    // No overlay and no re-read: only the choice on screen says what the ticket will be.
    const { desk, ticket } = paneWith({ status: 'open' }, { overlay: false });
    const status = await select('Status');

    fireEvent.change(status, { target: { value: 'pending' } });
    fireEvent.change(status, { target: { value: 'on_hold' } });

    await waitFor(() => expect(desk.enqueued).toHaveLength(2));
    expect(desk.enqueued.map((m) => m.args)).toEqual([
      { ticketId: ticket.id, from: 'open', to: 'pending' },
      { ticketId: ticket.id, from: 'pending', to: 'on_hold' },
    ]);
    expect(status.value).toBe('on_hold');
  });

  it('shows what the ticket really is once it is read again, e.g. after a refused change rolled back', async () => {
    const { desk, ticket } = paneWith({ status: 'open' }, { overlay: false });
    const status = await select('Status');
    fireEvent.change(status, { target: { value: 'solved' } });
    await waitFor(() => expect(desk.enqueued).toHaveLength(1));

    desk.tickets = desk.tickets.map((t) => (t.id === ticket.id ? { ...t, status: 'on_hold' } : t));
    act(() => desk.emit('tickets.changed', { ids: [ticket.id] }));

    await waitFor(() => expect(status.value).toBe('on_hold'));
  });

  it('goes back to the status shown and says so when the change cannot be queued', async () => {
    const { desk } = paneWith({ status: 'open' });
    desk.api['mutations.enqueue'] = () => Promise.reject(new Error('outbox locked'));
    const status = await select('Status');

    fireEvent.change(status, { target: { value: 'solved' } });

    expect((await screen.findByText('Could not save the change. Try again.')).getAttribute('role')).toBe('alert');
    expect(status.value).toBe('open');
  });

  it('"Assign to me" queues ticket.assign with the assignee the agent saw, then goes away', async () => {
    const { desk, ticket } = paneWith({ assigneeId: 'user-olga' });
    const assignee = await screen.findByTestId('assignee');
    expect(assignee.textContent).toContain('Another agent');
    const button = within(assignee).getByRole('button', { name: 'Assign to me' });
    button.focus();

    fireEvent.click(button);

    await waitFor(() => expect(desk.enqueued).toEqual([{ name: 'ticket.assign', args: { ticketId: ticket.id, expectedAssignee: 'user-olga', assignee: agent.id } }]));
    await waitFor(() => expect(within(screen.getByTestId('assignee')).queryByRole('button')).toBeNull());
    expect(screen.getByTestId('assignee').textContent).toBe('You');
    // The keyboard stays on the assignee rather than falling to the page.
    expect(document.activeElement).toBe(screen.getByTestId('assignee'));
  });

  it('offers no "Assign to me" on a ticket that is already the agent\'s', async () => {
    paneWith({ assigneeId: agent.id });

    expect((await screen.findByTestId('assignee')).textContent).toBe('You');
    expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();
  });
});
