import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketPresenceSocketEvents, type TicketPresence } from '../../shared/desk-api/ticket-presence-methods.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import type { Acked } from '../../shared/sync/protocol.js';
import { steppingClock } from '../testing/test-clock.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const pool = new SocketPool(() => server.url);

beforeAll(async () => {
  server = await startTestServer({ clock: steppingClock(Date.parse('2026-11-23T02:00:00.000Z')), seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

const set = (socket: Socket, update: unknown) => socket.timeout(5000).emitWithAck(ticketPresenceSocketEvents.set, update) as Promise<Acked<object>>;

/** Every presence message a socket hears, and a way to wait for the one a test expects. */
function listen(socket: Socket) {
  const heard: TicketPresence[] = [];
  const waiters: { match(p: TicketPresence): boolean; resolve(p: TicketPresence): void }[] = [];
  socket.on(ticketPresenceSocketEvents.changed, (presence: TicketPresence) => {
    heard.push(presence);
    for (const waiter of waiters.splice(0)) if (waiter.match(presence)) waiter.resolve(presence);
    else waiters.push(waiter);
  });
  return {
    heard,
    next: (match: (p: TicketPresence) => boolean) =>
      new Promise<TicketPresence>((resolve, reject) => {
        const found = heard.find(match);
        if (found) return resolve(found);
        waiters.push({ match, resolve });
        setTimeout(() => reject(new Error('no such presence message')), 3000);
      }),
  };
}

const names = (p: TicketPresence) => p.viewers.map((v) => `${v.name}${v.replying ? ' (replying)' : ''}`);

async function billingTicket(): Promise<Ticket> {
  const token = await loginAs(server.url, 'agent3@demo');
  const response = await fetch(`${server.url}/api/v1/tickets?queueId=billing&pageSize=1`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { items: Ticket[] }).items[0]!;
}

describe('ticket presence over the sync socket', () => {
  it('tells two agents on the same ticket that the other is viewing, then replying, then gone', async () => {
    const ticket = await billingTicket();
    const olga = await pool.open('agent3@demo');
    const marta = await pool.open('agent@demo');
    const olgaHears = listen(olga);
    const martaHears = listen(marta);

    expect(await set(olga, { ticketId: ticket.id, replying: false })).toEqual({ ok: true, value: {} });
    await set(marta, { ticketId: ticket.id, replying: false });
    expect(names(await olgaHears.next((p) => p.viewers.length === 2))).toEqual(['Marta Nowak', 'Olga Smirnova']);

    await set(marta, { ticketId: ticket.id, replying: true });
    expect(names(await olgaHears.next((p) => p.viewers.some((v) => v.replying)))).toEqual(['Marta Nowak (replying)', 'Olga Smirnova']);

    // Closing the console (the socket) clears Marta at once.
    marta.disconnect();
    expect(names(await olgaHears.next((p) => p.viewers.length === 1))).toEqual(['Olga Smirnova']);
    expect(martaHears.heard.every((p) => p.ticketId === ticket.id)).toBe(true);
  });

  it('leaves the old ticket’s room when the agent opens another, or none', async () => {
    const ticket = await billingTicket();
    const olga = await pool.open('agent3@demo');
    const marta = await pool.open('agent@demo');
    const olgaHears = listen(olga);
    await set(olga, { ticketId: ticket.id, replying: false });
    await set(marta, { ticketId: ticket.id, replying: false });
    await olgaHears.next((p) => p.viewers.length === 2);
    await set(marta, { ticketId: null, replying: false });
    expect(names(await olgaHears.next((p) => p.viewers.length === 1))).toEqual(['Olga Smirnova']);
  });

  it('refuses a ticket the agent may not see and a malformed message, telling nobody', async () => {
    const ticket = await billingTicket();
    const janis = await pool.open('agent2@demo'); // General only
    const olga = await pool.open('agent3@demo');
    const olgaHears = listen(olga);
    await set(olga, { ticketId: ticket.id, replying: false });
    await olgaHears.next((p) => p.viewers.length >= 1);
    const count = olgaHears.heard.length;
    expect(await set(janis, { ticketId: ticket.id, replying: false })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await set(janis, { ticketId: randomUUID(), replying: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(olgaHears.heard.length).toBe(count);
  });
});
