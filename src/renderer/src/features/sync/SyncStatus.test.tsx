import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OutboxState } from '../../../../shared/desk-api/contract.js';
import { agent, deskWith, makeRefused, makeTicket, testNow } from '../../testing/fake-desk.js';
import { renderFeature } from '../../testing/render.js';
import { SyncStatus } from './SyncStatus.js';

function syncWith(options: Parameters<typeof deskWith>[0] = {}, language: 'en' | 'pl' | 'ru' | 'lv' = 'en') {
  const ticket = makeTicket({ number: 1042, status: 'on_hold' });
  const desk = deskWith({ tickets: [ticket], ...options });
  // The queue is followed elsewhere (the queue view); here it only lends ticket numbers.
  const rendered = renderFeature(<SyncStatus />, desk, { user: agent, language });
  const disconnectQueue = rendered.services.queue.getState().connect();
  return { desk, ticket, disconnectQueue, ...rendered };
}

/** jsdom has no clipboard: the tests lend one. */
function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

const banner = () => screen.findByTestId('sync-banner');
const refusedItems = () => within(screen.getByTestId('refused-changes')).getAllByTestId('refused-change');

describe('sync banner', () => {
  it('offline: says work goes on here and counts what waits, in Polish plural forms', async () => {
    const { desk } = syncWith({ connection: 'offline', outbox: { waiting: 2 } }, 'pl');

    const shown = await banner();
    expect(shown.getAttribute('role')).toBe('status');
    expect(shown.dataset.state).toBe('offline');
    await waitFor(() => expect(shown.textContent).toBe('⚠Offline — pracujesz na tym komputerze. 2 zmiany czekają na wysłanie.'));

    const say = (waiting: number) => {
      act(() => desk.setOutbox({ waiting }));
      return screen.getByTestId('sync-banner').textContent?.replace(/^⚠/, '');
    };
    expect([1, 5, 22, 25].map(say)).toEqual([
      'Offline — pracujesz na tym komputerze. 1 zmiana czeka na wysłanie.',
      'Offline — pracujesz na tym komputerze. 5 zmian czeka na wysłanie.',
      'Offline — pracujesz na tym komputerze. 22 zmiany czekają na wysłanie.',
      'Offline — pracujesz na tym komputerze. 25 zmian czeka na wysłanie.',
    ]);
  });

  it('online: counts what is being sent, and goes away once nothing waits', async () => {
    const { desk } = syncWith({ connection: 'offline', outbox: { waiting: 3 } });
    expect((await banner()).textContent).toContain('Offline — working from this computer. 3 changes waiting to be sent.');

    act(() => desk.setConnection('online'));
    const sending = screen.getByTestId('sync-banner');
    expect(sending.dataset.state).toBe('sending');
    expect(sending.textContent).toContain('Sending 3 changes…');

    act(() => desk.setOutbox({ waiting: 1 }));
    expect(screen.getByTestId('sync-banner').textContent).toContain('Sending 1 change…');

    act(() => desk.setOutbox({ waiting: 0 }));
    expect(screen.queryByTestId('sync-banner')).toBeNull();
  });

  it('stays hidden when online with nothing waiting', async () => {
    const { desk } = syncWith();
    await waitFor(() => expect(desk.callsOf('outbox.get')).toHaveLength(1));
    await waitFor(() => expect(desk.callsOf('connection.get')).toHaveLength(1));

    expect(screen.queryByTestId('sync-banner')).toBeNull();
    expect(screen.queryByTestId('refused-changes')).toBeNull();
  });
});

