import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Alert, RungAlert } from '../../../../shared/alerts/alert.js';
import { toneFor } from '../../../../shared/alerts/tones.js';
import { agent, deskWith, makeTicket, settle, testNow } from '../../testing/fake-desk.js';
import { onShiftStatus, recordingOutput } from '../../testing/fake-escalations.js';
import { renderApp, renderFeature } from '../../testing/render.js';
import { AlertsButton } from './AlertsButton.js';
import { AlertToasts } from './AlertToasts.js';

const at = (minutes: number) => new Date(testNow + minutes * 60_000).toISOString();

const acknowledged: Alert = {
  id: 'acknowledged:0c6a1d2e-1111-4c4c-8c8c-2d2d2d2d2d2d',
  kind: 'acknowledged',
  at: at(-90),
  ticketId: '7b0f2d55-8f8e-4f57-9a53-0d6c1c8d1f3a',
  ticketNumber: 1042,
  ticketSubject: 'VPN drops every 10 minutes',
  priority: 'high',
  channel: 'chat',
  customerTier: 'premium',
  escalationId: '0c6a1d2e-1111-4c4c-8c8c-2d2d2d2d2d2d',
  actor: 'Piotr Zieliński',
  reason: null,
};
const newTicket: Alert = { ...acknowledged, id: 'newTicket:1', kind: 'newTicket', ticketNumber: 2001, ticketSubject: 'Printer offline', priority: 'medium', channel: 'email', escalationId: null, actor: 'Ilze Kalniņa', at: at(-30) };
const rung = (alert: Alert, change: Partial<RungAlert> = {}): RungAlert => ({ ...alert, sound: { family: 'notice', priority: alert.priority, channel: alert.channel }, repeat: false, ...change });

const offShift = { ...onShiftStatus, duty: { ...onShiftStatus.duty, onShift: false }, quiet: ['offShift' as const], nextChangeAt: at(11 * 60) };

