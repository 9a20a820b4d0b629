import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ticketCommands } from '../../app/ticket-commands.js';
import { agent, deskWith, makeTicket, tier2 } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { slaClock, slaSnapshot } from '../../testing/sla-fixtures.js';
import { renderFeature } from '../../testing/render.js';
import { QueueView } from './QueueView.js';

const rowNumbers = () => screen.queryAllByTestId('queue-row').map((row) => Number(row.dataset.ticketNumber));

async function renderQueue(tickets = defaultTickets()) {
  const desk = deskWith({ tickets });
  const rendered = renderFeature(<QueueView />, desk, { user: agent });
  await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(tickets.length));
  return { desk, ...rendered, tickets };
}

/** The first response is due in `dueIn` minutes of a four-hour target; resolution has a day left. */
const firstResponseDueIn = (dueIn: number) =>
  slaSnapshot([slaClock('firstResponse', { targetMinutes: 240, dueIn }), slaClock('resolution', { targetMinutes: 1440, dueIn: 1200 })]);

function defaultTickets() {
  return [
    makeTicket({
      subject: 'Solved yesterday',
      status: 'solved',
      sla: slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { state: 'met' })]),
    }),
    makeTicket({ subject: 'Due in two hours', sla: firstResponseDueIn(120), priority: 'low' }),
    makeTicket({ subject: 'Breached', sla: firstResponseDueIn(-5), priority: 'critical', queueId: tier2.id }),
    makeTicket({ subject: 'Due in ten minutes', sla: firstResponseDueIn(10), assigneeId: agent.id }),
    makeTicket({
      subject: 'Waiting on customer',
      status: 'pending',
      assigneeId: 'someone-else',
      sla: slaSnapshot([slaClock('firstResponse', { state: 'paused', pausedBy: 'pending' }), slaClock('resolution', { state: 'paused' })]),
    }),
  ];
}

