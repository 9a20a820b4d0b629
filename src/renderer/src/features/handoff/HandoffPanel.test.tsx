import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createI18n } from '../../i18n.js';
import { agent, deskWith, makeHandoff, makeTicket, settle } from '../../testing/fake-desk.js';
import { renderApp, renderFeature } from '../../testing/render.js';
import { HandoffButton } from './HandoffButton.js';

const ewa = { agentId: 'user-ewa', agentName: 'Ewa Wiśniewska', at: '2025-03-10T01:40:00.000Z' };
const janis = { agentId: 'user-janis', agentName: 'Jānis Bērziņš', at: '2025-03-10T01:45:00.000Z' };

/** The night as the morning agent finds it: two notes to read, one already read, one of their own. */
function night() {
  return [
    makeHandoff({ queueId: null, authorId: 'user-ewa', authorName: 'Ewa Wiśniewska', body: 'Whole desk: portal maintenance 22:00–23:00.', createdAt: '2025-03-10T01:50:00.000Z' }),
    makeHandoff({ queueId: 'q-tier2', body: 'VPN concentrator in Riga flapped 23:10–00:40; vendor answers by 9:00.', createdAt: '2025-03-10T01:30:00.000Z', acknowledgements: [ewa, janis] }),
    makeHandoff({ body: 'Refund batch approved.', createdAt: '2025-03-10T01:00:00.000Z', acknowledgements: [{ agentId: agent.id, agentName: agent.name, at: '2025-03-10T01:05:00.000Z' }] }),
    makeHandoff({ authorId: agent.id, authorName: agent.name, body: 'My own note from yesterday.', createdAt: '2025-03-09T18:00:00.000Z' }),
  ];
}

function panelWith(options: Parameters<typeof deskWith>[0] = {}, language: 'en' | 'pl' | 'ru' | 'lv' = 'en') {
  const desk = deskWith({ handoffs: night(), ...options });
  const rendered = renderFeature(<HandoffButton />, desk, { user: agent, language });
  return { desk, ...rendered };
}

const handoffButton = () => screen.getByTestId('handoff-button');
const notes = () => within(screen.getByTestId('handoff-panel')).getAllByTestId('handoff-note');

async function openPanel() {
  await waitFor(() => expect(screen.getByTestId('handoff-badge')).toBeTruthy());
  fireEvent.click(handoffButton());
  // The notes' "sending" marks follow the connection, which the panel reads as it opens.
  await act(settle);
  return screen.getByTestId('handoff-panel');
}

