import { act, screen } from '@testing-library/react';
import { FakeDesk, dueIn, makeTicket, testNow } from '../../testing/fake-desk.js';
import { manualClock, renderFeature } from '../../testing/render.js';
import { SlaCountdown } from './SlaCountdown.js';

function countdownFor(overrides: Parameters<typeof makeTicket>[0], language: 'en' | 'pl' = 'en') {
  const clock = manualClock(testNow);
  const rendered = renderFeature(
    <div data-testid="cell">
      <SlaCountdown ticket={makeTicket(overrides)} />
    </div>,
    new FakeDesk(),
    { clock, language },
  );
  const cell = () => screen.getByTestId('cell');
  const state = () => cell().querySelector('[data-sla-state]')?.getAttribute('data-sla-state');
  const tone = () => cell().querySelector('.sla')?.className;
  return { ...rendered, clock, cell, state, tone };
}

describe('SLA countdown', () => {
  it('shows the time left while the clock runs', () => {
    const { cell, state, tone } = countdownFor({ firstResponseDueAt: dueIn(90) });

    expect(state()).toBe('running');
    expect(tone()).toContain('sla--running');
    expect(cell().textContent).toBe('Time left 1:30:00');
  });

  it('turns amber with a "due soon" label under 15 minutes left', () => {
    const { cell, tone } = countdownFor({ firstResponseDueAt: dueIn(14) });

    expect(tone()).toContain('sla--dueSoon');
    expect(cell().textContent).toContain('Due soon');
    expect(cell().textContent).toContain('14:00');
  });

  it('shows a breached clock in red with a minus sign and a "Breached" label', () => {
    const { cell, state, tone } = countdownFor({ firstResponseDueAt: dueIn(-75) });

    expect(state()).toBe('breached');
    expect(tone()).toContain('sla--breached');
    expect(cell().querySelector('.sla__time')?.textContent).toBe('-1:15:00');
    expect(cell().querySelector('.visually-hidden')?.textContent?.trim()).toBe('Breached');
  });

  it('says "Paused" while the ticket waits on the customer', () => {
    const { cell, state } = countdownFor({ status: 'pending', firstResponseDueAt: dueIn(-75) });

    expect(state()).toBe('paused');
    expect(cell().textContent).toContain('Paused');
    expect(cell().textContent).not.toMatch(/\d:\d\d/);
  });

  it('says "Met" once the ticket is solved', () => {
    const { cell, state, tone } = countdownFor({ status: 'solved', firstResponseDueAt: dueIn(-75) });

    expect(state()).toBe('met');
    expect(tone()).toContain('sla--met');
    expect(cell().textContent).toContain('Met');
  });

  it('speaks the agent\'s language', () => {
    const { cell } = countdownFor({ firstResponseDueAt: dueIn(-1) }, 'pl');

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
            <SlaCountdown ticket={makeTicket({ firstResponseDueAt: dueIn(minutes) })} />
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
