import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Tone } from '../../../../shared/alerts/tones.js';
import { deskWith, makeTicket } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { memoryStorage, renderApp } from '../../testing/render.js';
import type { AlertOutput } from '../escalation/alert-output.js';

/** jsdom has no matchMedia: a system colour scheme the test switches. */
function fakeSystemScheme(light: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return light;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  window.matchMedia = (() => query) as unknown as typeof window.matchMedia;
  return (next: boolean) => {
    light = next;
    for (const listener of listeners) listener();
  };
}

function silentOutput(played: Tone[]): AlertOutput {
  return {
    player: { play: (tone) => played.push(tone) },
    nativeShell: false,
    permission: () => 'unsupported',
    requestPermission: async () => 'unsupported',
    focused: () => true,
    notify: () => undefined,
  };
}

async function openSettings() {
  fireEvent.click(await screen.findByRole('button', { name: /Settings/ }));
  return screen.getByTestId('settings-dialog');
}

describe('settings dialog', () => {
  beforeAll(fakeModalDialogs);
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
    delete document.documentElement.dataset['theme'];
    delete document.documentElement.dataset['density'];
  });

  it('follows the system theme live until the agent picks one, and applies density at once', async () => {
    const switchSystem = fakeSystemScheme(false);
    const storage = memoryStorage();
    renderApp(deskWith({ tickets: [makeTicket()] }), { storage });
    const dialog = await openSettings();
    const root = document.documentElement;
    expect(root.dataset['theme']).toBe('dark');
    expect(within(dialog).getByText(/The system asks for dark now/)).toBeTruthy();

    act(() => switchSystem(true));
    expect(root.dataset['theme']).toBe('light');

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    expect(root.dataset['theme']).toBe('dark');
    act(() => switchSystem(false));
    act(() => switchSystem(true));
    expect(root.dataset['theme']).toBe('dark');

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Compact' }));
    expect(root.dataset['density']).toBe('compact');
    expect(JSON.parse(storage.getItem('shiftdesk.settings.user-ada')!)).toMatchObject({ theme: 'dark', density: 'compact' });
  });

  it('opens with Ctrl+, and closes with its close button', async () => {
    renderApp(deskWith({ tickets: [makeTicket()] }));
    await screen.findByRole('button', { name: /Settings/ });
    fireEvent.keyDown(document.body, { key: ',', ctrlKey: true });
    const dialog = screen.getByTestId('settings-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close settings' }));
    expect(screen.queryByTestId('settings-dialog')).toBeNull();
  });

  it('plays a test sound at the chosen volume, and none with escalation sounds off', async () => {
    const played: Tone[] = [];
    renderApp(deskWith({ tickets: [makeTicket()] }), { alertOutput: silentOutput(played) });
    const dialog = await openSettings();
    fireEvent.change(within(dialog).getByLabelText('Volume'), { target: { value: '40' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Test sound' }));
    expect(played).toHaveLength(1);
    expect(played[0]).toMatchObject({ family: 'escalation' });
    expect(played[0]!.gain).toBeCloseTo(0.35 * 0.4);

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Escalation sounds' }));
    expect((within(dialog).getByRole('button', { name: 'Test sound' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers the profile’s zone first, and any other zone', async () => {
    renderApp(deskWith({ tickets: [makeTicket()] }));
    const dialog = await openSettings();
    const zone = within(dialog).getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe('');
    expect(zone.options[0]!.textContent).toBe('My profile’s (Europe/Riga)');
    fireEvent.change(zone, { target: { value: 'Asia/Tokyo' } });
    expect(zone.value).toBe('Asia/Tokyo');
  });
});