describe('alerts and quiet hours', () => {
  it('the top bar says "Quiet" during quiet hours, and counts what was held back', async () => {
    renderApp(deskWith({ tickets: [makeTicket()], alertStatus: { ...offShift, held: [acknowledged, newTicket] } }));
    const button = await screen.findByTestId('alerts-button');
    await waitFor(() => expect(button.textContent).toContain('Quiet'));
    expect(button.closest('header')?.className).toBe('top-bar');
    expect(screen.getByTestId('alerts-held').textContent).toBe('2');
    expect(button.textContent).toContain('2 alerts held during quiet hours');
  });

  it('opens on the digest by itself when quiet hours end, without taking the keyboard; read, it empties', async () => {
    const desk = deskWith({ alertStatus: { ...offShift, held: [acknowledged, newTicket] } });
    const { services } = renderFeature(<AlertsButton />, desk, { user: agent });
    const button = await screen.findByTestId('alerts-button');
    await waitFor(() => expect(button.textContent).toContain('Quiet'));
    expect(screen.queryByTestId('alerts-panel')).toBeNull();
    button.focus();

    // 15:00: the shift starts; the alerter says the digest is due.
    act(() => desk.setAlertStatus({ ...onShiftStatus, held: [acknowledged, newTicket], digestDue: true }));
    const panel = await screen.findByTestId('alerts-panel');
    expect(document.activeElement).toBe(button);
    expect(screen.getByText('Welcome back: 2 alerts were held during quiet hours. See Alerts.')).toBeTruthy();
    const held = within(panel).getAllByTestId('held-alert');
    // 00:30 UTC is 02:30 in Riga.
    expect(held[0]!.textContent).toContain('2:30 AM #1042 acknowledged by Piotr Zieliński');
    expect(held[1]!.textContent).toContain('New ticket #2001 · Medium');

    fireEvent.focus(within(held[1]!).getByRole('button'));
    fireEvent.click(within(held[1]!).getByRole('button'));
    expect(services.ticketPane.getState().openId).toBe(newTicket.ticketId);

    fireEvent.click(within(panel).getByRole('button', { name: 'Mark as read' }));
    await act(settle);
    expect(desk.callsOf('alerts.dismissDigest')).toEqual([{ ids: [acknowledged.id, newTicket.id] }]);
    expect(within(panel).getByText('Nothing held back.')).toBeTruthy();
  });

  it('says why it is quiet, and until when, in the agent’s language', async () => {
    const desk = deskWith({ alertStatus: { ...offShift, duty: { ...offShift.duty, away: true }, quiet: ['offShift', 'away'] } });
    renderFeature(<AlertsButton />, desk, { user: agent, language: 'pl' });
    fireEvent.click(await screen.findByTestId('alerts-button'));
    await waitFor(() => expect(screen.getByTestId('alerts-now').textContent).toContain('Godziny ciszy'));
    expect(screen.getByTestId('alerts-now').textContent).toContain('Powód: nie masz zmiany ani dyżuru i masz status „nieobecny”.');
    // 13:00 UTC is 15:00 in Riga.
    expect(screen.getByTestId('alerts-now').textContent).toMatch(/Następna zmiana: 10 mar 2025, 15:00/);
  });

  it('the agent’s settings go to the core; ticket sounds are off until she turns them on', async () => {
    const desk = deskWith({});
    renderFeature(<AlertsButton />, desk, { user: agent });
    fireEvent.click(await screen.findByTestId('alerts-button'));
    const sounds = (await screen.findByRole('checkbox', { name: 'Sounds for new tickets and customer replies' })) as HTMLInputElement;
    expect(sounds.checked).toBe(false);
    expect(screen.getByText('Escalation sounds and the volume are in Settings.').id).toBe(sounds.getAttribute('aria-describedby'));
    fireEvent.click(sounds);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Also quiet every day' }));
    await act(settle);
    // The first tells the core the console's language (see below).
    expect(desk.callsOf('alerts.configure')).toEqual([{ locale: 'en' }, { nonEscalationSounds: true }, { quietWindow: { from: '22:00', to: '07:00' } }]);
    expect((screen.getByLabelText('From') as HTMLInputElement).disabled).toBe(false);
  });

  it('Escape closes the panel and gives the keyboard back to the button', async () => {
    renderFeature(<AlertsButton />, deskWith({}), { user: agent });
    const button = await screen.findByTestId('alerts-button');
    fireEvent.click(button);
    const panel = await screen.findByTestId('alerts-panel');
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Alerts and quiet hours' }));
    fireEvent.keyDown(within(panel).getByRole('heading', { name: 'Alerts and quiet hours' }), { key: 'Escape' });
    expect(screen.queryByTestId('alerts-panel')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('tells the core the console’s language, for the desktop notifications', async () => {
    const desk = deskWith({});
    renderFeature(<AlertsButton />, desk, { user: agent, language: 'lv' });
    await waitFor(() => expect(desk.callsOf('alerts.configure')).toEqual([{ locale: 'lv' }]));
  });
});

describe('when something rings', () => {
  function ringing(options: Parameters<typeof recordingOutput>[0] = {}) {
    const recording = recordingOutput(options);
    const desk = deskWith({});
    const rendered = renderFeature(
      <>
        <AlertsButton />
        <AlertToasts />
      </>,
      desk,
      { user: agent, alertOutput: recording.output },
    );
    return { desk, ...recording, ...rendered };
  }
  const page = rung({ ...acknowledged, id: 'page:e:1', kind: 'page', priority: 'critical', reason: 'Office offline', actor: 'Marta Nowak' }, { sound: { family: 'escalation', priority: 'critical', channel: 'chat' } });

  it('plays the most urgent tone once, and shows news in the console when the browser may not notify', async () => {
    const { desk, played, notified } = ringing({ permission: 'default' });
    await waitFor(() => expect(desk.listenerCount('alerts.ring')).toBe(1));
    act(() => desk.ring({ alerts: [rung(newTicket), page], locale: 'en' }));

    expect(played).toEqual([toneFor({ family: 'escalation', priority: 'critical', channel: 'chat' })]);
    expect(notified).toEqual([]);
    // The page has its card; only the new ticket becomes a notice.
    const toasts = screen.getAllByTestId('alert-toast');
    expect(toasts.map((toast) => toast.textContent)).toEqual([expect.stringContaining('New ticket #2001 · Medium')]);
    fireEvent.keyDown(toasts[0]!, { key: 'Escape' });
    expect(screen.queryByTestId('alert-toast')).toBeNull();
  });

  it('uses desktop notifications when allowed and the agent is elsewhere', async () => {
    const { desk, notified } = ringing({ permission: 'granted', focused: false });
    await waitFor(() => expect(desk.listenerCount('alerts.ring')).toBe(1));
    act(() => desk.ring({ alerts: [page, rung(newTicket, { sound: null })], locale: 'pl' }));
    expect(notified).toEqual([
      { id: 'page:e:1', title: 'Eskalacja #1042 · Krytyczny', body: 'VPN drops every 10 minutes\nMarta Nowak: Office offline' },
      { id: 'newTicket:1', title: 'Nowe zgłoszenie #2001 · Średni', body: 'Printer offline' },
    ]);
    expect(screen.queryByTestId('alert-toast')).toBeNull();
  });

  it('in the desktop app leaves notifications to the shell and only plays the tone', async () => {
    const { desk, played, notified } = ringing({ nativeShell: true, permission: 'native' });
    await waitFor(() => expect(desk.listenerCount('alerts.ring')).toBe(1));
    act(() => desk.ring({ alerts: [rung(newTicket)], locale: 'en' }));
    expect(played).toHaveLength(1);
    expect(notified).toEqual([]);
    expect(screen.queryByTestId('alert-toast')).toBeNull();
  });

  it('a silenced notice makes no sound', async () => {
    const { desk, played } = ringing();
    await waitFor(() => expect(desk.listenerCount('alerts.ring')).toBe(1));
    act(() => desk.ring({ alerts: [rung(newTicket, { sound: null })], locale: 'en' }));
    expect(played).toEqual([]);
    expect(screen.getAllByTestId('alert-toast')).toHaveLength(1);
  });

  it('asks the browser for desktop notifications from a click, and plays a sample tone', async () => {
    const { played } = ringing({ permission: 'default' });
    fireEvent.click(await screen.findByTestId('alerts-button'));
    fireEvent.click(await screen.findByRole('button', { name: 'Allow' }));
    await act(settle);
    expect(screen.getByText('on')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'phone' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play page tone' }));
    expect(played).toEqual([toneFor({ family: 'escalation', priority: 'critical', channel: 'phone' })]);
  });
});
