import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../src/shared/desk-api/contract.js';
import type { TicketDetail } from '../../src/shared/domain/ticket.js';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { steppingClock } from '../../src/server/testing/test-clock.js';
import { loginAs, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { deskHarness } from '../support/desk-harness.js';
import { listedTickets } from '../support/listed-tickets.js';

const { server, core, folder, openCore } = deskHarness('shiftdesk-outbox-');

function until(desk: DeskCore, event: DeskEvent, matches: (payload: never) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = desk.onEvent((name, payload) => {
      if (name === event && matches(payload as never)) {
        stop();
        resolve();
      }
    });
  });
}

async function settled(desk: DeskCore): Promise<void> {
  await expect.poll(async () => (await desk.api['outbox.get']({})).waiting, { timeout: 10_000 }).toBe(0);
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 10_000 }).toBe('online');
}

async function serverTicket(running: RunningTestServer, id: string): Promise<TicketDetail> {
  const token = await loginAs(running.url, 'admin@demo');
  return (await fetch(`${running.url}/api/v1/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<TicketDetail>;
}

/** The replica's view of a ticket without this console's pending marks: what must equal the server's. */
async function replicaTicket(desk: DeskCore, id: string): Promise<TicketDetail> {
  const local = (await desk.api['tickets.get']({ id }))!;
  return { ticket: local.ticket, messages: local.messages };
}

async function openTicket(desk: DeskCore) {
  await expect.poll(async () => (await listedTickets(desk)).length, { timeout: 10_000 }).toBeGreaterThan(10);
  return (await listedTickets(desk)).find((t) => t.status === 'open')!;
}

describe('outbox and overlay against a real server', () => {
  it('shows a reply at once, then confirms it without showing it twice', async () => {
    const running = await server();
    const desk = core(running.url);
    await desk.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    const ticket = await openTicket(desk);
    const before = (await desk.api['tickets.get']({ id: ticket.id }))!.messages.length;

    await desk.api['mutations.enqueue']({ name: 'ticket.reply', args: { ticketId: ticket.id, body: 'Refund issued, 3–5 business days.' } });
    const optimistic = (await desk.api['tickets.get']({ id: ticket.id }))!;
    expect(optimistic.messages.length).toBe(before + 1);
    expect(optimistic.pendingMessageIds).toHaveLength(1);

    await settled(desk);
    const confirmed = (await desk.api['tickets.get']({ id: ticket.id }))!;
    expect(confirmed.pendingMessageIds).toEqual([]);
    expect(confirmed.messages.filter((m) => m.body === 'Refund issued, 3–5 business days.')).toHaveLength(1);
    expect(await replicaTicket(desk, ticket.id)).toEqual(await serverTicket(running, ticket.id));
  });

  it('keeps working while the server is down, and replays every change in order once it is back', async () => {
    const first = await server();
    const port = Number(new URL(first.url).port);
    const desk = core(first.url);
    await desk.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    const ticket = await openTicket(desk);
    await settled(desk);

    const offline = until(desk, 'connection.changed', (state: { status: string }) => state.status === 'offline');
    await first.stop({ keepData: true });
    await offline;

    await desk.api['mutations.enqueue']({ name: 'ticket.note', args: { ticketId: ticket.id, body: 'VPN down on my side, writing offline' } });
    await desk.api['mutations.enqueue']({ name: 'ticket.setPriority', args: { ticketId: ticket.id, from: ticket.priority, to: 'critical' } });
    await desk.api['mutations.enqueue']({ name: 'ticket.reply', args: { ticketId: ticket.id, body: 'We found the cause and are fixing it.' } });
    await desk.api['mutations.enqueue']({ name: 'ticket.setStatus', args: { ticketId: ticket.id, from: 'open', to: 'pending' } });
    expect((await desk.api['outbox.get']({})).waiting).toBe(4);
    const whileOffline = (await desk.api['tickets.get']({ id: ticket.id }))!;
    expect(whileOffline.ticket).toMatchObject({ status: 'pending', priority: 'critical' });
    expect(whileOffline.pendingMessageIds).toHaveLength(2);

    // A new server process on the same port and data folder.
    const second = await server({ dataDir: first.dataDir, port });
    await settled(desk);
    const onServer = await serverTicket(second, ticket.id);
    expect(onServer.ticket).toMatchObject({ status: 'pending', priority: 'critical' });
    expect(onServer.messages.slice(-2).map((m) => [m.body, m.isPublic])).toEqual([
      ['VPN down on my side, writing offline', false],
      ['We found the cause and are fixing it.', true],
    ]);
    expect(await replicaTicket(desk, ticket.id)).toEqual(onServer);
  });

  it('rolls a refused change back exactly and keeps it for the agent, with who changed the ticket', async () => {
    const running = await server();
    const desk = core(running.url);
    await desk.api['session.login']({ email: 'agent@demo', password: 'shiftdesk' });
    const ticket = await openTicket(desk);
    await settled(desk);
    const other = await loginAs(running.url, 'agent2@demo');
    const visibleToOther = ticket.queueId === 'general';
    const token = visibleToOther ? other : await loginAs(running.url, 'agent3@demo');
    await fetch(`${running.url}/api/v1/tickets/${ticket.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ status: 'on_hold' }) });

    // Sent before this console pulled the change: the agent still saw "open".
    await desk.api['mutations.enqueue']({ name: 'ticket.setStatus', args: { ticketId: ticket.id, from: 'open', to: 'solved' } });
    await expect.poll(async () => (await desk.api['outbox.get']({})).refused.length, { timeout: 10_000 }).toBe(1);
    const { refused } = await desk.api['outbox.get']({});
    expect(refused[0]).toMatchObject({ ticketId: ticket.id, name: 'ticket.setStatus', rejection: { code: 'conflict', field: 'status', current: 'on_hold', changedBy: visibleToOther ? 'Jānis Bērziņš' : 'Olga Smirnova' } });
    await settled(desk);
    expect((await desk.api['tickets.get']({ id: ticket.id }))!.ticket.status).toBe('on_hold');
    expect(await replicaTicket(desk, ticket.id)).toEqual(await serverTicket(running, ticket.id));

    expect((await desk.api['outbox.discard']({ id: refused[0]!.id })).refused).toEqual([]);
  });

  it('a reply written offline hours ago on a ticket someone moved on comes back stale; Redo sends it as written now', async () => {
    const world = steppingClock();
    const first = await server({ clock: world });
    const port = Number(new URL(first.url).port);
    const desk = core(first.url, undefined, world);
    await desk.api['session.login']({ email: 'agent@demo', password: 'shiftdesk' });
    await openTicket(desk);
    const ticket = (await listedTickets(desk)).find((t) => t.status === 'open' && t.queueId === 'billing')!;
    await settled(desk);

    const offline = until(desk, 'connection.changed', (state: { status: string }) => state.status === 'offline');
    await first.stop({ keepData: true });
    await offline;
    await desk.api['mutations.enqueue']({ name: 'ticket.reply', args: { ticketId: ticket.id, body: 'Refund issued, 3–5 business days.' } });

    // Two hours later Olga puts the ticket on hold, on a server this console cannot reach yet.
    world.advance(2 * 3_600_000);
    const meanwhile = await server({ dataDir: first.dataDir, clock: world });
    const olga = await loginAs(meanwhile.url, 'agent3@demo');
    await fetch(`${meanwhile.url}/api/v1/tickets/${ticket.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${olga}` }, body: JSON.stringify({ status: 'on_hold' }) });
    await meanwhile.stop({ keepData: true });

    const back = await server({ dataDir: first.dataDir, port, clock: world });
    await expect.poll(async () => (await desk.api['outbox.get']({})).refused.length, { timeout: 10_000 }).toBe(1);
    const [stale] = (await desk.api['outbox.get']({})).refused;
    expect(stale).toMatchObject({ name: 'ticket.reply', args: { body: 'Refund issued, 3–5 business days.' }, rejection: { code: 'stale', current: 'on_hold', changedBy: 'Olga Smirnova' } });
    const writtenAt = String(stale!.args['writtenAt']);
    await settled(desk);
    expect((await serverTicket(back, ticket.id)).messages.some((m) => m.body === 'Refund issued, 3–5 business days.')).toBe(false);
    expect(await replicaTicket(desk, ticket.id)).toEqual(await serverTicket(back, ticket.id));

    // What the console's Redo does: the same text again (stamped as written now), then drop the refused one.
    await desk.api['mutations.enqueue']({ name: 'ticket.reply', args: { ticketId: ticket.id, body: 'Refund issued, 3–5 business days.' } });
    expect((await desk.api['outbox.discard']({ id: stale!.id })).refused).toEqual([]);
    await settled(desk);
    const sent = (await serverTicket(back, ticket.id)).messages.filter((m) => m.body === 'Refund issued, 3–5 business days.');
    expect(sent).toHaveLength(1);
    expect(Date.parse(sent[0]!.writtenAt ?? sent[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(writtenAt) + 2 * 3_600_000);
    expect((await desk.api['outbox.get']({})).refused).toEqual([]);
  });

  it('an unsent change survives a console restart and is sent on the next connect', async () => {
    const running = await server();
    const dataDir = folder();
    const first = core('http://127.0.0.1:9', dataDir);
    await expect(first.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' })).rejects.toMatchObject({ code: 'unavailable' });
    first.close();

    const online = core(running.url, dataDir);
    await online.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    const ticket = await openTicket(online);
    await settled(online);
    online.close();

    // Offline restart: the session and replica are there, the server is not.
    const offline = openCore('http://127.0.0.1:9', dataDir);
    await offline.api['mutations.enqueue']({ name: 'ticket.note', args: { ticketId: ticket.id, body: 'Written on the train' } });
    offline.close();

    const back = core(running.url, dataDir);
    expect((await back.api['tickets.get']({ id: ticket.id }))!.messages.at(-1)?.body).toBe('Written on the train');
    await settled(back);
    expect((await serverTicket(running, ticket.id)).messages.at(-1)?.body).toBe('Written on the train');
  });
});

