import { createDeskClient } from '../../../../shared/desk-api/client.js';
import { queueListingOf, type QueueListing } from '../../../../shared/queue/queue-listing.js';
import { queueRowOf } from '../../../../shared/queue/queue-row.js';
import { deferred, deskWith, makeTicket, settle, tier1, tier2 } from '../../testing/fake-desk.js';
import type { LocalTicketDetail } from '../ticket/ticket-store.js';
import { createQueueStore } from './queue-store.js';

function connectedStore(desk: ReturnType<typeof deskWith>) {
  const store = createQueueStore(createDeskClient(desk));
  const disconnect = store.getState().connect();
  return { store, disconnect };
}

describe('queue store', () => {
  it('loads the tickets and queues once on connect', async () => {
    const tickets = [makeTicket(), makeTicket({ queueId: tier2.id })];
    const desk = deskWith({ tickets });
    const { store } = connectedStore(desk);
    expect(store.getState().status).toBe('loading');

    await settle();

    const state = store.getState();
    expect(state.status).toBe('ready');
    expect([...state.tickets.keys()].sort()).toEqual(tickets.map((t) => t.id).sort());
    expect(state.listedInDefaultOrder).toBe(true);
    expect(state.queues.map((q) => q.id)).toEqual([tier1.id, tier2.id]);
    expect(desk.callsOf('tickets.list')).toHaveLength(1);
    expect(desk.callsOf('queues.list')).toHaveLength(1);
  });

  it('re-reads only the changed ids on tickets.changed and never lists everything again', async () => {
    const changed = makeTicket({ subject: 'Printer on fire' });
    const untouched = makeTicket({ subject: 'VPN drops' });
    const desk = deskWith({ tickets: [changed, untouched] });
    const { store } = connectedStore(desk);
    await settle();
    const untouchedRow = store.getState().tickets.get(untouched.id);

    desk.tickets = [{ ...changed, subject: 'Printer on fire (escalated)', priority: 'critical' }, untouched];
    desk.emit('tickets.changed', { ids: [changed.id] });
    await settle();

    expect(desk.callsOf('tickets.get')).toEqual([{ id: changed.id }]);
    expect(desk.callsOf('tickets.list')).toHaveLength(1);
    // The list is no longer in the order the core gave it: the queue sorts it from here on.
    expect(store.getState().listedInDefaultOrder).toBe(false);
    expect(store.getState().tickets.get(changed.id)?.subject).toBe('Printer on fire (escalated)');
    expect(store.getState().tickets.get(changed.id)?.priority).toBe('critical');
    expect(store.getState().tickets.get(untouched.id)).toBe(untouchedRow);
  });

  it('adds a ticket it has not seen when it appears in tickets.changed', async () => {
    const desk = deskWith({ tickets: [] });
    const { store } = connectedStore(desk);
    await settle();

    const arrived = makeTicket({ subject: 'New chat from the widget', channel: 'chat' });
    desk.tickets = [arrived];
    desk.emit('tickets.changed', { ids: [arrived.id] });
    await settle();

    expect(store.getState().tickets.get(arrived.id)?.subject).toBe('New chat from the widget');
  });

  it('removes a ticket that tickets.get no longer returns', async () => {
    const moved = makeTicket();
    const stays = makeTicket();
    const desk = deskWith({ tickets: [moved, stays] });
    const { store } = connectedStore(desk);
    await settle();

    desk.tickets = [stays]; // moved to a queue this agent cannot see
    desk.emit('tickets.changed', { ids: [moved.id] });
    await settle();

    expect(store.getState().tickets.has(moved.id)).toBe(false);
    expect(store.getState().tickets.has(stays.id)).toBe(true);
  });

  it('re-reads a ticket that changed while the first list was still loading', async () => {
    const ticket = makeTicket({ status: 'new' });
    const desk = deskWith({ tickets: [ticket] });
    const list = deferred<QueueListing>();
    desk.api['tickets.list'] = () => list.promise;
    const { store } = connectedStore(desk);

    desk.emit('tickets.changed', { ids: [ticket.id] });
    desk.tickets = [{ ...ticket, status: 'open' }];
    await settle();
    expect(desk.callsOf('tickets.get')).toHaveLength(0); // held until the list lands

    list.resolve(queueListingOf([queueRowOf(ticket)])); // the list was read before the change
    await settle();

    expect(desk.callsOf('tickets.get')).toEqual([{ id: ticket.id }]);
    expect(store.getState().tickets.get(ticket.id)?.status).toBe('open');
  });

  it('keeps the newest read when an older answer for the same ticket arrives late', async () => {
    const ticket = makeTicket({ subject: 'v1' });
    const desk = deskWith({ tickets: [ticket] });
    const { store } = connectedStore(desk);
    await settle();

    const answers = [deferred<LocalTicketDetail | null>(), deferred<LocalTicketDetail | null>()];
    let call = 0;
    desk.api['tickets.get'] = () => answers[call++]!.promise;
    desk.emit('tickets.changed', { ids: [ticket.id] });
    desk.emit('tickets.changed', { ids: [ticket.id] });
    await settle();

    answers[1]!.resolve({ ticket: { ...ticket, subject: 'v3' }, messages: [], pendingMessageIds: [], events: [] });
    await settle();
    answers[0]!.resolve({ ticket: { ...ticket, subject: 'v2' }, messages: [], pendingMessageIds: [], events: [] });
    await settle();

    expect(store.getState().tickets.get(ticket.id)?.subject).toBe('v3');
  });

  it('keeps the row and reports the failure when a re-read fails', async () => {
    const ticket = makeTicket();
    const desk = deskWith({ tickets: [ticket] });
    const { store } = connectedStore(desk);
    await settle();

    desk.emit('tickets.changed', { ids: ['not-a-uuid'] });
    await settle();

    expect(store.getState().tickets.get(ticket.id)).toEqual(queueRowOf(ticket));
    expect(String(store.getState().refreshError)).toMatch(/id/);
  });

  it('reloads the queues on queues.changed and leaves a queue that is gone for every ticket', async () => {
    const desk = deskWith({ tickets: [makeTicket({ queueId: tier2.id })] });
    const { store } = connectedStore(desk);
    await settle();
    store.getState().chooseView(`queue:${tier2.id}`);
    expect(store.getState().spec.filters.queue).toEqual([tier2.id]);

    desk.queues = [tier1];
    desk.emit('queues.changed', {});
    await settle();

    expect(desk.callsOf('queues.list')).toHaveLength(2);
    expect(desk.callsOf('tickets.list')).toHaveLength(1);
    expect(store.getState().queues).toEqual([tier1]);
    expect(store.getState().view).toBe('all');
    expect(store.getState().spec.filters).toEqual({});
  });

  it('stops listening and forgets the tickets on disconnect', async () => {
    const ticket = makeTicket();
    const desk = deskWith({ tickets: [ticket] });
    const { store, disconnect } = connectedStore(desk);
    await settle();

    disconnect();
    desk.emit('tickets.changed', { ids: [ticket.id] });
    await settle();

    expect(desk.listenerCount('tickets.changed')).toBe(0);
    expect(desk.callsOf('tickets.get')).toHaveLength(0);
    expect(store.getState().tickets.size).toBe(0);
    expect(store.getState().status).toBe('idle');
  });

  it('drops a list answer that arrives after the store disconnected', async () => {
    const desk = deskWith({ tickets: [makeTicket()] });
    const list = deferred<QueueListing>();
    desk.api['tickets.list'] = () => list.promise;
    const { store, disconnect } = connectedStore(desk);

    disconnect();
    list.resolve(queueListingOf(desk.tickets.map(queueRowOf)));
    await settle();

    expect(store.getState().tickets.size).toBe(0);
  });
});

