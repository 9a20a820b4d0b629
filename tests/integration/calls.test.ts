import { describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../src/shared/domain/ticket.js';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { loginAs, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { deskHarness } from '../support/desk-harness.js';
import { nextEvent } from '../support/desk-events.js';
import { listedTickets } from '../support/listed-tickets.js';

const { server, core, folder } = deskHarness('shiftdesk-calls-');

async function settled(desk: DeskCore): Promise<void> {
  await expect.poll(async () => (await desk.api['outbox.get']({})).waiting, { timeout: 15_000 }).toBe(0);
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
}

async function serverTicket(running: RunningTestServer, id: string): Promise<TicketDetail> {
  const token = await loginAs(running.url, 'admin@demo');
  return (await fetch(`${running.url}/api/v1/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<TicketDetail>;
}

const onTicket = { callerName: 'Anna Kowalska', callerPhone: '+48 22 123 45 67', notes: 'Will send the bank statement tomorrow; nothing to do until then.', durationSeconds: 272, outcome: 'waiting_on_customer' } as const;
const opening = { callerName: 'Laura Ozola', callerPhone: '+371 2612 3456', subject: 'Checkout returns 502 since 02:10', notes: 'Every card payment fails; she will retry after our fix.', durationSeconds: 95, outcome: 'follow_up' } as const;

describe('phone calls logged in the console', () => {
  it('logged while the server is down, show at once, survive a console restart, and reach the server exactly once', async () => {
    const first = await server();
    const port = Number(new URL(first.url).port);
    const dataDir = folder();
    const desk = core(first.url, dataDir);
    await desk.api['session.login']({ email: 'agent@demo', password: 'shiftdesk' });
    await expect.poll(async () => (await listedTickets(desk)).length, { timeout: 15_000 }).toBeGreaterThan(10);
    const ticket = (await listedTickets(desk)).find((t) => t.status === 'open' && t.queueId === 'billing')!;
    await settled(desk);

    const offline = nextEvent(desk, 'connection.changed', (state: { status: string }) => state.status === 'offline');
    await first.stop({ keepData: true });
    await offline;

    const changed = nextEvent(desk, 'tickets.changed');
    await desk.api['calls.log']({ ticketId: ticket.id, ...onTicket });
    expect(await changed).toEqual({ ids: [ticket.id] });
    await desk.api['calls.log'](opening);

    const shownOffline = async (view: DeskCore) => {
      const detail = (await view.api['tickets.get']({ id: ticket.id }))!;
      expect(detail.ticket.status).toBe('pending');
      expect(detail.pendingMessageIds).toHaveLength(1);
      expect(detail.messages.find((m) => m.id === detail.pendingMessageIds[0])).toMatchObject({
        authorKind: 'customer',
        authorName: 'Anna Kowalska',
        body: onTicket.notes,
        via: 'phone',
        call: { callerName: 'Anna Kowalska', callerPhone: '+48 22 123 45 67', durationSeconds: 272, outcome: 'waiting_on_customer' },
      });
      expect((await view.api['calls.pending']({})).map(({ call }) => [call.ticketId ?? null, call.subject ?? null])).toEqual([
        [ticket.id, null],
        [null, opening.subject],
      ]);
      expect((await view.api['outbox.get']({})).waiting).toBe(2);
    };
    await shownOffline(desk);

    // The console restarts with the server still down: both calls are on screen again from its outbox.
    await desk.close();
    const restarted = core(first.url, dataDir);
    await shownOffline(restarted);

    const back = await server({ dataDir: first.dataDir, port });
    await settled(restarted);
    expect(await restarted.api['calls.pending']({})).toEqual([]);

    const onServer = await serverTicket(back, ticket.id);
    expect(onServer.ticket.status).toBe('pending');
    expect(onServer.messages.filter((m) => m.body === onTicket.notes)).toEqual([expect.objectContaining({ authorName: 'Anna Kowalska', writtenAt: expect.any(String), call: expect.objectContaining({ durationSeconds: 272 }) })]);
    const local = (await restarted.api['tickets.get']({ id: ticket.id }))!;
    expect({ ticket: local.ticket, messages: local.messages }).toEqual(onServer);

    const opened = await back.context.db.selectFrom('tickets').select(['id', 'channel', 'assignee_id']).where('subject', '=', opening.subject).execute();
    expect(opened).toEqual([{ id: expect.any(String), channel: 'phone', assignee_id: 'u-agent' }]);
    await expect.poll(async () => (await restarted.api['tickets.get']({ id: opened[0]!.id }))?.messages[0]?.call?.callerName, { timeout: 10_000 }).toBe('Laura Ozola');
  }, 60_000);

  it('refuses in the console what the server would refuse, while the agent is still looking at the form', async () => {
    const running = await server();
    const desk = core(running.url);
    await desk.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    await settled(desk);
    await expect(desk.api['calls.log']({ ...opening, queueId: 'network' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^queueId/) });
    await expect(desk.call('calls.log', { ...opening, durationSeconds: -5 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^durationSeconds/) } });
    await expect(desk.call('calls.log', { ...onTicket })).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/^subject/) } });
    expect((await desk.api['outbox.get']({})).waiting).toBe(0);
  }, 30_000);
});
