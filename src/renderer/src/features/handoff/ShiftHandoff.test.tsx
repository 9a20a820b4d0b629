import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IncomingHandoffs, ShiftEnd } from '../../../../shared/desk-api/handoff-methods.js';
import type { HandoffFacts } from '../../../../shared/domain/handoff-facts.js';
import type { User } from '../../../../shared/domain/people.js';
import { createI18n } from '../../i18n.js';
import { agent, deskWith, makeHandoff, settle, testNow } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { manualClock, renderApp } from '../../testing/render.js';
import { composeShiftDraft, type DraftWords } from './compose-draft.js';

beforeAll(fakeModalDialogs);

const minutes = (n: number) => new Date(testNow + n * 60_000).toISOString();

/** Ada's night in Riga ends at 04:20 (02:20 UTC); the draft is offered from 03:50. It is 04:00. */
const rigaNight: ShiftEnd = {
  shift: { rotationId: 'tier1', shiftId: 'riga-night', start: minutes(-360), end: minutes(20), shiftName: 'Riga night', rotationName: 'Tier 1' },
  draftFrom: minutes(-10),
  handedOver: false,
};
const handedOverShift = { rotationId: 'tier1', shiftId: 'riga-night', end: minutes(20) };

const facts: HandoffFacts = {
  at: new Date(testNow).toISOString(),
  openTickets: { lines: [{ ticketId: crypto.randomUUID(), number: 1042, subject: 'Checkout fails for premium customers', status: 'open', priority: 'high' }], more: 0 },
  slaDue: {
    lines: [
      { ticketId: crypto.randomUUID(), number: 1011, subject: 'VAT invoice wrong', target: 'resolution', dueAt: minutes(-30), assigneeId: 'user-marta', assigneeName: 'Marta Nowak' },
      { ticketId: crypto.randomUUID(), number: 1038, subject: 'Cannot log in', target: 'firstResponse', dueAt: minutes(90), assigneeId: null, assigneeName: null },
    ],
    more: 0,
  },
  escalations: {
    lines: [
      { escalationId: crypto.randomUUID(), ticketId: crypto.randomUUID(), number: 1007, subject: 'Payments API down', toQueueName: 'Tier 2 engineering', state: 'paging', level: 2, levelCount: 3, acknowledgedBy: null, acknowledgedAt: null },
      { escalationId: crypto.randomUUID(), ticketId: crypto.randomUUID(), number: 1002, subject: 'VPN flapping', toQueueName: 'Tier 2 engineering', state: 'acknowledged', level: 1, levelCount: 3, acknowledgedBy: 'Piotr Zieliński', acknowledgedAt: minutes(-50) },
    ],
    more: 0,
  },
};

const supervisor: User = { ...agent, id: 'user-ewa', name: 'Ewa Wiśniewska', role: 'supervisor', queueIds: [] };

const handover = (overrides: Partial<NonNullable<ReturnType<typeof makeHandoff>['handover']>> = {}) => ({
  rotationId: 'tier1',
  shiftId: 'riga-evening',
  end: minutes(-120),
  incomingStart: minutes(-120),
  acknowledgeBy: minutes(-90),
  ...overrides,
});

async function openDraft() {
  fireEvent.click(await screen.findByRole('button', { name: 'Open the handoff draft' }));
  await act(settle);
  return screen.getByTestId('handoff-panel');
}

