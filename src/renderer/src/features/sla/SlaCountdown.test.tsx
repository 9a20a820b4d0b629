import { act, fireEvent, screen } from '@testing-library/react';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { FakeDesk, makeTicket, testNow } from '../../testing/fake-desk.js';
import { slaClock, slaSnapshot } from '../../testing/sla-fixtures.js';
import { manualClock, renderFeature } from '../../testing/render.js';
import { SlaCountdown } from './SlaCountdown.js';

function countdownFor(sla: Ticket['sla'], language: 'en' | 'pl' = 'en') {
  const clock = manualClock(testNow);
  const rendered = renderFeature(
    <div data-testid="cell">
      <SlaCountdown ticket={makeTicket({ sla })} />
    </div>,
    new FakeDesk(),
    { clock, language },
  );
  const cell = () => screen.getByTestId('cell');
  const state = () => cell().querySelector('[data-sla-state]')?.getAttribute('data-sla-state');
  const tone = () => cell().querySelector('.sla')?.className;
  // The tooltip is written when the pointer reaches the clock.
  const title = () => {
    fireEvent.pointerEnter(cell().querySelector('.sla')!);
    return cell().querySelector('.sla')?.getAttribute('title');
  };
  return { ...rendered, clock, cell, state, tone, title };
}

/** A first response with a two-hour target, due in `dueIn` minutes (warns at 75%: 30 minutes before). */
const firstResponse = (dueIn: number) => slaSnapshot([slaClock('firstResponse', { targetMinutes: 120, dueIn }), slaClock('resolution')]);

describe('SLA countdown', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the time left while the clock runs', () => {
    const { cell, state, tone, title } = countdownFor(firstResponse(90));

    expect(state()).toBe('running');
    expect(tone()).toContain('sla--running');
    expect(cell().textContent).toBe('Time left 1:30:00');
    expect(title()).toMatch(/^First response due /);
  });

  it('turns amber with a "Due soon" label once the rule\'s warning threshold has passed', () => {
    // 95 of 120 minutes used: past 75%, though 25 minutes are still left.
    const { cell, state, tone, title } = countdownFor(firstResponse(25));

    expect(state()).toBe('running');
    expect(tone()).toContain('sla--dueSoon');
    expect(cell().textContent).toBe('Due soon ◔25:00');
    expect(cell().querySelector('.sla__icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(title()).toMatch(/^First response due soon: /);
  });

  it('follows the rule, not a fixed margin: 10 minutes left of a 30-minute target is not yet a warning', () => {
    // 20 of 30 minutes used, under the rule's 75%.
    const { tone, cell } = countdownFor(slaSnapshot([slaClock('firstResponse', { targetMinutes: 30, dueIn: 10 })]));

    expect(tone()).toContain('sla--running');
    expect(cell().textContent).toBe('Time left 10:00');
  });

  it('turns amber when the warning instant passes while the agent watches', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    // Due in 31 minutes of 120: the warning (at 90 minutes used) is one minute away.
    const { clock, cell, tone } = countdownFor(firstResponse(31));
    expect(tone()).toContain('sla--running');

    act(() => {
      clock.advance(60_000);
      vi.advanceTimersByTime(1000);
    });

    expect(tone()).toContain('sla--dueSoon');
    expect(cell().textContent).toBe('Due soon ◔30:00');
  });

  it('shows a breached clock in red with a minus sign and a "Breached" label', () => {
    const { cell, state, tone } = countdownFor(firstResponse(-75));

    expect(state()).toBe('breached');
    expect(tone()).toContain('sla--breached');
    expect(cell().querySelector('.sla__time')?.textContent).toBe('-1:15:00');
    expect(cell().querySelector('.visually-hidden')?.textContent?.trim()).toBe('Breached');
  });

  it('counts down the next reply once the first response is sent, and names it', () => {
    const { cell, title } = countdownFor(
      slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('nextReply', { targetMinutes: 60, dueIn: 40 }), slaClock('resolution')]),
    );

    expect(cell().textContent).toBe('Time left 40:00');
    expect(title()).toMatch(/^Next reply due /);
  });

  it('says "Paused", and why, while the ticket waits on the customer', () => {
    const { cell, state, title } = countdownFor(slaSnapshot([slaClock('firstResponse', { state: 'paused', pausedBy: 'pending' })]));

    expect(state()).toBe('paused');
    expect(cell().textContent).toContain('Paused');
    expect(cell().textContent).not.toMatch(/\d:\d\d/);
    expect(title()).toBe('First response clock paused while waiting on the customer');
  });

  it('names a third party when the resolution clock waits on one', () => {
    const { title } = countdownFor(
      slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { state: 'paused', pausedBy: 'on_hold' })]),
    );

    expect(title()).toBe('Resolution clock paused while waiting on a third party');
  });

  it('says "Met" once every clock has stopped in time', () => {
    const { cell, state, tone } = countdownFor(
      slaSnapshot([slaClock('firstResponse', { state: 'met' }), slaClock('resolution', { state: 'met' })]),
    );

    expect(state()).toBe('met');
    expect(tone()).toContain('sla--met');
    expect(cell().textContent).toContain('Met');
  });

  it('says there is no SLA when no rule matched', () => {
    const { cell, state } = countdownFor(null);

    expect(state()).toBe('none');
    expect(cell().textContent).toBe('—No SLA');
  });

  it('speaks the agent\'s language', () => {
    const { cell } = countdownFor(firstResponse(-1), 'pl');

    expect(cell().textContent).toContain('Przekroczone');
  });
});

describe('shared ticker', () => {
  afterEach(() => vi.useRealTimers());

  it('counts down every second with one interval for all countdowns', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const clock = manualClock(testNow);
    const { unmount } = renderFeature(
      <ul>
        {[5, 10, 15].map((minutes) => (
          <li key={minutes} data-testid="countdown">
            <SlaCountdown ticket={makeTicket({ sla: firstResponse(minutes) })} />
          </li>
        ))}
      </ul>,
      new FakeDesk(),
      { clock },
    );
    const times = () => screen.getAllByTestId('countdown').map((li) => li.querySelector('.sla__time')?.textContent);

    expect(times()).toEqual(['5:00', '10:00', '15:00']);
    expect(setIntervalSpy).toHaveBeenCalledTimes(1);

    act(() => {
      clock.advance(1000);
      vi.advanceTimersByTime(1000);
    });
    expect(times()).toEqual(['4:59', '9:59', '14:59']);

    unmount();
    expect(vi.getTimerCount()).toBe(0); // the last countdown gone, the ticker stops
    setIntervalSpy.mockRestore();
  });
});
