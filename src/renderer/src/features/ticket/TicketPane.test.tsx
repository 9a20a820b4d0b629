import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { agent, deskWith, makeMessage, makeTicket } from '../../testing/fake-desk.js';
import { renderFeature } from '../../testing/render.js';
import { easterExplanation, slaClock, slaSnapshot } from '../../testing/sla-fixtures.js';
import { TicketPane } from './TicketPane.js';

function paneWith() {
  const ticket = makeTicket({
    number: 1042,
    subject: 'Payment page returns 502',
    priority: 'critical',
    customerTier: 'premium',
    channel: 'monitoring',
    status: 'open',
    requesterName: 'Ops Alerts',
    requesterEmail: 'alerts@example.test',
    createdAt: '2025-03-10T01:30:00.000Z',
    // Premium critical: a one-hour first response, 55 minutes used; four hours to resolve.
    sla: slaSnapshot(
      [slaClock('firstResponse', { targetMinutes: 60, dueIn: 5 }), slaClock('resolution', { targetMinutes: 240, elapsedMinutes: 55 })],
      { ruleId: 'premium-critical', ruleName: 'Premium critical' },
    ),
  });
  const other = makeTicket({ subject: 'Another ticket' });
  const messages = [
    makeMessage(ticket.id, { authorKind: 'agent', authorName: 'Ada Night', body: 'Looking into it.', createdAt: '2025-03-10T01:40:00.000Z' }),
    makeMessage(ticket.id, { authorKind: 'customer', authorName: 'Ops Alerts', body: 'HTTP 502 on /pay', createdAt: '2025-03-10T01:30:00.000Z' }),
    makeMessage(ticket.id, { authorKind: 'agent', authorName: 'Ada Night', body: 'Load balancer pool is empty.', isPublic: false, createdAt: '2025-03-10T01:45:00.000Z' }),
  ];
  const desk = deskWith({ tickets: [ticket, other], messages, explanations: { [ticket.id]: easterExplanation() } });
  const rendered = renderFeature(<TicketPane />, desk, { user: agent });
  act(() => rendered.services.ticketPane.getState().open(ticket.id));
  return { desk, ticket, other, ...rendered };
}

