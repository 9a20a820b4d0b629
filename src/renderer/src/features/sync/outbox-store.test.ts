import { createDeskClient } from '../../../../shared/desk-api/client.js';
import { deskWith, makeRefused, makeTicket, settle } from '../../testing/fake-desk.js';
import { createOutboxStore } from './outbox-store.js';

describe('outbox store', () => {
  it('reads the outbox once however many components follow it, and follows outbox.changed', async () => {
    const ticket = makeTicket();
    const desk = deskWith({ tickets: [ticket], outbox: { waiting: 1 } });
    const store = createOutboxStore(createDeskClient(desk));

    const first = store.getState().connect();
    const second = store.getState().connect();
    await settle();
    expect(desk.callsOf('outbox.get')).toHaveLength(1);
    expect(desk.listenerCount('outbox.changed')).toBe(1);
    expect(store.getState().outbox).toEqual({ waiting: 1, refused: [] });

    desk.setOutbox({ waiting: 0, refused: [makeRefused({ ticketId: ticket.id })] });
    expect(store.getState().outbox?.refused).toHaveLength(1);

    first();
    first(); // a second call of the same disconnect counts once
    expect(desk.listenerCount('outbox.changed')).toBe(1);
    second();
    expect(desk.listenerCount('outbox.changed')).toBe(0);
    // Nothing of this agent's outbox is left for whoever signs in next.
    expect(store.getState().outbox).toBeNull();
  });

  it('keeps an outbox.changed that arrives before the first read answers', async () => {
    const ticket = makeTicket();
    const desk = deskWith({ tickets: [ticket], outbox: { waiting: 4 } });
    const store = createOutboxStore(createDeskClient(desk));

    store.getState().connect();
    desk.emit('outbox.changed', { waiting: 5, refused: [] });
    await settle();

    expect(store.getState().outbox?.waiting).toBe(5);
  });
});
