import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { agent, deskWith, makeRefused, makeTicket } from '../testing/fake-desk.js';
import { fakeModalDialogs } from '../testing/modal-dialog.js';
import { memoryStorage, renderApp } from '../testing/render.js';
import { languageBeforeSignIn, languageForUser } from './language.js';

describe('app shell', () => {
  beforeAll(fakeModalDialogs);

  it('shows the product, the agent and a connection pill that follows connection.changed', async () => {
    const desk = deskWith({ tickets: [makeTicket()] });
    renderApp(desk);

    expect(await screen.findByText('Signed in as Ada Night')).toBeTruthy();
    expect(screen.getByText('Shiftdesk')).toBeTruthy();
    const pill = screen.getByTestId('connection-status');
    await waitFor(() => expect(pill.dataset.status).toBe('online'));
    expect(pill.textContent).toContain('Online');

    act(() => desk.emit('connection.changed', { status: 'offline', serverUrl: 'https://desk.example.test', lastSyncedAt: null }));
    expect(pill.dataset.status).toBe('offline');
    expect(pill.textContent).toContain('Offline');

    act(() => desk.emit('connection.changed', { status: 'connecting', serverUrl: 'https://desk.example.test', lastSyncedAt: null }));
    expect(pill.textContent).toContain('Connecting…');
  });

  it('puts the sync banner and the refused changes at the top of the workspace', async () => {
    const ticket = makeTicket({ number: 1042 });
    const desk = deskWith({ tickets: [ticket], outbox: { waiting: 2, refused: [makeRefused({ ticketId: ticket.id })] } });
    renderApp(desk);
    const workspace = await screen.findByRole('group', { name: 'Queue and ticket' });

    const banner = await within(workspace).findByTestId('sync-banner');
    expect(banner.dataset.state).toBe('sending');
    act(() => desk.setConnection('offline'));
    expect(banner.dataset.state).toBe('offline');
    expect(banner.textContent).toContain('2 changes waiting to be sent.');
    // Ticket numbers come from the queue the workspace already follows.
    await waitFor(() => expect(within(workspace).getByTestId('refused-changes').textContent).toContain('Status of #1042 to Solved'));
    expect(workspace.firstElementChild?.contains(banner)).toBe(true);
  });

  it("switches to the agent's language after sign-in and sets the page's lang", async () => {
    const desk = deskWith({ user: { ...agent, locale: 'ru' }, tickets: [makeTicket()] });
    renderApp(desk, { language: 'en' });

    expect(await screen.findByRole('button', { name: 'Выйти' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
  });

  it('switches language in Settings and remembers the choice for this agent', async () => {
    const storage = memoryStorage();
    renderApp(deskWith({ tickets: [makeTicket()] }), { storage });
    await screen.findByText('Signed in as Ada Night');

    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(within(screen.getByTestId('settings-dialog')).getByLabelText('Language'), { target: { value: 'pl' } });

    expect(await screen.findByRole('button', { name: 'Wyloguj się' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('pl');
    expect(languageForUser(storage, agent)).toBe('pl');
    expect(languageBeforeSignIn(storage, ['en-US'])).toBe('pl');
  });

  it('signs out back to the login screen and stops following the queue', async () => {
    const desk = deskWith({ tickets: [makeTicket()] });
    renderApp(desk);

    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByLabelText('Password')).toBeTruthy();
    expect(screen.queryByTestId('connection-status')).toBeNull();
    expect(desk.listenerCount('tickets.changed')).toBe(0);
  });

  it('follows session.changed when the core signs the agent out', async () => {
    const desk = deskWith({ tickets: [makeTicket()] });
    renderApp(desk);
    await screen.findByText('Signed in as Ada Night');

    act(() => desk.emit('session.changed', { user: null, serverUrl: 'https://desk.example.test' }));

    expect(await screen.findByLabelText('Email')).toBeTruthy();
  });
});

describe('remembered language', () => {
  it('before sign-in uses the last language, else the system language, else English', () => {
    expect(languageBeforeSignIn(memoryStorage({ 'shiftdesk.language': 'lv' }), ['pl-PL'])).toBe('lv');
    expect(languageBeforeSignIn(memoryStorage(), ['de-DE', 'ru-RU'])).toBe('ru');
    expect(languageBeforeSignIn(memoryStorage(), ['de-DE'])).toBe('en');
    expect(languageBeforeSignIn(memoryStorage({ 'shiftdesk.language': 'xx' }), [])).toBe('en');
  });

  it("after sign-in prefers the agent's own choice over the profile locale", () => {
    expect(languageForUser(memoryStorage(), { id: 'u1', locale: 'lv' })).toBe('lv');
    expect(languageForUser(memoryStorage({ 'shiftdesk.language.u1': 'pl' }), { id: 'u1', locale: 'lv' })).toBe('pl');
    expect(languageForUser(memoryStorage({ 'shiftdesk.language.u2': 'pl' }), { id: 'u1', locale: 'lv' })).toBe('lv');
  });
});
