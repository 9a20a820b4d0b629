import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { User } from '../../../../shared/domain/people.js';
import type { WallboardSnapshot } from '../../../../shared/wallboard/snapshot.js';
import { agent, FakeDesk, settle, testNow } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { manualClock, renderFeature } from '../../testing/render.js';
import { WallboardButton } from './WallboardButton.js';
import { WallboardHost } from './WallboardHost.js';
import { wallboardOpening } from './wallboard-store.js';

beforeAll(fakeModalDialogs);
afterEach(() => {
  act(() => wallboardOpening.getState().hide());
  vi.useRealTimers();
});

const supervisor: User = { ...agent, id: 'user-ewa', name: 'Ewa Wiśniewska', role: 'supervisor', timeZone: 'Europe/Warsaw', queueIds: [] };
const minutesAgo = (n: number) => new Date(testNow - n * 60_000).toISOString();

function snapshot(overrides: Partial<WallboardSnapshot> = {}): WallboardSnapshot {
  return {
    computedAt: new Date(testNow).toISOString(),
    queues: [
      { queueId: 'general', name: 'General', tier: 1, waiting: 7, unassigned: 2, atRisk: 3, breached: 1, oldestWaiting: { ticketNumber: 1042, since: minutesAgo(95) } },
      { queueId: 'network', name: 'Network', tier: 2, waiting: 0, unassigned: 0, atRisk: 0, breached: 0, oldestWaiting: null },
    ],
    agents: [
      { id: 'u1', name: 'Marta Nowak', tier: 1, status: 'online', shiftEndsAt: null, tickets: 2, channels: [{ channel: 'chat', load: 2, capacity: 2 }], utilisation: 1 },
      { id: 'u2', name: 'Jānis Bērziņš', tier: 1, status: 'away', shiftEndsAt: null, tickets: 1, channels: [{ channel: 'email', load: 1, capacity: 4 }], utilisation: 0.25 },
    ],
    escalations: [
      { id: 'e1', ticketNumber: 1043, ticketSubject: 'Router down', priority: 'critical', toTier: 2, toQueueName: 'Network', state: 'paging', paged: ['Piotr'], escalatedAt: minutesAgo(12) },
      { id: 'e2', ticketNumber: 1044, ticketSubject: 'Data loss', priority: 'high', toTier: 3, toQueueName: 'Platform', state: 'exhausted', paged: [], escalatedAt: minutesAgo(40) },
    ],
    escalationCount: 2,
    handoffs: [],
    handoffCount: 0,
    expectedBreaches: {
      total: [1, 2, 5],
      byTier: [
        { tier: 1, counts: [1, 2, 4] },
        { tier: 2, counts: [0, 0, 1] },
        { tier: 3, counts: [0, 0, 0] },
      ],
      byChannel: [{ channel: 'email', counts: [1, 2, 5] }],
      byPriority: [{ priority: 'high', counts: [1, 2, 5] }],
    },
    today: { timeZone: 'Europe/Warsaw', since: minutesAgo(180), firstResponseMet: 9, firstResponseBreached: 1, medianFirstResponseMinutes: 14, csatAnswers: 4, csatSatisfied: 3 },
    ...overrides,
  };
}

function wallboardDesk(first: WallboardSnapshot | null = snapshot()) {
  return new FakeDesk({
    'wallboard.get': async () => first,
    'wallboard.leave': async () => ({}),
    'connection.get': async () => ({ status: 'online', serverUrl: 'https://desk.example.test', lastSyncedAt: null }),
  });
}

function open(desk: FakeDesk, options: { language?: 'en' | 'pl'; user?: User } = {}) {
  const rendered = renderFeature(<WallboardHost />, desk, { user: options.user ?? supervisor, language: options.language, clock: manualClock(testNow) });
  act(() => wallboardOpening.getState().show());
  return rendered;
}

const cell = (queueId: string, figure: string) => screen.getAllByTestId('wallboard-queue').find((row) => row.dataset.queueId === queueId)!.querySelector(`[data-figure="${figure}"]`)!;

