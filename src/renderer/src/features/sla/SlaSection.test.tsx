import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import type { Locale } from '../../../../shared/domain/people.js';
import { agent, deskWith, makeTicket } from '../../testing/fake-desk.js';
import { manualClock, renderFeature } from '../../testing/render.js';
import { easterExplanation, easterNow, easterSnapshot, slaClock, slaSnapshot } from '../../testing/sla-fixtures.js';
import { SlaSection } from './SlaSection.js';

/** Any run of spaces, including the narrow and thin ones ICU puts around "AM" and "–". */
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What a screen reader hears: the text without the decorative marks hidden from it. */
function spoken(element: Element | undefined): string {
  const copy = element?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return text(copy);
}

function renderSection(ticket: Ticket, options: { language?: Locale; explain?: boolean; clock?: ReturnType<typeof manualClock> } = {}) {
  const desk = deskWith({ tickets: [ticket], explanations: options.explain === false ? {} : { [ticket.id]: easterExplanation() } });
  const rendered = renderFeature(<SlaSection ticket={ticket} />, desk, {
    user: agent,
    clock: options.clock ?? manualClock(easterNow),
    language: options.language,
  });
  const clock = (kind: string) => screen.getByTestId('sla-section').querySelector(`[data-clock="${kind}"]`);
  const whyButton = () => screen.getByRole('button', { name: /^Why\?/ });
  return { desk, clock, whyButton, ...rendered };
}

const easterTicket = () => makeTicket({ priority: 'critical', customerTier: 'premium', channel: 'chat', sla: easterSnapshot() });