describe('queue table', () => {
  it('shows the most urgent SLA first: breached, then least time left, solved last', async () => {
    const { tickets } = await renderQueue();
    const [solved, twoHours, breached, tenMinutes, waiting] = tickets;

    expect(rowNumbers()).toEqual([breached, tenMinutes, twoHours, waiting, solved].map((t) => t!.number));
  });

  it('renders each row with its number, countdown and assignee as the agent reads them', async () => {
    const { tickets } = await renderQueue();
    const breached = screen.getAllByTestId('queue-row').find((row) => row.dataset.ticketNumber === String(tickets[2]!.number))!;

    expect(within(breached).getByText(`#${tickets[2]!.number}`)).toBeTruthy();
    expect(within(breached).getByTestId('sla-countdown').textContent).toBe('Breached !-5:00');
    expect(within(breached).getByText('Unassigned')).toBeTruthy();
    const mine = screen.getAllByTestId('queue-row').find((row) => row.dataset.ticketNumber === String(tickets[3]!.number))!;
    expect(within(mine).getByText('Me')).toBeTruthy();
    const someoneElses = screen.getAllByTestId('queue-row').find((row) => row.dataset.ticketNumber === String(tickets[4]!.number))!;
    expect(within(someoneElses).getByText('Assigned')).toBeTruthy();
  });

  it('sorts by a column when its header is clicked, and reverses on the second click', async () => {
    const { tickets } = await renderQueue();
    const byNumber = tickets.map((t) => t.number).sort((a, b) => a - b);
    const header = screen.getByRole('button', { name: /No\./ });

    fireEvent.click(header);
    expect(rowNumbers()).toEqual(byNumber);
    expect(header.closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(header);
    expect(rowNumbers()).toEqual([...byNumber].reverse());
    expect(header.closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts priority by severity, not by name', async () => {
    await renderQueue();
    fireEvent.click(screen.getByRole('button', { name: /Priority/ }));

    const priorities = screen.getAllByTestId('queue-row').map((row) => row.querySelector('[data-priority]')?.getAttribute('data-priority'));
    expect(priorities[0]).toBe('critical');
    expect(priorities.at(-1)).toBe('low');
  });

  it('moves the selection with the arrow keys and opens the selected ticket with Enter', async () => {
    const { desk, services } = await renderQueue();
    const grid = screen.getByRole('grid', { name: 'Tickets' });
    const order = rowNumbers();

    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    const selected = screen.getAllByTestId('queue-row').filter((row) => row.getAttribute('aria-selected') === 'true');
    expect(selected.map((row) => Number(row.dataset.ticketNumber))).toEqual([order[1]]);
    expect(grid.getAttribute('aria-activedescendant')).toBe(selected[0]!.id);

    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    const opened = desk.tickets.find((t) => t.number === order[0])!;
    expect(services.ticketPane.getState().openId).toBe(opened.id);
    await waitFor(() => expect(desk.callsOf('tickets.get')).toContainEqual({ id: opened.id }));
  });

  it('filters by queue, with each queue showing its count', async () => {
    await renderQueue();
    const filter = screen.getByRole('navigation', { name: 'Views and queues' });

    expect((await within(filter).findByRole('button', { name: /All visible, 5 tickets/ })).getAttribute('aria-pressed')).toBe('true');
    expect(within(filter).getByRole('button', { name: /Tier 1 support, 4 tickets/ })).toBeTruthy();
    const tier2Button = within(filter).getByRole('button', { name: /Tier 2 engineering, 1 ticket$/ });

    fireEvent.click(tier2Button);

    expect(tier2Button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByTestId('queue-row')).toHaveLength(1);
    expect(screen.getByTestId('queue-count').textContent).toBe('1 ticket');
  });

  it('updates one row in place when tickets.changed names it', async () => {
    const { desk, tickets } = await renderQueue();
    const twoHours = tickets[1]!;

    desk.tickets = desk.tickets.map((t) => (t.id === twoHours.id ? { ...t, subject: 'Due in two hours (customer called)' } : t));
    act(() => desk.emit('tickets.changed', { ids: [twoHours.id] }));

    expect(await screen.findByText('Due in two hours (customer called)')).toBeTruthy();
    expect(desk.callsOf('tickets.list')).toHaveLength(1);
  });

  it('says so when the view is empty', async () => {
    const desk = deskWith({ tickets: [] });
    renderFeature(<QueueView />, desk, { user: agent });

    expect(await screen.findByText('No tickets in this view.')).toBeTruthy();
    expect(screen.queryAllByTestId('queue-row')).toHaveLength(0);
  });
});

describe('queue views, filters, search and shortcuts', () => {
  beforeAll(fakeModalDialogs);

  it('counts every built-in view and shows one when chosen', async () => {
    await renderQueue();
    const views = screen.getByTestId('queue-views');
    const button = (name: RegExp) => within(views).getByRole('button', { name });

    expect(await within(views).findByRole('button', { name: /^My tickets, 1 ticket$/ })).toBeTruthy();
    expect(button(/^Unassigned, 2 tickets$/)).toBeTruthy();
    expect(button(/^Breached, 1 ticket$/)).toBeTruthy();
    expect(button(/^Escalated to me, 0 tickets$/)).toBeTruthy();

    fireEvent.click(button(/^Unassigned/));
    expect(rowNumbers()).toHaveLength(2);
    expect(screen.getAllByTestId('queue-row').every((row) => within(row).queryByText('Unassigned'))).toBe(true);
  });

  it('filters by a column from the filters panel, with the keyboard-usable form controls, and clears them', async () => {
    const { tickets } = await renderQueue();
    fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
    const panel = screen.getByRole('group', { name: 'Filters' });

    fireEvent.click(within(within(panel).getByRole('group', { name: 'Priority' })).getByRole('checkbox', { name: 'Critical' }));
    expect(rowNumbers()).toEqual([tickets[2]!.number]);
    expect(screen.getByRole('button', { name: 'Filters (1)' }).getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(within(panel).getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(within(panel).getByRole('searchbox', { name: 'Subject' }), { target: { value: 'due in' } });
    expect(rowNumbers()).toHaveLength(2);
  });

  it('narrows the table to what the search finds in the replica', async () => {
    await renderQueue();
    fireEvent.change(screen.getByTestId('queue-search'), { target: { value: 'waiting cust' } });
    await waitFor(() => expect(rowNumbers()).toHaveLength(1));
    expect(screen.getAllByTestId('queue-row')[0]!.textContent).toContain('Waiting on customer');
  });

  it('saves what the table shows as the agent’s own view, which then has its own count', async () => {
    const { desk } = await renderQueue();
    fireEvent.click(within(screen.getByTestId('queue-views')).getByRole('button', { name: /^Breached/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save as view…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save as a new view' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Night watch' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const saved = await within(screen.getByTestId('queue-views')).findByRole('button', { name: /^Night watch, 1 ticket, waiting to sync$/ });
    expect(saved.getAttribute('aria-pressed')).toBe('true');
    expect(desk.views.map((view) => [view.name, view.filters])).toEqual([['Night watch', { sla: ['breached'] }]]);
  });

  it('moves with j and k, opens with Enter, asks the ticket to reply with r, and lists the keys with ? (closed with Esc)', async () => {
    const { services } = await renderQueue();
    const order = rowNumbers();
    const requests: string[] = [];
    const off = ticketCommands.subscribe((state) => state.last && requests.push(state.last.command));

    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'k' });
    const selected = screen.getAllByTestId('queue-row').find((row) => row.getAttribute('aria-selected') === 'true');
    expect(Number(selected?.dataset.ticketNumber)).toBe(order[0]);

    fireEvent.keyDown(document.body, { key: 'Enter' });
    const opened = services.ticketPane.getState().openId;
    expect(opened).toBeTruthy();
    await waitFor(() => expect(services.ticketPane.getState().status).toBe('ready'));
    fireEvent.keyDown(document.body, { key: 'r' });
    fireEvent.keyDown(document.body, { key: 'e' });
    expect(requests).toEqual(['reply', 'escalate']);

    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Reply to the open ticket')).toBeTruthy();
    // A dialog has the keyboard: j does nothing behind it.
    fireEvent.keyDown(dialog, { key: 'j' });
    expect(Number(screen.getAllByTestId('queue-row').find((row) => row.getAttribute('aria-selected') === 'true')?.dataset.ticketNumber)).toBe(order[0]);
    act(() => dialog.dispatchEvent(new Event('close')));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    off();
  });

  it('types into the search box without the letters acting as shortcuts, and / goes there', async () => {
    await renderQueue();
    const search = screen.getByTestId('queue-search');
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
    fireEvent.keyDown(search, { key: 'j' });
    fireEvent.keyDown(search, { key: '?' });
    expect(screen.getAllByTestId('queue-row').some((row) => row.getAttribute('aria-selected') === 'true')).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('marks SLA states with a sign as well as a colour, and the grid says how many rows there are', async () => {
    const { tickets } = await renderQueue();
    const grid = screen.getByRole('grid', { name: 'Tickets' });
    expect(grid.getAttribute('aria-rowcount')).toBe(String(tickets.length + 1));
    const states = screen.getAllByTestId('sla-countdown').map((cell) => cell.querySelector('[data-sla-state]')!);
    expect(states.find((s) => s.getAttribute('data-sla-state') === 'breached')?.textContent).toContain('!');
    expect(states.find((s) => s.getAttribute('data-sla-state') === 'paused')?.textContent).toContain('Paused');
    expect(screen.getAllByTestId('queue-row').map((row) => row.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4', '5', '6']);
  });
});