describe('the wallboard', () => {
  it("shows the server's figures, today counted in the supervisor's time zone, never by colour alone", async () => {
    const desk = wallboardDesk();
    open(desk);
    await screen.findByTestId('wallboard-queues');
    expect(desk.callsOf('wallboard.get')).toEqual([{ timeZone: 'Europe/Warsaw' }]);
    expect(cell('general', 'waiting').textContent).toContain('7');
    // The mark and the words say it as well as the colour.
    expect(cell('general', 'atRisk').textContent).toContain('◔3 at risk');
    expect(cell('general', 'breached').textContent).toContain('!1 breached');
    expect(cell('network', 'breached').textContent).toMatch(/^0$/);
    expect(screen.getByTestId('wallboard-queues').textContent).toContain('#1042, 1 hr 35 min');
    const agents = screen.getAllByTestId('wallboard-agent');
    expect(agents[0]!.textContent).toBe('Marta Nowak● Onlinein no rotation2 tickets■ FullChat 2 of 2');
    expect(agents[1]!.textContent).toBe('Jānis Bērziņš◐ Awayin no rotation1 ticket25% of capacityEmail 1 of 4');
    expect(screen.getByTestId('wallboard-escalation-count').textContent).toContain('2 escalations not acknowledged');
    expect(screen.getByTestId('wallboard-attention').textContent).toContain('Nobody took it — a supervisor must');
    expect(screen.getByTestId('wallboard-kpi-first-response').textContent).toContain('90%');
    expect(screen.getByTestId('wallboard-kpi-median').textContent).toContain('14 min');
    expect(screen.getByTestId('wallboard-kpi-csat').textContent).toContain('75%Satisfaction (CSAT)4 answers, 3 satisfied');
    expect(screen.getAllByTestId('wallboard-breach-window').map((tile) => tile.textContent)).toEqual(['◔1 at riskwithin 15 min', '◔2 at riskwithin 30 min', '◔5 at riskwithin 60 min']);
  });

  it('takes each pushed snapshot without asking again', async () => {
    const desk = wallboardDesk();
    open(desk);
    await screen.findByTestId('wallboard-queues');
    const [general, network] = snapshot().queues;
    act(() => desk.emit('wallboard.changed', snapshot({ queues: [{ ...general!, waiting: 8 }, network!] })));
    expect(cell('general', 'waiting').textContent).toContain('8');
    expect(desk.callsOf('wallboard.get')).toHaveLength(1);
  });

  it('says when it has nothing yet because the server is out of reach, then shows the first push', async () => {
    const desk = wallboardDesk(null);
    open(desk);
    expect(await screen.findByText('Offline: the wallboard shows figures once the server answers.')).not.toBeNull();
    act(() => desk.emit('wallboard.changed', snapshot()));
    expect(await screen.findByTestId('wallboard-queues')).not.toBeNull();
  });

  it('speaks Polish with its plural forms', async () => {
    const desk = wallboardDesk(snapshot({ escalationCount: 5, handoffCount: 2, handoffs: [] }));
    open(desk, { language: 'pl' });
    expect((await screen.findByTestId('wallboard-escalation-count')).textContent).toContain('5 eskalacji bez potwierdzenia');
    expect(screen.getByTestId('wallboard-handoff-count').textContent).toContain('2 przekazania zmiany bez potwierdzenia');
    expect(screen.getAllByTestId('wallboard-agent')[1]!.textContent).toContain('1 zgłoszenie');
  });

  it('in kiosk mode shows one panel at a time and turns to the next every few seconds; a key pauses, Space goes on, Esc leaves kiosk mode', async () => {
    const desk = wallboardDesk();
    open(desk);
    await screen.findByTestId('wallboard-queues');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(screen.getByTestId('wallboard-kiosk'));
    const position = screen.getByTestId('wallboard-position');
    expect(position.textContent).toContain('Panel 1 of 5');
    expect(screen.getByTestId('wallboard-queues')).not.toBeNull();
    expect(screen.queryByTestId('wallboard-today')).toBeNull();

    act(() => vi.advanceTimersByTime(15_000));
    expect(position.textContent).toContain('Panel 2 of 5');
    expect(screen.getByTestId('wallboard-today')).not.toBeNull();
    expect(screen.queryByTestId('wallboard-queues')).toBeNull();

    const dialog = screen.getByTestId('wallboard');
    fireEvent.keyDown(dialog, { key: 'p' });
    expect(position.textContent).toContain('Paused');
    act(() => vi.advanceTimersByTime(60_000));
    expect(position.textContent).toContain('Panel 2 of 5');
    fireEvent.keyDown(dialog, { key: ' ' });
    expect(position.textContent).not.toContain('Paused');
    fireEvent.keyDown(dialog, { key: 'ArrowLeft' });
    expect(position.textContent).toContain('Panel 1 of 5');

    // The rotation's pace is the supervisor's to choose, and kept for next time.
    fireEvent.change(screen.getByLabelText('Next panel every'), { target: { value: '30' } });
    act(() => vi.advanceTimersByTime(15_000));
    expect(position.textContent).toContain('Panel 1 of 5');
    act(() => vi.advanceTimersByTime(15_000));
    expect(position.textContent).toContain('Panel 2 of 5');

    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.queryByTestId('wallboard-position')).toBeNull();
    expect(screen.getByTestId('wallboard-kiosk').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('wallboard').hasAttribute('open')).toBe(true);
  });

  it('stops the pushes when it closes', async () => {
    const desk = wallboardDesk();
    open(desk);
    await screen.findByTestId('wallboard-queues');
    fireEvent.click(within(screen.getByTestId('wallboard')).getByRole('button', { name: /Close the wallboard/ }));
    await settle();
    expect(screen.queryByTestId('wallboard')).toBeNull();
    expect(desk.callsOf('wallboard.leave')).toHaveLength(1);
  });
});

describe('opening the wallboard', () => {
  it('is offered to supervisors, not agents, and Alt+Shift+W opens it anywhere', async () => {
    const agentView = renderFeature(<WallboardButton />, wallboardDesk(), { user: agent });
    expect(screen.queryByTestId('wallboard-button')).toBeNull();
    agentView.unmount();

    renderFeature(
      <>
        <WallboardButton />
        <WallboardHost />
      </>,
      wallboardDesk(),
      { user: supervisor },
    );
    expect(screen.getByTestId('wallboard-button').getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+W');
    fireEvent.keyDown(document.body, { key: 'W', code: 'KeyW', altKey: true, shiftKey: true });
    expect((await screen.findByTestId('wallboard')).hasAttribute('open')).toBe(true);
    fireEvent.keyDown(document.body, { key: 'W', code: 'KeyW', altKey: true, shiftKey: true });
    await waitFor(() => expect(screen.queryByTestId('wallboard')).toBeNull());
  });

  it('opens in kiosk mode from the address #wallboard/kiosk, for a TV', async () => {
    window.location.hash = '#wallboard/kiosk';
    renderFeature(<WallboardHost />, wallboardDesk(), { user: supervisor });
    expect((await screen.findByTestId('wallboard')).getAttribute('data-kiosk')).toBe('true');
    fireEvent.click(within(screen.getByTestId('wallboard')).getByRole('button', { name: /Close the wallboard/ }));
    expect(window.location.hash).toBe('');
  });
});
