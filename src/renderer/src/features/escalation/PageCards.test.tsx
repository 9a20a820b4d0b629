import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeEscalation, people } from '../../../../shared/alerts/fixtures.js';
import { agent, deskWith, settle, testNow } from '../../testing/fake-desk.js';
import { onShiftStatus } from '../../testing/fake-escalations.js';
import { manualClock, renderFeature } from '../../testing/render.js';
import { PageCards } from './PageCards.js';

const piotr = { ...agent, id: 'u-tier2', name: 'Piotr Zieliński', tier: 2 as const, locale: 'pl' as const, timeZone: 'Europe/Warsaw', queueIds: ['network'] };
const at = (minutes: number) => new Date(testNow + minutes * 60_000).toISOString();

/** Marta's escalation paging Piotr at level 1, four minutes left before level 2. */
const page = makeEscalation({
  escalatedAt: at(-1),
  pages: [{ at: at(-1), level: 1, round: 1, targets: [people.piotr] }],
  nextTimeoutAt: new Date(testNow + 240_000).toISOString(),
});
const second = makeEscalation({
  id: 'b2222222-2222-4222-8222-222222222222',
  ticketId: 'c3333333-3333-4333-8333-333333333333',
  ticketNumber: 1077,
  ticketSubject: 'Payment page returns 502',
  priority: 'critical',
  channel: 'monitoring',
  customerTier: 'standard',
  trigger: 'critical',
  reason: 'Critical incident',
  escalatedBy: { userId: null, name: 'Shiftdesk' },
  pages: [{ at: at(0), level: 1, round: 1, targets: [people.piotr] }],
  nextTimeoutAt: new Date(testNow + 300_000).toISOString(),
});
/** Someone else is paged on this one: no card for Piotr. */
const notMine = makeEscalation({ id: 'd4444444-4444-4444-8444-444444444444', paged: [people.sam], pages: [{ at: at(-1), level: 2, round: 1, targets: [people.sam] }] });

function cards(escalations = [page, second, notMine], language: 'en' | 'pl' = 'en', status = onShiftStatus) {
  const desk = deskWith({ user: piotr, escalations, alertStatus: status });
  const rendered = renderFeature(<PageCards />, desk, { user: piotr, language, clock: manualClock() });
  return { desk, ...rendered };
}

const card = (number: number) => screen.getAllByTestId('page-card').find((element) => element.dataset.ticketNumber === String(number))!;

describe('page cards', () => {
  it('pop up for each escalation paging the agent: number, subject, priority, channel, customer tier, who escalated why, time to the next level', async () => {
    cards();
    await waitFor(() => expect(screen.getAllByTestId('page-card')).toHaveLength(2));
    const region = screen.getByRole('region', { name: 'Escalations paging you' });
    expect(region.hidden).toBe(false);

    const first = card(1042);
    expect(within(first).getByRole('heading').textContent).toBe('#1042 VPN drops every 10 minutes');
    expect(first.textContent).toContain('Escalation — you are paged');
    for (const fact of ['High', 'Chat', 'Premium']) expect(within(first).getByText(fact, { exact: false })).toBeTruthy();
    expect(first.textContent).toContain('Marta Nowak: Tunnel keeps dropping after the firmware update');
    expect(within(first).getByTestId('page-card-countdown').textContent).toBe('Next level in 4:00');
    // An automatic escalation names its trigger instead of a person.
    expect(card(1077).textContent).toContain('Critical ticket: Critical incident');
    // The newest page is read out.
    expect(screen.getByTestId('page-announcement').textContent).toBe('Escalation: #1077, Critical, is paging you.');
  });

  it('Acknowledge takes it: the card goes, the ticket opens, and the keyboard moves to the next card', async () => {
    const { desk, services } = cards();
    await waitFor(() => expect(screen.getAllByTestId('page-card')).toHaveLength(2));
    const acknowledge = within(card(1042)).getByRole('button', { name: 'Acknowledge' });
    acknowledge.focus();
    fireEvent.click(acknowledge);
    await act(settle);

    expect(desk.callsOf('escalations.acknowledge')).toEqual([{ id: page.id }]);
    expect(screen.getAllByTestId('page-card').map((element) => element.dataset.ticketNumber)).toEqual(['1077']);
    expect(services.ticketPane.getState().openId).toBe(page.ticketId);
    expect(document.activeElement).toBe(within(card(1077)).getByRole('button', { name: 'Acknowledge' }));
    expect(screen.getByText('You acknowledged #1042; the ticket is open.')).toBeTruthy();
  });

  it('Decline asks why first: unavailable, and saying so, until there is a reason; Enter sends it', async () => {
    const { desk } = cards([page]);
    const only = await screen.findByTestId('page-card');
    fireEvent.click(within(only).getByRole('button', { name: 'Decline…' }));
    const reason = within(only).getByRole('textbox', { name: 'Why are you declining?' });
    expect(document.activeElement).toBe(reason);
    const send = within(only).getByRole('button', { name: 'Decline' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    expect(only.textContent).toContain('Write a reason to decline.');

    fireEvent.keyDown(reason, { key: 'Enter' });
    expect(desk.callsOf('escalations.decline')).toEqual([]);
    fireEvent.change(reason, { target: { value: 'On another outage' } });
    expect(send.disabled).toBe(false);
    fireEvent.keyDown(reason, { key: 'Enter' });
    await act(settle);

    expect(desk.callsOf('escalations.decline')).toEqual([{ id: page.id, reason: 'On another outage' }]);
    expect(screen.queryByTestId('page-card')).toBeNull();
    expect(screen.getByTestId('page-cards').hidden).toBe(true);
  });

  it('Escape leaves the reason and gives the keyboard back to Decline, keeping the card', async () => {
    const { desk } = cards([page]);
    const only = await screen.findByTestId('page-card');
    fireEvent.click(within(only).getByRole('button', { name: 'Decline…' }));
    fireEvent.keyDown(within(only).getByRole('textbox'), { key: 'Escape' });
    expect(within(only).queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(within(only).getByRole('button', { name: 'Decline…' }));
    expect(desk.callsOf('escalations.decline')).toEqual([]);
  });

  it('in quiet hours the card still shows, marked silent; a critical one is not', async () => {
    const quiet = { ...onShiftStatus, duty: { ...onShiftStatus.duty, onShift: false }, quiet: ['offShift' as const] };
    cards([page, second], 'en', quiet);
    await waitFor(() => expect(screen.getAllByTestId('page-card')).toHaveLength(2));
    expect(card(1042).textContent).toContain('quiet hours: no sound');
    expect(card(1077).textContent).not.toContain('quiet hours');
  });

  it('say it in Polish', async () => {
    cards([page], 'pl');
    const only = await screen.findByTestId('page-card');
    expect(within(only).getByRole('button', { name: 'Przyjmij' })).toBeTruthy();
    expect(within(only).getByTestId('page-card-countdown').textContent).toBe('Następny poziom za 4:00');
    expect(only.textContent).toContain('Poziom 1 z 2, runda 1 z 2');
  });
});