describe('a console offline longer than the log keeps deletions', () => {
  it('starts afresh from the compacted log, drops what left its queues, and still sends its changes', async () => {
    const running = await server();
    const dataDir = folder();
    const first = core(running.url, dataDir);
    await first.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    await openTicket(first);
    const [kept, leaving] = (await listedTickets(first)).filter((t) => t.status === 'open');
    await settled(first);
    first.close();

    // While the console is away: a ticket moves out of its queue, and the log forgets the deletion.
    const admin = await loginAs(running.url, 'admin@demo');
    await fetch(`${running.url}/api/v1/tickets/${leaving!.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ queueId: 'network', assigneeId: null }) });
    const { compactChangeLog } = await import('../../src/server/sync/compaction.js');
    expect((await compactChangeLog(running.context.db, { now: () => Date.now() + 86_400_000 }, 0)).tombstones).toBeGreaterThan(0);

    const offline = openCore('http://127.0.0.1:9', dataDir);
    await offline.api['mutations.enqueue']({ name: 'ticket.note', args: { ticketId: kept!.id, body: 'Noted while away for a month' } });
    offline.close();

    const back = core(running.url, dataDir);
    await settled(back);
    await expect.poll(async () => (await back.api['tickets.get']({ id: leaving!.id })) === null, { timeout: 10_000 }).toBe(true);
    expect((await serverTicket(running, kept!.id)).messages.at(-1)?.body).toBe('Noted while away for a month');
    expect(await replicaTicket(back, kept!.id)).toEqual(await serverTicket(running, kept!.id));
    const serverBilling = (await (await fetch(`${running.url}/api/v1/tickets?queueId=billing&pageSize=200`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { total: number };
    expect((await listedTickets(back)).length).toBe(serverBilling.total);
  });
});
