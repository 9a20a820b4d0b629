import { describe, expect, it } from 'vitest';
import type { MyTicketCounts } from '../../src/shared/desk-api/desktop-methods.js';
import type { Ticket } from '../../src/shared/domain/ticket.js';
import { countMine } from '../../src/main/core/desktop/my-counts.js';
import { loginAs } from '../../src/server/testing/test-server.js';
import { deskHarness } from '../support/desk-harness.js';

const { server, core } = deskHarness('shiftdesk-desktop-');

describe("the tray's counts and ticket links, from a replica synced with a real server", () => {
  it('counts my unfinished and at-risk tickets as the server has them, follows an assignment, and finds tickets by number', async () => {
    const running = await server();
    const admin = await loginAs(running.url, 'admin@demo');
    const list = async (queueId: string) =>
      ((await (await fetch(`${running.url}/api/v1/tickets?queueId=${queueId}&pageSize=200`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { items: Ticket[] }).items;

    const desk = core(running.url);
    const told: MyTicketCounts[] = [];
    desk.onEvent((event, payload) => {
      if (event === 'desk.countsChanged') told.push(payload as MyTicketCounts);
    });
    await desk.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 10_000 }).toBe('online');

    const billing = await list('billing');
    const expected = countMine(billing, 'u-agent3', Date.now()).counts;
    expect(expected.open).toBeGreaterThan(0);
    await expect.poll(() => desk.api['desk.myCounts']({}), { timeout: 5000 }).toEqual(expected);
    await expect.poll(() => told.at(-1), { timeout: 5000 }).toEqual(expected);

    // Olga takes an unassigned ticket: the overlay shows it at once, the tray hears of it.
    const free = billing.find((ticket) => ticket.assigneeId !== 'u-agent3' && (ticket.status === 'open' || ticket.status === 'new'))!;
    await desk.api['mutations.enqueue']({ name: 'ticket.assign', args: { ticketId: free.id, expectedAssignee: free.assigneeId, assignee: 'u-agent3' } });
    await expect.poll(() => told.at(-1)?.open, { timeout: 5000 }).toBe(expected.open + 1);

    expect(await desk.api['tickets.byNumber']({ number: free.number })).toEqual({ id: free.id });
    const network = (await list('network'))[0]!;
    expect(await desk.api['tickets.byNumber']({ number: network.number })).toBeNull();
    await expect(desk.call('tickets.byNumber', { number: 0 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers nothing to a console nobody is signed in to', async () => {
    const running = await server();
    const desk = core(running.url);
    await expect(desk.call('desk.myCounts', {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await expect(desk.call('tickets.byNumber', { number: 'one' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