describe('the shift-end handoff draft', () => {
  it('is offered before the shift ends, filled with the agent’s tickets and the SLA targets due, kept in the core, and hands the shift over', async () => {
    const desk = deskWith({ shiftEnd: rigaNight, facts, queues: [{ id: 'q-tier1', name: 'Tier 1 support', tier: 1 }] });
    renderApp(desk);

    const prompt = await screen.findByTestId('shift-end-prompt');
    expect(prompt.textContent).toContain('Your shift Riga night ends at Mar 10, 2025, 4:20 AM. Your handoff draft is ready.');
    await waitFor(() => expect(desk.callsOf('handoffs.saveDraft')).toHaveLength(1));
    const [saved] = desk.callsOf('handoffs.saveDraft') as [{ queueId: string | null; body: string; shift: unknown }];
    // An agent of one queue hands it over to that queue's next shift.
    expect(saved).toMatchObject({ queueId: 'q-tier1', shift: handedOverShift });
    expect(saved.body.split('\n')).toEqual([
      'Handover: Riga night (Tier 1), until 4:20 AM',
      '',
      'My open ticket (1):',
      '- #1042 Checkout fails for premium customers — Open, High',
      '',
      'SLA targets due in the next 4 hours (2):',
      '- #1011 VAT invoice wrong — Resolution overdue since 3:30 AM (Marta Nowak)',
      '- #1038 Cannot log in — First response due 5:30 AM (unassigned)',
      '',
      'Escalations in flight (2):',
      '- #1007 Payments API down → Tier 2 engineering: paging, level 2 of 3',
      '- #1002 VPN flapping → Tier 2 engineering: acknowledged by Piotr Zieliński at 3:10 AM',
      '',
      'Notes for the next shift:',
      '',
    ]);
    expect(screen.getByTestId('handoff-button').textContent).toContain('your handoff draft is ready');

    const panel = await openDraft();
    expect(within(panel).getByRole('heading', { name: 'Hand over your shift' })).toBeTruthy();
    expect(within(panel).getByTestId('handoff-form-shift').textContent).toBe('Hands over Riga night, ending Mar 10, 2025, 4:20 AM. The next shift must acknowledge it.');
    const box = within(panel).getByRole('textbox', { name: 'Handoff note' }) as HTMLTextAreaElement;
    expect(box.value).toBe(saved.body);

    fireEvent.change(box, { target: { value: `${box.value}Finance knows about the VAT run.` } });
    // Kept in the core as typed, a moment after the last key.
    await waitFor(() => expect((desk.callsOf('handoffs.saveDraft').at(-1) as { body: string }).body).toContain('Finance knows'), { timeout: 2000 });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(desk.callsOf('handoffs.write')).toHaveLength(1));
    expect(desk.callsOf('handoffs.write')[0]).toMatchObject({ queueId: 'q-tier1', shift: handedOverShift, body: expect.stringContaining('Finance knows about the VAT run.') });

    // Handed over: the prompt goes, the form is for an ordinary note again, and the draft is not filled twice.
    await waitFor(() => expect(screen.queryByTestId('shift-end-prompt')).toBeNull());
    expect(within(panel).getByRole('heading', { name: 'Leave a note for the next shift' })).toBeTruthy();
    expect(box.value).toBe('');
    expect(desk.callsOf('handoffs.facts')).toHaveLength(1);
  });

  it('after a restart shows the draft the core kept, without filling it again', async () => {
    const desk = deskWith({ shiftEnd: rigaNight, facts, draft: { queueId: null, body: 'Half written before the restart', shift: handedOverShift, updatedAt: minutes(-2) } });
    renderApp(desk);
    const panel = await openDraft();
    await waitFor(() => expect((within(panel).getByRole('textbox', { name: 'Handoff note' }) as HTMLTextAreaElement).value).toBe('Half written before the restart'));
    expect(desk.callsOf('handoffs.facts')).toEqual([]);
  });

  it('puts what the agent had already written below the lists, and offers nothing before the draft lead', async () => {
    const clock = manualClock(testNow - 15 * 60_000);
    const desk = deskWith({ shiftEnd: rigaNight, facts, draft: { queueId: 'q-tier2', body: 'Router rebooted at 03:10.', shift: null, updatedAt: minutes(-20) } });
    renderApp(desk, { clock });
    await act(settle);
    expect(screen.queryByTestId('shift-end-prompt')).toBeNull();
    expect(desk.callsOf('handoffs.facts')).toEqual([]);

    clock.set(testNow);
    // The ticker reads the clock again within a second.
    expect(await screen.findByTestId('shift-end-prompt', {}, { timeout: 2000 })).toBeTruthy();
    await waitFor(() => expect(desk.callsOf('handoffs.saveDraft')).toHaveLength(1));
    const [saved] = desk.callsOf('handoffs.saveDraft') as [{ queueId: string | null; body: string }];
    expect(saved.queueId).toBe('q-tier2');
    expect(saved.body.startsWith('Handover: Riga night')).toBe(true);
    expect(saved.body.endsWith('Notes for the next shift:\n\n\nRouter rebooted at 03:10.')).toBe(true);
  });

  it('composes the draft in the agent’s language, with its plural forms', () => {
    const words = (language: 'pl' | 'ru' | 'lv'): DraftWords => ({ t: createI18n(language).getFixedT<['handoff', 'labels', 'sla']>(language, ['handoff', 'labels', 'sla']), time: () => '04:20', now: testNow });
    const many = { ...facts, openTickets: { lines: facts.openTickets.lines, more: 4 } };
    const polish = composeShiftDraft(many, rigaNight, words('pl')).split('\n');
    expect(polish).toContain('Moje otwarte zgłoszenia (5):');
    expect(polish).toContain('- #1042 Checkout fails for premium customers — Otwarte, Wysoki');
    expect(polish).toContain('- …i jeszcze 4');
    expect(polish).toContain('- #1038 Cannot log in — Pierwsza odpowiedź: termin 04:20 (nieprzypisane)');
    expect(composeShiftDraft(facts, rigaNight, words('ru')).split('\n')).toEqual(expect.arrayContaining(['Моя открытая заявка (1):', 'Эскалации в работе (2):']));
    expect(composeShiftDraft({ ...facts, slaDue: { lines: [], more: 0 } }, rigaNight, words('lv')).split('\n')).toEqual(expect.arrayContaining(['SLA termiņi tuvākajās 4 stundās (0):', '- nav']));
  });
});

