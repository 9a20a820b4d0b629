import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import { agent, deskWith, makeTicket, settle, tier1, tier2 } from '../../testing/fake-desk.js';
import { renderFeature } from '../../testing/render.js';
import { TicketPane } from '../ticket/TicketPane.js';

// jsdom has no modal dialogs: enough of one for the component to open and close it.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const tier3 = { id: 'q-tier3', name: 'Platform', tier: 3 as const };
const billing = { id: 'q-billing', name: 'Billing', tier: 1 as const };

async function openTicket(language: 'en' | 'pl' = 'en') {
  const ticket = makeTicket({ number: 1042, subject: 'VPN drops every 10 minutes', queueId: tier1.id });
  const desk = deskWith({ tickets: [ticket], queues: [tier1, billing, tier2, tier3] });
  const rendered = renderFeature(<TicketPane />, desk, { user: agent, language });
  act(() => rendered.services.ticketPane.getState().open(ticket.id));
  const pane = await screen.findByTestId('ticket-pane');
  return { desk, ticket, pane, ...rendered };
}

async function openDialog(pane: HTMLElement) {
  const button = within(pane).getByRole('button', { name: /Escalate/ });
  button.focus();
  fireEvent.click(button);
  const dialog = await screen.findByRole('dialog', { name: 'Escalate #1042' });
  await waitFor(() => expect(within(dialog).getAllByRole('radio').length).toBeGreaterThan(0));
  return { button, dialog };
}

describe('the Escalate button and dialog', () => {
  it('opens with the next tier chosen and the keyboard in the reason; Escalate waits, and says why, until there is a reason', async () => {
    const { pane } = await openTicket();
    const { dialog } = await openDialog(pane);

    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
    expect(document.activeElement).toBe(reason);
    expect((within(dialog).getByRole('radio', { name: /Tier 2 — Tier 2 engineering/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByRole('radio', { name: /Tier 3 — Platform/ })).toBeTruthy();
    const submit = within(dialog).getByRole('button', { name: 'Escalate' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(within(dialog).getByTestId('escalate-missing').textContent).toBe('Write a reason to escalate.');
    expect(reason.getAttribute('aria-describedby')).toContain(within(dialog).getByTestId('escalate-missing').id);

    // Blank is no reason.
    fireEvent.change(reason, { target: { value: '   ' } });
    expect(submit.disabled).toBe(true);
    fireEvent.change(reason, { target: { value: 'Tunnel drops after the firmware update; customer’s office offline' } });
    expect(submit.disabled).toBe(false);
    expect(within(dialog).queryByTestId('escalate-missing')).toBeNull();
  });

  it('Enter in the reason escalates to the chosen tier; the dialog closes, the keyboard goes back, the ticket lists the escalation', async () => {
    const { desk, pane, ticket } = await openTicket();
    const { dialog, button } = await openDialog(pane);
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
    fireEvent.change(reason, { target: { value: 'Tunnel drops after the firmware update' } });
    // Shift+Enter is a new line, not a submission.
    fireEvent.keyDown(reason, { key: 'Enter', shiftKey: true });
    expect(desk.callsOf('escalations.escalate')).toEqual([]);

    fireEvent.keyDown(reason, { key: 'Enter' });
    await act(settle);
    expect(desk.callsOf('escalations.escalate')).toEqual([{ ticketId: ticket.id, target: { tier: 2 }, reason: 'Tunnel drops after the firmware update' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);

    const list = await within(pane).findByTestId('ticket-escalations');
    expect(within(list).getByRole('heading').textContent).toBe('Escalations · 1 escalation');
    expect(within(list).getByTestId('escalation-item').textContent).toContain('To tier 2 · Tier 2 engineering');
    expect(within(list).getByTestId('escalation-state').textContent).toBe('Waiting to send: who is paged shows once the server has it.');
  });

  it('sends it to another queue instead, once one is chosen', async () => {
    const { desk, pane, ticket } = await openTicket();
    const { dialog } = await openDialog(pane);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason (required)' }), { target: { value: 'Billing question, not a fault' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Another queue' }));
    const submit = within(dialog).getByRole('button', { name: 'Escalate' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(within(dialog).getByTestId('escalate-missing').textContent).toBe('Choose the queue to send the ticket to.');

    const queue = within(dialog).getByRole('combobox', { name: 'Queue to send the ticket to' }) as HTMLSelectElement;
    expect([...queue.options].map((option) => option.text)).toEqual(['Choose a queue…', 'Billing (tier 1)', 'Tier 2 engineering (tier 2)', 'Platform (tier 3)']);
    fireEvent.change(queue, { target: { value: billing.id } });
    fireEvent.click(submit);
    await act(settle);
    expect(desk.callsOf('escalations.escalate')).toEqual([{ ticketId: ticket.id, target: { queueId: billing.id }, reason: 'Billing question, not a fault' }]);
  });

  it('keeps the reason and says why when the core refuses', async () => {
    const { desk, pane } = await openTicket();
    desk.api['escalations.escalate'] = async () => {
      throw new DeskError('invalid_input', 'ticketId: #1042 is closed');
    };
    const { dialog } = await openDialog(pane);
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' }) as HTMLTextAreaElement;
    fireEvent.change(reason, { target: { value: 'Still broken' } });
    fireEvent.keyDown(reason, { key: 'Enter' });
    await act(settle);

    expect(within(dialog).getByRole('alert').textContent).toBe('Could not escalate: ticketId: #1042 is closed');
    expect(reason.value).toBe('Still broken');
  });

  it('closes without escalating from its close button, and speaks Polish', async () => {
    const { desk, pane } = await openTicket('pl');
    fireEvent.click(within(pane).getByRole('button', { name: /Eskaluj/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Eskalacja #1042' });
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: /Linia 2 — Tier 2 engineering/ })).toBeTruthy());
    expect(within(dialog).getByText('Podaj powód, aby eskalować.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zamknij bez eskalacji' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(desk.callsOf('escalations.escalate')).toEqual([]);
  });

  it('offers no Escalate on a closed ticket', async () => {
    const ticket = makeTicket({ status: 'closed' });
    const desk = deskWith({ tickets: [ticket] });
    const rendered = renderFeature(<TicketPane />, desk, { user: agent });
    act(() => rendered.services.ticketPane.getState().open(ticket.id));
    const pane = await screen.findByTestId('ticket-pane');
    expect(within(pane).queryByRole('button', { name: /Escalate/ })).toBeNull();
  });
});