describe('refused changes', () => {
  const conflict = (ticketId: string) => makeRefused({ id: 7, ticketId });

  it('explains a conflict with who changed it and the value the ticket has now', async () => {
    const { desk, ticket } = syncWith();
    act(() => desk.setOutbox({ refused: [conflict(ticket.id)] }));

    const [item] = await waitFor(refusedItems);
    expect(within(screen.getByTestId('refused-changes')).getByRole('heading').textContent).toContain('The server refused 1 change');
    await waitFor(() => expect(within(item!).getByText(/^Status of #1042 to Solved/)).toBeTruthy());
    expect(within(item!).getByText('Changed by Olga Smirnova meanwhile: now On hold')).toBeTruthy();
    // Never the server's English message.
    expect(item!.textContent).not.toContain('is now on_hold');
    expect(within(item!).getByRole('button', { name: 'Redo' })).toBeTruthy();
    expect(within(item!).getByRole('button', { name: 'Discard' })).toBeTruthy();
  });

  it('says it in the agent\'s language, with the field values translated', async () => {
    const { desk, ticket } = syncWith({}, 'ru');
    act(() => desk.setOutbox({ refused: [conflict(ticket.id)] }));

    const [item] = await waitFor(refusedItems);
    await waitFor(() => expect(item!.textContent).toContain('Смена статуса #1042 на «Решена»'));
    expect(item!.textContent).toContain('Тем временем изменил(а) Olga Smirnova: сейчас «Отложена»');
    expect(within(item!).getByRole('button', { name: 'Повторить' })).toBeTruthy();
  });

  it('Redo queues the same change from the fresh value, then discards the refused one', async () => {
    const { desk, ticket } = syncWith();
    act(() => desk.setOutbox({ refused: [conflict(ticket.id)] }));
    const [item] = await waitFor(refusedItems);

    fireEvent.click(within(item!).getByRole('button', { name: 'Redo' }));

    await waitFor(() => expect(desk.callsOf('outbox.discard')).toEqual([{ id: 7 }]));
    expect(desk.enqueued).toEqual([{ name: 'ticket.setStatus', args: { ticketId: ticket.id, from: 'on_hold', to: 'solved' } }]);
    // Queued before it was discarded: the change is never dropped in between.
    const order = desk.calls.map((call) => call.method).filter((m) => m === 'mutations.enqueue' || m === 'outbox.discard');
    expect(order).toEqual(['mutations.enqueue', 'outbox.discard']);
    await waitFor(() => expect(screen.queryByTestId('refused-changes')).toBeNull());
  });

  it('Discard calls outbox.discard and removes the item', async () => {
    const { desk, ticket } = syncWith();
    const priority = makeRefused({
      id: 8,
      ticketId: ticket.id,
      name: 'ticket.setPriority',
      args: { ticketId: ticket.id, from: 'low', to: 'high' },
      rejection: { code: 'conflict', message: 'priority of #1042 is now critical', field: 'priority', current: 'critical', changedBy: null },
    });
    act(() => desk.setOutbox({ refused: [conflict(ticket.id), priority] }));
    await waitFor(() => expect(refusedItems()).toHaveLength(2));
    const second = refusedItems()[1]!;
    await waitFor(() => expect(second.textContent).toContain('Priority of #1042 to High'));
    expect(second.textContent).toContain('Changed by someone else meanwhile: now Critical');

    fireEvent.click(within(second).getByRole('button', { name: 'Discard' }));

    await waitFor(() => expect(refusedItems()).toHaveLength(1));
    expect(desk.callsOf('outbox.discard')).toEqual([{ id: 8 }]);
    expect(desk.enqueued).toEqual([]);
    expect(within(screen.getByTestId('refused-changes')).getByRole('heading').textContent).toContain('The server refused 1 change');
  });

  it('a refused reply offers Copy text and Discard, so nothing written is lost', async () => {
    const { desk, ticket } = syncWith();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    stubClipboard(writeText);
    const reply = makeRefused({
      id: 9,
      ticketId: ticket.id,
      name: 'ticket.reply',
      args: { ticketId: ticket.id, body: 'Refund issued, 3–5 business days.', writtenAt: '2025-03-10T01:55:00.000Z' },
      rejection: { code: 'not_found', message: `Ticket ${ticket.id} is not in your queues any more` },
    });
    act(() => desk.setOutbox({ refused: [reply] }));
    const [item] = await waitFor(refusedItems);
    await waitFor(() => expect(item!.textContent).toContain('Reply on #1042'));
    expect(item!.textContent).toContain('The ticket is no longer in your queues');
    expect(item!.textContent).toContain('Refund issued, 3–5 business days.');
    expect(within(item!).queryByRole('button', { name: 'Redo' })).toBeNull();

    fireEvent.click(within(item!).getByRole('button', { name: 'Copy text' }));

    await waitFor(() => expect(writeText).toHaveBeenCalledWith('Refund issued, 3–5 business days.'));
    expect((await within(item!).findByRole('status')).textContent).toBe('Copied to the clipboard.');
    expect(within(item!).getByRole('button', { name: 'Discard' })).toBeTruthy();
  });

  it('says when the clipboard refuses, and keeps the text on screen to copy by hand', async () => {
    const { desk, ticket } = syncWith();
    stubClipboard(() => Promise.reject(new Error('denied')));
    const note = makeRefused({
      id: 10,
      ticketId: ticket.id,
      name: 'ticket.note',
      args: { ticketId: ticket.id, body: 'Vendor case 55-1', writtenAt: '2025-03-10T01:55:00.000Z' },
      rejection: { code: 'forbidden', message: 'no' },
    });
    act(() => desk.setOutbox({ refused: [note] }));
    const [item] = await waitFor(refusedItems);
    expect(item!.textContent).toContain('You are not allowed to make this change');

    fireEvent.click(within(item!).getByRole('button', { name: 'Copy text' }));

    expect((await within(item!).findByRole('alert')).textContent).toBe('Could not copy: select the text and copy it by hand.');
    expect(item!.textContent).toContain('Vendor case 55-1');
  });

  it('names an assignment conflict without naming anyone but the agent, and offers no Redo', async () => {
    const { desk, ticket } = syncWith();
    const assign = makeRefused({
      id: 11,
      ticketId: ticket.id,
      name: 'ticket.assign',
      args: { ticketId: ticket.id, expectedAssignee: null, assignee: agent.id },
      rejection: { code: 'conflict', message: 'assignee of #1042 is now user-olga', field: 'assignee', current: 'user-olga', changedBy: 'Olga Smirnova' },
    });
    act(() => desk.setOutbox({ refused: [assign] }));
    const [item] = await waitFor(refusedItems);

    await waitFor(() => expect(item!.textContent).toContain('Assign #1042 to you'));
    expect(item!.textContent).toContain('Changed by Olga Smirnova meanwhile: now someone else');
    expect(within(item!).queryByRole('button', { name: 'Redo' })).toBeNull();
  });

  it('still describes a change to a ticket the queue no longer lists', async () => {
    const { desk } = syncWith();
    const gone: OutboxState['refused'][number] = makeRefused({
      id: 12,
      ticketId: crypto.randomUUID(),
      rejection: { code: 'not_found', message: 'gone' },
    });
    act(() => desk.setOutbox({ refused: [gone] }));
    const [item] = await waitFor(refusedItems);

    expect(item!.textContent).toContain('Status of a ticket to Solved');
    expect(item!.textContent).toContain('The ticket is no longer in your queues');
  });

  it('explains a refused handoff note and keeps its text to copy; an acknowledgement of a vanished note too', async () => {
    const { desk } = syncWith();
    const note = makeRefused({
      id: 13,
      ticketId: null,
      name: 'handoff.write',
      args: { handoffId: crypto.randomUUID(), queueId: 'q-tier2', body: 'Router in Riga rebooted at 05:10.', writtenAt: '2025-03-10T01:55:00.000Z' },
      rejection: { code: 'forbidden', field: 'queueId', message: 'You do not work in queue "q-tier2"' },
    });
    const acknowledgement = makeRefused({ id: 14, ticketId: null, name: 'handoff.acknowledge', args: { handoffId: crypto.randomUUID() }, rejection: { code: 'not_found', message: 'gone' } });
    act(() => desk.setOutbox({ refused: [note, acknowledgement] }));
    await waitFor(() => expect(refusedItems()).toHaveLength(2));
    const [written, acknowledged] = refusedItems() as [HTMLElement, HTMLElement];

    expect(written.textContent).toContain('Handoff note for the next shift');
    expect(written.textContent).toContain('You no longer work in the queue this note was for');
    expect(written.textContent).toContain('Router in Riga rebooted at 05:10.');
    expect(within(written).getByRole('button', { name: 'Copy text' })).toBeTruthy();
    expect(within(written).queryByRole('button', { name: 'Redo' })).toBeNull();
    expect(acknowledged.textContent).toContain('Acknowledging a handoff note');
    expect(acknowledged.textContent).toContain('The handoff note is no longer in your queues');
  });
});

describe('stale replies and notes', () => {
  const twoHoursAgo = new Date(testNow - 2 * 3_600_000).toISOString();
  const stale = (ticketId: string, overrides: Partial<OutboxState['refused'][number]> = {}) =>
    makeRefused({
      id: 20,
      ticketId,
      name: 'ticket.reply',
      args: { ticketId, body: 'Refund issued, 3–5 business days.', writtenAt: twoHoursAgo },
      createdAt: twoHoursAgo,
      rejection: { code: 'stale', field: 'ticket', current: 'solved', changedBy: 'Olga Smirnova', message: 'Written 2 h before it reached the server; #1042 has moved on since' },
      ...overrides,
    });

  it('explains when it was written, who moved the ticket on and what it is now, and keeps the text', async () => {
    const { desk, ticket } = syncWith();
    act(() => desk.setOutbox({ refused: [stale(ticket.id)] }));
    const [item] = await waitFor(refusedItems);

    await waitFor(() => expect(item!.textContent).toContain('Reply on #1042'));
    expect(within(item!).getByText('Written offline 2 hours ago; since then Olga Smirnova changed the ticket (now Solved). Redo to send it anyway, or discard it.')).toBeTruthy();
    expect(item!.dataset.code).toBe('stale');
    expect(item!.textContent).toContain('Refund issued, 3–5 business days.');
    expect(item!.textContent).not.toContain('reached the server');
    for (const name of ['Redo', 'Copy text', 'Discard']) expect(within(item!).getByRole('button', { name })).toBeTruthy();
  });

  it.each([
    ['en', 'Written offline 2 hours ago; since then Anna Kowalska wrote on the ticket (now On hold). Redo to send it anyway, or discard it.'],
    ['pl', 'Napisano offline 2 godziny temu; od tego czasu Anna Kowalska napisał(a) w zgłoszeniu (teraz „Wstrzymane”). Ponów, aby mimo to wysłać, albo odrzuć.'],
    ['ru', 'Написано не в сети 2 часа назад; с тех пор Anna Kowalska написал(а) в заявке (сейчас «Отложена»). Повторите, чтобы всё равно отправить, или отбросьте.'],
    ['lv', 'Rakstīts bezsaistē pirms 2 stundām; kopš tā laika Anna Kowalska rakstīja pieteikumā (tagad “Aizturēts”). Atkārtojiet, lai tomēr nosūtītu, vai atmetiet.'],
  ] as const)('says in %s that someone wrote on the ticket meanwhile', async (language, why) => {
    const { desk, ticket } = syncWith({}, language);
    const note = stale(ticket.id, {
      name: 'ticket.note',
      args: { ticketId: ticket.id, body: 'Vendor case 55-1', writtenAt: twoHoursAgo },
      rejection: { code: 'stale', field: 'thread', current: 'on_hold', changedBy: 'Anna Kowalska', message: 'moved on' },
    });
    act(() => desk.setOutbox({ refused: [note] }));
    const [item] = await waitFor(refusedItems);

    await waitFor(() => expect(within(item!).getByText(why)).toBeTruthy());
  });

  it('Redo sends the same text again as written now, then discards the refused one', async () => {
    const { desk, ticket } = syncWith();
    act(() => desk.setOutbox({ refused: [stale(ticket.id)] }));
    const [item] = await waitFor(refusedItems);

    fireEvent.click(within(item!).getByRole('button', { name: 'Redo' }));

    await waitFor(() => expect(desk.callsOf('outbox.discard')).toEqual([{ id: 20 }]));
    // No writtenAt: the core stamps the moment it is sent again, so the server does not refuse it twice.
    expect(desk.enqueued).toEqual([{ name: 'ticket.reply', args: { ticketId: ticket.id, body: 'Refund issued, 3–5 business days.' } }]);
    const order = desk.calls.map((call) => call.method).filter((m) => m === 'mutations.enqueue' || m === 'outbox.discard');
    expect(order).toEqual(['mutations.enqueue', 'outbox.discard']);
    await waitFor(() => expect(screen.queryByTestId('refused-changes')).toBeNull());
  });
});

describe('refused phone calls', () => {
  const twoHoursAgo = new Date(testNow - 2 * 3_600_000).toISOString();
  const call = { callerName: 'Anna Kowalska', callerPhone: '+48 22 123 45 67', notes: 'Will send the bank statement tomorrow.', durationSeconds: 272, outcome: 'waiting_on_customer' };

  it('a stale call on a ticket keeps its notes to copy, and Redo logs it again as now before discarding it', async () => {
    const { desk, ticket } = syncWith();
    desk.api['calls.log'] = async () => ({ id: 31 });
    const refused = makeRefused({
      id: 30,
      ticketId: ticket.id,
      name: 'call.log',
      args: { ticketId: ticket.id, ...call, writtenAt: twoHoursAgo },
      createdAt: twoHoursAgo,
      rejection: { code: 'stale', field: 'ticket', current: 'on_hold', changedBy: 'Olga Smirnova', message: 'moved on' },
    });
    act(() => desk.setOutbox({ refused: [refused] }));
    const [item] = await waitFor(refusedItems);
    await waitFor(() => expect(item!.textContent).toContain('Phone call on #1042'));
    expect(item!.textContent).toContain('Will send the bank statement tomorrow.');

    fireEvent.click(within(item!).getByRole('button', { name: 'Redo' }));
    await waitFor(() => expect(desk.callsOf('outbox.discard')).toEqual([{ id: 30 }]));
    expect(desk.callsOf('calls.log')).toEqual([{ ticketId: ticket.id, ...call }]);
  });

  it('a refused call that was to open a ticket names the caller, and offers no Redo', async () => {
    const { desk } = syncWith();
    const refused = makeRefused({
      id: 32,
      ticketId: null,
      name: 'call.log',
      args: { ...call, subject: 'Statement', queueId: 'q-gone', writtenAt: twoHoursAgo },
      rejection: { code: 'forbidden', field: 'queueId', message: 'You do not work in queue "q-gone"' },
    });
    act(() => desk.setOutbox({ refused: [refused] }));
    const [item] = await waitFor(refusedItems);
    await waitFor(() => expect(item!.textContent).toContain('Phone call from Anna Kowalska, opening a new ticket'));
    expect(within(item!).queryByRole('button', { name: 'Redo' })).toBeNull();
    for (const name of ['Copy text', 'Discard']) expect(within(item!).getByRole('button', { name })).toBeTruthy();
  });
});