describe('SLA section of the ticket pane', () => {
  afterEach(() => vi.useRealTimers());

  it('lists every clock of the snapshot with its state, due time and business time, and names the rule', () => {
    const { clock } = renderSection(easterTicket());
    const section = screen.getByTestId('sla-section');

    expect(within(section).getByRole('heading', { name: 'SLA clocks' })).toBeTruthy();
    expect(within(section).getByText('Rule: Premium critical')).toBeTruthy();
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => [item.dataset.clock, item.dataset.clockState])).toEqual([
      ['firstResponse', 'met'],
      ['nextReply', 'running'],
      ['periodicUpdate', 'running'],
      ['resolution', 'running'],
    ]);
    expect(items.map((item) => within(item).getByText(/./, { selector: '.sla-clock__name' }).textContent)).toEqual([
      'First response',
      'Next reply',
      'Internal update',
      'Resolution',
    ]);

    // Due times in the agent's zone: 08:15 UTC is 11:15 in Riga (EEST, UTC+3).
    const nextReply = clock('nextReply')!;
    expect(text(nextReply.querySelector('[data-testid="clock-state"]'))).toBe('▸Running');
    expect(text(nextReply)).toMatch(/Due Apr 7, 2026, 11:15 AM/);
    expect(nextReply.querySelector('time')?.getAttribute('datetime')).toBe('2026-04-07T08:15:00.000Z');
    expect(text(nextReply)).toContain('45 min of 1 business hour used');
    expect(text(nextReply)).toContain('15 min left');

    const firstResponse = clock('firstResponse')!;
    expect(text(firstResponse)).toContain('Met');
    expect(text(firstResponse)).toMatch(/Stopped Mar 28, 2026, 1:45 AM/);
    expect(text(firstResponse)).toContain('1 h 45 min of 2 business hours used');
    expect(text(firstResponse)).not.toContain('left');

    expect(text(clock('resolution'))).toContain('16 h of 24 business hours used');
    expect(text(clock('resolution'))).toContain('8 h left');
    expect(text(clock('periodicUpdate'))).toContain('1 h 30 min of 4 business hours used');
    expect(text(section)).toMatch(/times in Europe\/Riga/);
  });

  it('flags the clock whose warning threshold has passed, and only that one', () => {
    renderSection(easterTicket());

    const warnings = screen.getAllByTestId('clock-warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.closest('[data-clock]')?.getAttribute('data-clock')).toBe('nextReply');
    expect(text(warnings[0])).toBe('◔ Due soon: warning threshold passed');
    expect(warnings[0]!.closest('li')?.className).toContain('sla-clock--dueSoon');
  });

  it('crosses the warning and due instants on screen between snapshots, offline too', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = manualClock(easterNow);
    const { clock: item } = renderSection(easterTicket(), { clock });
    const resolution = () => item('resolution')!;
    expect(resolution().getAttribute('data-clock-state')).toBe('running');
    expect(resolution().querySelector('[data-testid="clock-warning"]')).toBeNull();

    // The resolution clock warns at 10:00 UTC and is due at 16:00 UTC.
    act(() => {
      clock.set(Date.parse('2026-04-07T10:00:00Z'));
      vi.advanceTimersByTime(1000);
    });
    expect(resolution().getAttribute('data-clock-state')).toBe('running');
    expect(resolution().className).toContain('sla-clock--dueSoon');
    expect(text(resolution().querySelector('[data-testid="clock-warning"]'))).toBe('◔ Due soon: warning threshold passed');

    act(() => {
      clock.set(Date.parse('2026-04-07T16:00:00Z'));
      vi.advanceTimersByTime(1000);
    });
    expect(resolution().getAttribute('data-clock-state')).toBe('breached');
    expect(text(resolution())).toMatch(/Was due Apr 7, 2026, 7:00 PM/);
    expect(text(resolution())).not.toContain('left'); // the business minutes left were as of the snapshot
  });

  it('says why a paused clock waits: on the customer, or on a third party', () => {
    const ticket = makeTicket({
      status: 'on_hold',
      sla: slaSnapshot(
        [
          slaClock('firstResponse', { state: 'paused', pausedBy: 'pending', targetMinutes: 60, elapsedMinutes: 42 }),
          slaClock('resolution', { state: 'paused', pausedBy: 'on_hold', targetMinutes: 480, elapsedMinutes: 100 }),
        ],
        { now: easterNow },
      ),
    });
    const { clock } = renderSection(ticket);

    const firstResponse = clock('firstResponse')!;
    expect(firstResponse.getAttribute('data-clock-state')).toBe('paused');
    expect(firstResponse.querySelector('[data-paused-by]')?.textContent).toBe('Paused: waiting on the customer');
    expect(text(firstResponse)).toContain('No due time while paused');
    expect(text(firstResponse)).toContain('42 min of 1 business hour used');
    expect(text(firstResponse)).toContain('18 min left');
    expect(clock('resolution')!.querySelector('[data-paused-by]')?.textContent).toBe('Paused: waiting on a third party');
  });

  it('shows a breached clock with how far past its target it is, and breached reply cycles', () => {
    const ticket = makeTicket({
      sla: slaSnapshot(
        [
          slaClock('firstResponse', { state: 'met', now: easterNow }),
          slaClock('nextReply', { targetMinutes: 30, dueIn: -75, breaches: 2, now: easterNow }),
        ],
        { now: easterNow },
      ),
    });
    const { clock } = renderSection(ticket);

    const nextReply = clock('nextReply')!;
    expect(nextReply.getAttribute('data-clock-state')).toBe('breached');
    expect(text(nextReply)).toMatch(/Was due Apr 7, 2026, 9:45 AM/);
    expect(text(nextReply)).toContain('1 h 45 min of 30 business minutes used');
    expect(text(nextReply.querySelector('.sla-clock__over'))).toBe('1 h 15 min over');
    expect(text(nextReply)).toContain('2 breached reply cycles');
    expect(screen.queryByTestId('clock-warning')).toBeNull(); // breached says more than a warning
  });

  it('says so when no rule applies, and offers no "Why?"', () => {
    renderSection(makeTicket({ sla: null }));

    expect(screen.getByText('No SLA rule applies to this ticket.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Why\?/ })).toBeNull();
  });

  it('"Why?" asks the server only when opened, and renders the explanation in the calendar\'s time zone', async () => {
    const { desk, whyButton } = renderSection(easterTicket());
    const button = whyButton();
    const panel = document.getElementById(button.getAttribute('aria-controls')!)!;

    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    expect(desk.callsOf('tickets.slaExplanation')).toHaveLength(0);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(within(panel).getByRole('status').textContent).toBe('Loading the explanation…');
    const explanation = await within(panel).findByTestId('sla-explanation');
    expect(desk.callsOf('tickets.slaExplanation')).toEqual([{ id: desk.tickets[0]!.id }]);
    expect(screen.getByRole('region', { name: 'Why the clocks say this' })).toBe(panel);

    // The zone the calendar counts in, labelled, and the rule with its reasons in the agent's words.
    expect(text(explanation)).toContain('Times in the calendar’s time zone: Europe/Warsaw (Central European Time)');
    expect(within(explanation).getByRole('heading', { name: 'Rule “Premium critical” applies' })).toBeTruthy();
    expect(within(explanation).getByText('Tier is Premium')).toBeTruthy();
    expect(within(explanation).getByText('Priority Critical is one of Critical, High')).toBeTruthy();
    expect(within(explanation).getByText('1 rule skipped')).toBeTruthy();
    expect(text(explanation.querySelector('[data-skipped-rule="monitoring-p1"]'))).toBe('monitoring-p1: Channel is Chat');

    const resolution = explanation.querySelector('section[data-clock="resolution"]')!;
    expect(within(resolution as HTMLElement).getByRole('heading', { name: 'Resolution' })).toBeTruthy();
    const entries = [...resolution.querySelectorAll('li')];
    expect(entries.map((li) => li.dataset.entry)).toEqual([
      'counted',
      'closed',
      'counted',
      'paused',
      'counted',
      'paused',
      'counted',
      'paused',
      'counted',
      'closed',
      'counted',
    ]);
    // Counted: the local business day and hours in Warsaw (19:00–20:00 CET is 18:00–19:00 UTC).
    expect(spoken(entries[0])).toBe('Fri, Mar 27, 2026 · 7:00 – 8:00 PM, 1 h counted');
    expect(spoken(entries[1])).toBe('Mar 27, 2026, 8:00 PM – Mar 28, 2026, 12:00 AM, Closed: outside business hours');
    expect(spoken(entries[3])).toBe('Mar 28, 2026, 6:00 AM – Mar 29, 2026, 1:00 AM, Paused: waiting on the customer');
    // 01:00 to 04:00 on the wall clock, two hours counted: the DST note says why.
    expect(spoken(entries[4])).toBe('Sun, Mar 29, 2026 · 1:00 – 4:00 AM, 2 h counted (clocks went forward 1 h)');
    expect(text(entries[5])).toContain('Paused: waiting on a third party');
    expect(spoken(entries[8])).toBe('Sun, Apr 5, 2026 · 11:00 AM – 2:00 PM, 3 h counted (holiday with business hours)');
    expect(spoken(entries[9])).toBe(
      'Apr 5, 2026, 2:00 PM – Apr 7, 2026, 8:00 AM, Closed: holidays Sun, Apr 5, 2026 and Mon, Apr 6, 2026',
    );

    const late = within(explanation).getByRole('heading', { name: '1 reply written offline' }).closest('section')!;
    expect(text(late.querySelector('li'))).toBe(
      'Written Apr 3, 2026, 5:40 PM, reached the server Apr 3, 2026, 6:00 PM: counted from when it arrived, as the customer saw it.',
    );
  });

  it('"Why?" is a real button that folds the explanation away and opens it again without asking twice', async () => {
    const { desk, whyButton } = renderSection(easterTicket());
    const button = whyButton();

    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.textContent).toBe('▸Why? Explain these clocks');
    button.focus();
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    await screen.findByTestId('sla-explanation');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('sla-explanation')).toBeNull();

    fireEvent.click(button);
    expect(await screen.findByTestId('sla-explanation')).toBeTruthy();
    expect(desk.callsOf('tickets.slaExplanation')).toHaveLength(1);
    expect(document.activeElement).toBe(button);
  });

  it('offline: says the explanation needs a connection, keeps the clocks, and loads once back online', async () => {
    const { desk, whyButton, services } = renderSection(easterTicket());
    desk.offline = true;

    fireEvent.click(whyButton());

    expect(await screen.findByText(/needs a connection/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'The explanation comes from the server and needs a connection. The clocks above are from the last sync.',
    );
    expect(screen.queryByTestId('sla-explanation')).toBeNull();
    // The snapshot's clocks are still there.
    expect(screen.getByTestId('sla-section').querySelectorAll('[data-clock-state]')).toHaveLength(4);
    expect(screen.getAllByTestId('clock-state').map((state) => state.textContent)).toEqual(['✓Met', '▸Running', '▸Running', '▸Running']);

    // Try again, still offline: the same message.
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/needs a connection/)).toBeTruthy();
    expect(desk.callsOf('tickets.slaExplanation')).toHaveLength(2);

    // The desk reconnects: the explanation comes without another click.
    desk.offline = false;
    act(() => services.connection.setState({ connection: { status: 'online', serverUrl: 'https://desk.example.test', lastSyncedAt: null } }));

    expect(await screen.findByTestId('sla-explanation')).toBeTruthy();
    expect(screen.queryByText(/needs a connection/)).toBeNull();
    expect(desk.callsOf('tickets.slaExplanation')).toHaveLength(3);
  });

  it('shows other failures as an alert with a retry', async () => {
    const { desk, whyButton } = renderSection(easterTicket());
    let fail = true;
    desk.api['tickets.slaExplanation'] = async () => {
      if (fail) throw new DeskError('internal', 'policy file unreadable');
      return easterExplanation();
    };

    fireEvent.click(whyButton());

    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the explanation: policy file unreadable');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('sla-explanation')).toBeTruthy();
  });

  it('says when the server has no rule for the ticket', async () => {
    const { whyButton } = renderSection(easterTicket(), { explain: false });

    fireEvent.click(whyButton());

    expect(await screen.findByText('The server has no SLA rule for this ticket.')).toBeTruthy();
  });

  it('speaks Polish, with Polish plurals and times', async () => {
    const { clock } = renderSection(easterTicket(), { language: 'pl' });

    expect(text(clock('nextReply'))).toContain('Wykorzystano 45 min z 1 godziny roboczej');
    expect(text(clock('resolution'))).toContain('Wykorzystano 16 godz. z 24 godzin roboczych');
    expect(text(clock('firstResponse'))).toContain('Wykorzystano 1 godz. 45 min z 2 godzin roboczych');

    fireEvent.click(screen.getByRole('button', { name: /^Dlaczego\?/ }));
    const explanation = await screen.findByTestId('sla-explanation');
    expect(within(explanation).getByText('1 reguła pominięta')).toBeTruthy();
    expect(within(explanation).getByText('Priorytet: Krytyczny, jeden z: Krytyczny, Wysoki')).toBeTruthy();
    expect(text(explanation)).toContain('zegary przestawiono o 1 godz. do przodu');
    expect(text(explanation)).toContain('1 odpowiedź napisana offline');
  });
});