describe('the handovers an agent takes over', () => {
  const fromRigaEvening = (body: string, createdMinutes: number) =>
    makeHandoff({ body, authorId: 'user-janis', authorName: 'Jānis Bērziņš', createdAt: minutes(createdMinutes), handover: handover() });
  const incomingFor = (...notes: ReturnType<typeof makeHandoff>[]): IncomingHandoffs => ({
    shift: { rotationId: 'tier1', shiftId: 'riga-night', start: minutes(-120), end: minutes(360), shiftName: 'Riga night', rotationName: 'Tier 1' },
    notes,
  });

  it('opens first at sign-in, keyboard first: each acknowledged in turn, then Done', async () => {
    const first = fromRigaEvening('VPN concentrator flapped 23:10–00:40.', -125);
    const second = fromRigaEvening('Refund batch approved; customers told.', -122);
    const desk = deskWith({ handoffs: [second, first], incoming: incomingFor(first, second) });
    renderApp(desk);

    const dialog = await screen.findByRole('dialog', { name: 'Handoff from the previous shift' });
    expect(dialog.textContent).toContain('The shift before yours left you 2 notes. Read each and acknowledge it.');
    expect(dialog.textContent).toContain('Your shift: Riga night');
    const [firstNote, secondNote] = within(dialog).getAllByTestId('handoff-note') as [HTMLElement, HTMLElement];
    expect(firstNote.textContent).toContain('VPN concentrator');
    expect(firstNote.textContent).toContain('Hands over the shift that ended');
    // The keyboard starts at the top of the first note, which is read before its Acknowledge.
    expect(document.activeElement).toBe(firstNote);

    fireEvent.click(within(firstNote).getByRole('button', { name: 'Acknowledge the note by Jānis Bērziņš' }));
    await waitFor(() => expect(document.activeElement).toBe(secondNote));
    fireEvent.click(within(secondNote).getByRole('button', { name: 'Acknowledge the note by Jānis Bērziņš' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('All read. Have a good shift.'));
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(document.activeElement).toBe(done);
    expect(desk.callsOf('handoffs.acknowledge')).toEqual([{ id: first.id }, { id: second.id }]);

    fireEvent.click(done);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('can wait until later, and opens again for a handover that arrives afterwards', async () => {
    const first = fromRigaEvening('Portal maintenance at 22:00.', -125);
    const desk = deskWith({ handoffs: [first], incoming: incomingFor(first) });
    renderApp(desk);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Later' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Still unread: the badge counts it.
    expect(screen.getByTestId('handoff-badge').textContent).toBe('1');

    const late = fromRigaEvening('Forgot: the printer in Riga is out of toner.', -5);
    act(() => desk.setShifts({ incoming: incomingFor(first, late) }));
    const again = await screen.findByRole('dialog');
    expect(within(again).getAllByTestId('handoff-note').map((note) => note.textContent)).toEqual([expect.stringContaining('Portal maintenance'), expect.stringContaining('printer in Riga')]);
  });

  it('speaks Russian and Latvian', async () => {
    const note = fromRigaEvening('Всё спокойно.', -125);
    renderApp(deskWith({ user: { ...agent, locale: 'ru' }, handoffs: [note], incoming: incomingFor(note) }), { language: 'ru' });
    const dialog = await screen.findByRole('dialog', { name: 'Передача от предыдущей смены' });
    expect(dialog.textContent).toContain('Предыдущая смена оставила вам 1 заметку.');
    expect(within(dialog).getByRole('button', { name: 'Позже' })).toBeTruthy();

    const lv = createI18n('lv');
    expect([0, 1, 3].map((count) => lv.t('handoff:incoming.intro', { count }))).toEqual([
      'Iepriekšējā maiņa jums atstāja 0 piezīmju. Izlasiet un apstipriniet katru.',
      'Iepriekšējā maiņa jums atstāja 1 piezīmi. Izlasiet un apstipriniet to.',
      'Iepriekšējā maiņa jums atstāja 3 piezīmes. Izlasiet un apstipriniet katru.',
    ]);
  });
});

describe('the supervisors’ alert', () => {
  const overdue = makeHandoff({ queueId: 'q-tier1', authorName: 'Olga Smirnova', body: 'Chargeback evidence due today.', handover: handover({ supervisorsAlertedAt: minutes(-89) }) });
  const takenOver = makeHandoff({ authorName: 'Jānis Bērziņš', handover: handover({ supervisorsAlertedAt: minutes(-89), acknowledgedAt: minutes(-60) }) });

  it('shows supervisors the handovers nobody took over in time, and takes them to the note', async () => {
    renderApp(deskWith({ user: supervisor, handoffs: [overdue, takenOver, makeHandoff()] }));
    const alert = await screen.findByRole('alert', { name: /1 handoff not acknowledged in time/ });
    expect(alert.textContent).toContain('Tier 1 support: Olga Smirnova’s handover of the shift that ended Mar 10, 2025, 2:00 AM, due Mar 10, 2025, 2:30 AM');

    fireEvent.click(within(alert).getByRole('button', { name: 'Show the handover by Olga Smirnova' }));
    await act(settle);
    const note = within(screen.getByTestId('handoff-panel')).getAllByTestId('handoff-note').find((item) => item.dataset.noteId === overdue.id)!;
    expect(document.activeElement).toBe(note);
    expect(note.dataset.overdue).toBe('true');
    expect(within(note).getByTestId('handoff-alerted').textContent).toContain('Supervisors alerted Mar 10, 2025, 2:31 AM: nobody of the next shift acknowledged it in time');
  });

  it('is not shown to agents', async () => {
    renderApp(deskWith({ handoffs: [overdue] }));
    await screen.findByTestId('handoff-badge');
    expect(screen.queryByTestId('overdue-handovers')).toBeNull();
  });

  it('speaks Polish, with its plural forms', () => {
    const pl = createI18n('pl');
    expect([1, 2, 5].map((count) => pl.t('handoff:alerts.heading', { count }))).toEqual([
      '1 przekazanie zmiany niepotwierdzone na czas',
      '2 przekazania zmiany niepotwierdzone na czas',
      '5 przekazań zmiany niepotwierdzonych na czas',
    ]);
  });
});

describe('searching handoff notes', () => {
  it('finds notes by every word, says how many, and Escape lists the recent notes again', async () => {
    const notes = [makeHandoff({ body: 'VPN concentrator in Riga flapped.' }), makeHandoff({ body: 'Refund batch approved.' }), makeHandoff({ authorName: 'Jānis Bērziņš', body: 'VPN back.' })];
    const desk = deskWith({ handoffs: notes });
    renderApp(desk);
    fireEvent.click(await screen.findByTestId('handoff-button'));
    await act(settle);
    const panel = screen.getByTestId('handoff-panel');
    const box = within(panel).getByRole('searchbox', { name: 'Search handoff notes' });

    fireEvent.change(box, { target: { value: 'vpn riga' } });
    await waitFor(() => expect(within(panel).getAllByTestId('handoff-note')).toHaveLength(1));
    expect(within(panel).getByRole('status').textContent).toBe('1 note found');
    expect(desk.callsOf('handoffs.search').at(-1)).toEqual({ query: 'vpn riga' });

    fireEvent.change(box, { target: { value: 'printer' } });
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('No notes match “printer”.'));
    expect(within(panel).queryAllByTestId('handoff-note')).toEqual([]);

    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(within(panel).getAllByTestId('handoff-note')).toHaveLength(3));
    // Escape cleared the search; the panel stays open until the next Escape.
    expect(screen.getByTestId('handoff-panel')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByTestId('handoff-panel')).toBeNull();
  });
});
