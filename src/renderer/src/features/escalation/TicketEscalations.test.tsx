import { act, screen, within } from '@testing-library/react';
import { makeEscalation, people } from '../../../../shared/alerts/fixtures.js';
import { agent, deskWith, makeTicket, testNow } from '../../testing/fake-desk.js';
import { manualClock, renderFeature } from '../../testing/render.js';
import { TicketPane } from '../ticket/TicketPane.js';

const at = (minutes: number) => new Date(testNow + minutes * 60_000).toISOString();
const ticket = makeTicket({ number: 1042, subject: 'VPN drops every 10 minutes' });
const marta = { ...agent, id: people.marta.userId, name: people.marta.name };

/** Escalated 10 minutes ago: Piotr declined, Sam is paged at level 2, which times out in 4:30. */
const paging = makeEscalation({
  ticketId: ticket.id,
  escalatedAt: at(-10),
  paged: [people.sam],
  level: 2,
  levelCount: 3,
  pages: [
    { at: at(-10), level: 1, round: 1, targets: [people.piotr] },
    { at: at(-2), level: 2, round: 1, targets: [people.sam] },
  ],
  declines: [{ userId: 'u-tier2', name: 'Piotr Zieliński', reason: 'In the data centre, no laptop', at: at(-2) }],
  nextTimeoutAt: new Date(testNow + 270_000).toISOString(),
});
const acknowledged = makeEscalation({ ...paging, id: 'a1111111-1111-4111-8111-111111111111', state: 'acknowledged', paged: [], acknowledgedBy: { userId: 'u-tier3', name: 'Sam Carter' }, acknowledgedAt: at(-1), nextTimeoutAt: null });

function pane(options: { escalations: ReturnType<typeof makeEscalation>[]; tickets?: ReturnType<typeof makeTicket>[]; language?: 'en' | 'ru' }) {
  const clock = manualClock();
  const desk = deskWith({ user: marta, tickets: options.tickets ?? [ticket], escalations: options.escalations });
  const rendered = renderFeature(<TicketPane />, desk, { user: marta, clock, language: options.language });
  act(() => rendered.services.ticketPane.getState().open(ticket.id));
  return { desk, clock, ...rendered };
}

describe('a ticket’s escalations', () => {
  it('say whom they page, at which level, how long until the next, and who declined why', async () => {
    pane({ escalations: [paging] });
    const item = await screen.findByTestId('escalation-item');

    // 02:00 UTC is 04:00 in Riga, the agent's zone.
    expect(item.textContent).toContain('To tier 2 · Network · escalated by Marta Nowak, Mar 10, 2025, 3:50 AM');
    expect(item.textContent).toContain('Reason: Tunnel keeps dropping after the firmware update');
    expect(within(item).getByTestId('escalation-state').textContent).toBe('Paging Sam Carter · Level 2 of 3, round 1 of 2 · Next level in 4:30');
    expect(within(item).getByTestId('escalation-decline').textContent).toBe('✕ Declined by Piotr Zieliński at Mar 10, 2025, 3:58 AM: In the data centre, no laptop');
    expect(item.dataset.state).toBe('paging');
  });

  it('count down with the shared clock', async () => {
    const { clock, services } = pane({ escalations: [paging] });
    const state = await screen.findByTestId('escalation-state');
    act(() => {
      clock.advance(70_000);
      services.ticker.store.setState({ now: clock.now() });
    });
    expect(state.textContent).toContain('Next level in 3:20');
  });

  it('tell the escalating agent who acknowledged and when, in her time zone', async () => {
    const { desk } = pane({ escalations: [paging] });
    await screen.findByTestId('escalation-item');
    act(() => desk.setEscalations([{ ...acknowledged, id: paging.id }]));
    expect((await screen.findByText(/Acknowledged by/)).textContent).toBe('Acknowledged by Sam Carter at Mar 10, 2025, 3:59 AM');
  });

  it('stay readable after the ticket has moved to a queue the agent cannot see', async () => {
    pane({ escalations: [acknowledged], tickets: [] });
    expect(await screen.findByText('This ticket is no longer in your queues.')).toBeTruthy();
    // Its header is gone with it: the list says which ticket it is.
    expect((await screen.findByTestId('ticket-escalations')).querySelector('h3')?.textContent).toBe('Escalations of #1042 VPN drops every 10 minutes · 1 escalation');
    expect((await screen.findByTestId('escalation-state')).textContent).toBe('Acknowledged by Sam Carter at Mar 10, 2025, 3:59 AM');
  });

  it('show nothing for a ticket never escalated', async () => {
    pane({ escalations: [] });
    await screen.findByTestId('ticket-pane');
    expect(screen.queryByTestId('ticket-escalations')).toBeNull();
  });

  it('speak Russian, with its plural forms', async () => {
    pane({ escalations: [paging, acknowledged], language: 'ru' });
    const list = await screen.findByTestId('ticket-escalations');
    expect(within(list).getByRole('heading').textContent).toBe('Эскалации · 2 эскалации');
    expect(list.textContent).toContain('Вызываются: Sam Carter · Уровень 2 из 3, круг 1 из 2');
  });
});