describe('queue views and search in the store', () => {
  it('chooses a built-in view, changes its filters and saves them as the agent’s own view, which it then shows', async () => {
    const desk = deskWith({ tickets: [makeTicket()] });
    const { store } = connectedStore(desk);
    await settle();

    store.getState().chooseView('builtin:breached');
    expect(store.getState().spec.filters).toEqual({ sla: ['breached'] });
    store.getState().setFilter('channel', ['email']);
    store.getState().setSort({ column: 'number', desc: true });
    const id = await store.getState().saveView({ name: 'Breached email' });

    expect(desk.callsOf('views.save')).toEqual([{ name: 'Breached email', filters: { channel: ['email'], sla: ['breached'] }, sort: { column: 'number', desc: true }, search: '' }]);
    expect(store.getState().view).toBe(`saved:${id}`);
    expect(store.getState().savedViews.map((view) => [view.name, view.pending])).toEqual([['Breached email', true]]);

    await store.getState().renameView(id, 'Email on fire');
    expect(store.getState().savedViews.map((view) => view.name)).toEqual(['Email on fire']);
    await store.getState().deleteView(id);
    expect(store.getState().savedViews).toEqual([]);
    expect(store.getState().view).toBe('all');
  });

  it('reads the views again when they change elsewhere (another workstation), and leaves one deleted there', async () => {
    const desk = deskWith({ tickets: [] });
    const { store } = connectedStore(desk);
    await settle();
    await store.getState().saveView({ name: 'Mine at night' });
    const [saved] = desk.views;

    desk.views = [];
    desk.emit('views.changed', {});
    await settle();

    expect(store.getState().savedViews).toEqual([]);
    expect(store.getState().view).toBe('all');
    expect(saved?.name).toBe('Mine at night');
  });

  it('asks the replica’s search a moment after typing stops, and keeps only the answer for the words now in the box', async () => {
    vi.useFakeTimers();
    try {
      const vpn = makeTicket({ subject: 'VPN drops' });
      const desk = deskWith({ tickets: [vpn, makeTicket({ subject: 'Printer' })] });
      const { store } = connectedStore(desk);
      await vi.advanceTimersByTimeAsync(0);
      store.getState().setSearch('v');
      store.getState().setSearch('vp');
      store.getState().setSearch('vpn');
      await vi.advanceTimersByTimeAsync(200);

      expect(desk.callsOf('tickets.search')).toEqual([{ query: 'vpn', limit: 10_000 }]);
      expect([...(store.getState().search?.ids ?? [])]).toEqual([vpn.id]);
      store.getState().setSearch('');
      await vi.advanceTimersByTimeAsync(200);
      expect(store.getState().search).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('queue store under a large catch-up', () => {
  it('re-reads a burst of changed tickets in bounded batches, each applied once', async () => {
    const tickets = Array.from({ length: 120 }, (_, i) => makeTicket({ subject: `Alert ${i}` }));
    const desk = deskWith({ tickets });
    const store = createQueueStore(createDeskClient(desk));
    store.getState().connect();
    await settle();

    let inFlight = 0;
    let mostInFlight = 0;
    const read = desk.api['tickets.get'];
    desk.api['tickets.get'] = async (input) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await settle();
      inFlight--;
      return read(input);
    };
    desk.tickets = tickets.map((t) => ({ ...t, status: 'solved' as const }));
    desk.emit('tickets.changed', { ids: tickets.map((t) => t.id) });
    await vi.waitFor(() => expect([...store.getState().tickets.values()].every((t) => t.status === 'solved')).toBe(true));

    expect(desk.callsOf('tickets.get')).toHaveLength(120);
    expect(mostInFlight).toBeLessThanOrEqual(50);
  });
});