describe('shift handoff', () => {
  it('is a button in the top bar with a count of colleagues’ notes the agent has not acknowledged', async () => {
    renderApp(deskWith({ tickets: [makeTicket()], handoffs: night() }));
    const button = await screen.findByRole('button', { name: /^Handoff/ });
    expect(button.closest('header')?.className).toBe('top-bar');
    await waitFor(() => expect(screen.getByTestId('handoff-badge').textContent).toBe('2'));
    expect(button.textContent).toContain('2 notes from colleagues not acknowledged');
  });

  it('opens from the keyboard with the focus on its heading; Escape closes it and gives the focus back', async () => {
    panelWith();
    await waitFor(() => expect(screen.getByTestId('handoff-badge')).toBeTruthy());
    const button = handoffButton() as HTMLButtonElement;
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('aria-expanded')).toBe('false');

    button.focus();
    fireEvent.click(button);
    await act(settle);
    const panel = screen.getByRole('region', { name: 'Shift handoff' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(panel.id);
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Shift handoff' }));

    // Escape from inside the form closes it too.
    fireEvent.keyDown(within(panel).getByRole('textbox', { name: 'Handoff note' }), { key: 'Escape' });
    expect(screen.queryByTestId('handoff-panel')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(button);
    await act(settle);
    fireEvent.click(screen.getByRole('button', { name: 'Close shift handoff' }));
    expect(screen.queryByTestId('handoff-panel')).toBeNull();
  });

  it('lists the notes newest first: author, queue or whole desk, time in the agent’s zone, and who acknowledged', async () => {
    await (panelWith(), openPanel());
    await waitFor(() => expect(notes()).toHaveLength(4));
    const [desk, network, refund, mine] = notes() as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    expect(desk.textContent).toContain('Ewa Wiśniewska');
    expect(desk.textContent).toContain('Whole desk');
    // 01:50 UTC is 03:50 in Riga, where the agent works.
    expect(within(desk).getByText(/3:50/).getAttribute('datetime')).toBe('2025-03-10T01:50:00.000Z');
    expect(desk.textContent).toContain('Not acknowledged yet');
    expect(network.textContent).toContain('Tier 2 engineering');
    expect(network.textContent).toContain('Acknowledged by Ewa Wiśniewska and Jānis Bērziņš');
    expect(refund.textContent).toContain('Acknowledged by Ada Night');
    expect(screen.getByRole('region', { name: 'Shift handoff' }).textContent).toContain('Notes · 4 notes');

    // Only colleagues’ unread notes can be acknowledged.
    expect(within(desk).getByRole('button', { name: 'Acknowledge the note by Ewa Wiśniewska' })).toBeTruthy();
    expect(within(network).getByRole('button', { name: 'Acknowledge the note by Olga Smirnova' })).toBeTruthy();
    expect(within(refund).queryByRole('button')).toBeNull();
    expect(within(mine).queryByRole('button')).toBeNull();
  });

  it('acknowledges a colleague’s note at once, and the badge counts down', async () => {
    const { desk } = panelWith();
    await openPanel();
    await waitFor(() => expect(screen.getByTestId('handoff-badge').textContent).toBe('2'));

    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge the note by Ewa Wiśniewska' }));
    await waitFor(() => expect(screen.getByTestId('handoff-badge').textContent).toBe('1'));
    expect(desk.callsOf('handoffs.acknowledge')).toEqual([{ id: desk.handoffs[0]!.id }]);
    const [first] = notes() as [HTMLElement];
    expect(first.textContent).toContain('Acknowledged by Ada Night');
    expect(first.textContent).toContain('Your acknowledgement is not sent yet');
    expect(within(first).queryByRole('button')).toBeNull();
    // The keyboard stays on the note it was on.
    expect(document.activeElement).toBe(first);

    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge the note by Olga Smirnova' }));
    await waitFor(() => expect(screen.queryByTestId('handoff-badge')).toBeNull());
    expect(handoffButton().textContent).toBe('Handoff');
  });

  it('writes a note for one of the agent’s queues or the whole desk, shown at once as waiting to send while offline', async () => {
    const { desk } = panelWith({ connection: 'offline' });
    const panel = await openPanel();
    const picker = within(panel).getByRole('combobox', { name: 'For' }) as HTMLSelectElement;
    await waitFor(() => expect([...picker.options].map((option) => option.text)).toEqual(['Whole desk', 'Tier 1 support', 'Tier 2 engineering']));
    expect(picker.value).toBe('');
    const box = within(panel).getByRole('textbox', { name: 'Handoff note' }) as HTMLTextAreaElement;
    const leave = within(panel).getByRole('button', { name: 'Leave note' }) as HTMLButtonElement;
    expect(leave.disabled).toBe(true);

    fireEvent.change(picker, { target: { value: 'q-tier2' } });
    fireEvent.change(box, { target: { value: '  Router in Riga rebooted at 05:10; watch the VPN graphs.  ' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(box.value).toBe(''));
    expect(desk.callsOf('handoffs.write')).toEqual([{ queueId: 'q-tier2', body: 'Router in Riga rebooted at 05:10; watch the VPN graphs.' }]);
    await waitFor(() => expect(notes()).toHaveLength(5));
    const [written] = notes() as [HTMLElement];
    expect(written.textContent).toContain('Router in Riga rebooted');
    expect(written.textContent).toContain('Tier 2 engineering');
    expect(written.dataset.pending).toBe('waiting');
    expect(within(written).getByTestId('handoff-pending').textContent).toContain('Waiting to send');
    // The next note goes to the same audience unless the agent changes it.
    expect(picker.value).toBe('q-tier2');

    act(() => desk.setConnection('online'));
    expect(written.dataset.pending).toBe('sending');
    act(() => desk.confirmAll());
    await waitFor(() => expect((notes()[0] as HTMLElement).dataset.pending).toBeUndefined());

    fireEvent.change(picker, { target: { value: '' } });
    fireEvent.change(box, { target: { value: 'Whole desk: fire drill at 11:00.' } });
    fireEvent.click(leave);
    await waitFor(() => expect(desk.callsOf('handoffs.write')).toHaveLength(2));
    expect(desk.callsOf('handoffs.write')[1]).toEqual({ queueId: null, body: 'Whole desk: fire drill at 11:00.' });
  });

  it('keeps a half-written note when the panel closes, and says so when the core cannot take it', async () => {
    const { desk } = panelWith();
    let panel = await openPanel();
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Handoff note' }), { target: { value: 'Half a thought' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Close shift handoff' }));
    panel = await openPanel();
    const box = within(panel).getByRole('textbox', { name: 'Handoff note' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Half a thought');

    desk.api['handoffs.write'] = () => Promise.reject(new Error('core restarting'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Leave note' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('Could not save the note. Your text is still here: try again.');
    expect(box.value).toBe('Half a thought');
  });

  it('speaks Polish, Russian and Latvian, with each language’s plural forms', async () => {
    panelWith({ handoffs: Array.from({ length: 5 }, () => makeHandoff()) }, 'pl');
    await waitFor(() => expect(screen.getByTestId('handoff-badge').textContent).toBe('5'));
    expect(handoffButton().textContent).toBe('Przekazanie5, 5 niepotwierdzonych notatek od współpracowników');
    await openPanel();
    expect(screen.getByRole('region', { name: 'Przekazanie zmiany' }).textContent).toContain('Notatki · 5 notatek');
    expect(screen.getAllByRole('button', { name: 'Potwierdź przeczytanie notatki — autor: Olga Smirnova' })).toHaveLength(5);

    const say = (language: 'pl' | 'ru' | 'lv', count: number) => createI18n(language).t('handoff:unacknowledged', { count });
    expect([1, 2, 5, 22].map((n) => say('pl', n))).toEqual([
      '1 niepotwierdzona notatka od współpracowników',
      '2 niepotwierdzone notatki od współpracowników',
      '5 niepotwierdzonych notatek od współpracowników',
      '22 niepotwierdzone notatki od współpracowników',
    ]);
    expect([1, 3, 5, 21].map((n) => say('ru', n))).toEqual([
      '1 неподтверждённая заметка от коллег',
      '3 неподтверждённые заметки от коллег',
      '5 неподтверждённых заметок от коллег',
      '21 неподтверждённая заметка от коллег',
    ]);
    expect([0, 1, 2, 10, 21].map((n) => say('lv', n))).toEqual([
      '0 neapstiprinātu piezīmju no kolēģiem',
      '1 neapstiprināta piezīme no kolēģiem',
      '2 neapstiprinātas piezīmes no kolēģiem',
      '10 neapstiprinātu piezīmju no kolēģiem',
      '21 neapstiprināta piezīme no kolēģiem',
    ]);
  });
});