describe('ticket pane', () => {
  it('asks the agent to pick a ticket when none is open', () => {
    renderFeature(<TicketPane />, deskWith({}), { user: agent });

    expect(screen.getByText('Select a ticket to read its conversation.')).toBeTruthy();
  });

  it('shows the header: number, subject, badges, requester, created time in the agent\'s time zone', async () => {
    paneWith();
    const pane = await screen.findByTestId('ticket-pane');

    expect(within(pane).getByRole('heading', { name: 'Payment page returns 502' })).toBeTruthy();
    expect(within(pane).getByText('#1042')).toBeTruthy();
    for (const badge of ['Premium', 'Monitoring']) expect(within(pane).getByText(badge)).toBeTruthy();
    expect((within(pane).getByLabelText('Status') as HTMLSelectElement).value).toBe('open');
    expect((within(pane).getByLabelText('Priority') as HTMLSelectElement).value).toBe('critical');
    expect(within(pane).getByTestId('assignee').textContent).toContain('Unassigned');
    expect(within(pane).getByText(/Ops Alerts/, { selector: 'dd' })).toBeTruthy();
    // 01:30 UTC is 03:30 in Riga (EET, UTC+2, before the March DST switch).
    expect(pane.querySelector('time[datetime="2025-03-10T01:30:00.000Z"]')?.textContent).toMatch(/3:30/);
    // The headline countdown: five minutes left, past the rule's warning threshold.
    expect(within(pane).getByTestId('sla-countdown-headline').textContent).toBe('Due soon ◔5:00');
  });

  it('lists the ticket\'s SLA clocks with their states below the header', async () => {
    paneWith();
    const pane = await screen.findByTestId('ticket-pane');
    const section = within(pane).getByRole('region', { name: 'SLA clocks' });

    expect(within(section).getByText('Rule: Premium critical')).toBeTruthy();
    const clocks = within(section).getAllByRole('listitem');
    expect(clocks.map((li) => [li.dataset.clock, li.dataset.clockState])).toEqual([
      ['firstResponse', 'running'],
      ['resolution', 'running'],
    ]);
    // 02:05 UTC is 04:05 in Riga.
    expect(clocks[0]!.textContent).toMatch(/Due Mar 10, 2025, 4:05\sAM/);
    expect(clocks[0]!.textContent).toContain('55 min of 1 business hour used');
    expect(clocks[1]!.textContent).toContain('55 min of 4 business hours used');
  });

  it('shows the pause reason when the ticket starts waiting on the customer', async () => {
    const { desk, ticket } = paneWith();
    await screen.findByTestId('ticket-pane');

    desk.tickets = desk.tickets.map((t) =>
      t.id === ticket.id
        ? {
            ...t,
            status: 'pending',
            sla: slaSnapshot([
              slaClock('firstResponse', { state: 'paused', pausedBy: 'pending', targetMinutes: 60, elapsedMinutes: 55 }),
              slaClock('resolution', { state: 'paused', pausedBy: 'pending', targetMinutes: 240, elapsedMinutes: 55 }),
            ]),
          }
        : t,
    );
    act(() => desk.emit('tickets.changed', { ids: [ticket.id] }));

    await waitFor(() => expect(screen.getAllByText('Paused: waiting on the customer')).toHaveLength(2));
    expect(screen.getByTestId('sla-countdown-headline').textContent).toContain('Paused');
  });

  it('asks "Why?" again when a newer snapshot arrives while the explanation is open', async () => {
    const { desk, ticket } = paneWith();
    fireEvent.click(await screen.findByRole('button', { name: /^Why\?/ }));
    await screen.findByTestId('sla-explanation');
    expect(desk.callsOf('tickets.slaExplanation')).toEqual([{ id: ticket.id }]);

    desk.tickets = desk.tickets.map((t) => (t.id === ticket.id ? { ...t, sla: { ...t.sla!, computedAt: '2025-03-10T02:01:00.000Z' } } : t));
    act(() => desk.emit('tickets.changed', { ids: [ticket.id] }));

    await waitFor(() => expect(desk.callsOf('tickets.slaExplanation')).toHaveLength(2));
    expect(await screen.findByTestId('sla-explanation')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Why\?/ }).getAttribute('aria-expanded')).toBe('true');
  });

  it('lists the thread oldest first, with the internal note marked and set apart', async () => {
    paneWith();
    await screen.findByTestId('ticket-pane');

    const messages = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-message-kind'));
    expect(messages.map((li) => li.dataset.messageKind)).toEqual(['customer', 'agent', 'internal']);
    expect(within(messages[2]!).getByText('Internal note')).toBeTruthy();
    expect(within(messages[0]!).getByText('Customer')).toBeTruthy();
    expect(within(messages[1]!).queryByText('Internal note')).toBeNull();
  });

  it('re-reads the open ticket when tickets.changed names it, and ignores other tickets', async () => {
    const { desk, ticket, other } = paneWith();
    await screen.findByTestId('ticket-pane');
    const readsBefore = desk.callsOf('tickets.get').length;

    act(() => desk.emit('tickets.changed', { ids: [other.id] }));
    expect(desk.callsOf('tickets.get')).toHaveLength(readsBefore);

    desk.tickets = desk.tickets.map((t) => (t.id === ticket.id ? { ...t, status: 'pending' } : t));
    act(() => desk.emit('tickets.changed', { ids: [other.id, ticket.id] }));

    await waitFor(() => expect((within(screen.getByTestId('ticket-pane')).getByLabelText('Status') as HTMLSelectElement).value).toBe('pending'));
    expect(desk.callsOf('tickets.get')).toEqual([...Array(readsBefore).fill({ id: ticket.id }), { id: ticket.id }]);
  });

  it('says the ticket is gone when it leaves the agent\'s queues', async () => {
    const { desk, ticket } = paneWith();
    await screen.findByTestId('ticket-pane');

    desk.tickets = desk.tickets.filter((t) => t.id !== ticket.id);
    act(() => desk.emit('tickets.changed', { ids: [ticket.id] }));

    expect(await screen.findByText('This ticket is no longer in your queues.')).toBeTruthy();
  });

  it('closes with its close button', async () => {
    paneWith();
    fireEvent.click(await screen.findByRole('button', { name: 'Close ticket' }));

    expect(screen.getByText('Select a ticket to read its conversation.')).toBeTruthy();
  });
});
