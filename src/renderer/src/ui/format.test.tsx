import { act, screen } from '@testing-library/react';
import { agent, deskWith } from '../testing/fake-desk.js';
import { renderFeature } from '../testing/render.js';
import { useDateTimeFormat } from './format.js';

function At({ iso }: { iso: string }) {
  return <span data-testid="time">{useDateTimeFormat({ timeStyle: 'short', hourCycle: 'h23' })(iso)}</span>;
}

describe('times on screen', () => {
  it('are in the agent’s profile zone, or the zone they picked in Settings, in the language on screen', () => {
    const { services, i18n } = renderFeature(<At iso="2026-11-24T12:00:00Z" />, deskWith({}), { user: { ...agent, timeZone: 'Europe/Riga' } });
    expect(screen.getByTestId('time').textContent).toBe('14:00');

    act(() => services.settings.getState().change({ timeZone: 'Asia/Tokyo' }));
    expect(screen.getByTestId('time').textContent).toBe('21:00');

    act(() => services.settings.getState().change({ timeZone: null }));
    act(() => void i18n.changeLanguage('en'));
    expect(screen.getByTestId('time').textContent).toBe('14:00');
  });
});
