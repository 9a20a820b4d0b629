import { describe, expect, it } from 'vitest';
import type { LocalEscalation } from '../../src/shared/desk-api/contract.js';
import type { DeskCore } from '../../src/main/core/desk-core.js';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { CuttableProxy } from '../support/cuttable-proxy.js';
import { deskHarness } from '../support/desk-harness.js';
import { nextEvent } from '../support/desk-events.js';
import { listedTickets } from '../support/listed-tickets.js';

const { server, core, onCleanup } = deskHarness('shiftdesk-escalations-');

async function signedIn(desk: DeskCore, email: string): Promise<void> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
  await expect.poll(async () => (await listedTickets(desk)).length, { timeout: 15_000 }).toBeGreaterThan(0);
}

const mine = async (desk: DeskCore, id: string): Promise<LocalEscalation | undefined> => (await desk.api['escalations.mine']({})).find((escalation) => escalation.id === id);

describe('escalations between consoles and the server', () => {
  it('the engineer paged sees it within two seconds and acknowledges; the escalating agent sees who and when', async () => {
    const running = await server();
    const marta = core(running.url);
    const piotr = core(running.url);
    await signedIn(marta, 'agent@demo');
    await signedIn(piotr, 'tier2@demo');
    const ticket = (await listedTickets(marta, { queueId: 'general' })).find((t) => t.status === 'new' || t.status === 'open')!;

    const changed = nextEvent(marta, 'escalations.changed');
    const paged = nextEvent(piotr, 'escalations.changed') as Promise<{ ids: string[] }>;
    const sent = Date.now();
    const { id } = await marta.api['escalations.escalate']({ ticketId: ticket.id, target: { tier: 2 }, reason: 'Customer’s BGP session flaps every few minutes.' });
    expect(await changed).toEqual({ ids: [id] });
    // On screen at once, in the agent's list and on the ticket.
    expect(await mine(marta, id)).toMatchObject({ ticketId: ticket.id, escalatedBy: { userId: 'u-agent' }, state: 'paging' });
    expect(await marta.api['escalations.forTicket']({ ticketId: ticket.id })).toEqual([expect.objectContaining({ id, to: expect.objectContaining({ queueId: 'network' }), reason: 'Customer’s BGP session flaps every few minutes.' })]);

    expect((await paged).ids).toContain(id);
    await expect.poll(async () => (await mine(piotr, id))?.paged, { timeout: 2_000 }).toEqual([{ kind: 'user', userId: 'u-tier2', name: 'Piotr Zieliński' }]);
    expect(Date.now() - sent).toBeLessThan(2_000);

    expect(await piotr.api['escalations.acknowledge']({ id })).toEqual({ queued: true });
    expect(await piotr.api['escalations.acknowledge']({ id })).toEqual({ queued: false });
    expect(await mine(piotr, id)).toMatchObject({ state: 'acknowledged', acknowledgementPending: true, acknowledgedBy: { userId: 'u-tier2' } });

    await expect.poll(async () => (await mine(marta, id))?.acknowledgedBy, { timeout: 10_000 }).toEqual({ userId: 'u-tier2', name: 'Piotr Zieliński' });
    const seen = (await mine(marta, id))!;
    expect(seen).toMatchObject({ state: 'acknowledged', pending: false, acknowledgedAt: expect.any(String) });
    // The ticket left Marta's queues; the escalation stays in her list, with its ticket's number and subject.
    expect((await listedTickets(marta)).map((t) => t.id)).not.toContain(ticket.id);
    expect(seen).toMatchObject({ ticketNumber: ticket.number, ticketSubject: ticket.subject });
    await expect.poll(async () => (await mine(piotr, id))?.acknowledgementPending, { timeout: 10_000 }).toBe(false);
  }, 60_000);

  it('a decline made offline shows at once and pages the next level on reconnect; an acknowledgement beaten by another rolls back with its reason', async () => {
    const running = await server();
    const proxy = new CuttableProxy(Number(new URL(running.url).port));
    await proxy.start();
    onCleanup(() => proxy.stop());
    const marta = core(running.url);
    const piotr = core(proxy.url);
    await signedIn(marta, 'agent@demo');
    await signedIn(piotr, 'tier2@demo');
    const [first, second] = (await listedTickets(marta, { queueId: 'general' })).filter((t) => t.status === 'new' || t.status === 'open');
    const declined = await marta.api['escalations.escalate']({ ticketId: first!.id, target: { tier: 2 }, reason: 'Uplink down at the Riga office.' });
    const raced = await marta.api['escalations.escalate']({ ticketId: second!.id, target: { tier: 2 }, reason: 'DNS answers time out.' });
    await expect.poll(async () => (await mine(piotr, raced.id))?.state, { timeout: 10_000 }).toBe('paging');
    await expect.poll(async () => (await mine(piotr, declined.id))?.state, { timeout: 10_000 }).toBe('paging');

    proxy.cut();
    await expect.poll(async () => (await piotr.api['connection.get']({})).status, { timeout: 15_000 }).toBe('offline');
    expect(await piotr.api['escalations.decline']({ id: declined.id, reason: 'On a train without signal until 14:00.' })).toEqual({ queued: true });
    expect(await mine(piotr, declined.id)).toMatchObject({ declinePending: true, paged: [], declines: [expect.objectContaining({ userId: 'u-tier2', reason: 'On a train without signal until 14:00.' })] });
    expect(await piotr.api['escalations.acknowledge']({ id: raced.id })).toEqual({ queued: true });
    // Meanwhile the supervisor takes that one.
    const ewa = await loginAs(running.url, 'supervisor@demo');
    expect((await callApi(running.url, `/api/v1/escalations/${raced.id}/ack`, { method: 'POST', token: ewa })).status).toBe(200);

    proxy.restore();
    await expect.poll(async () => (await piotr.api['outbox.get']({})).refused.length, { timeout: 15_000 }).toBe(1);
    const [refused] = (await piotr.api['outbox.get']({})).refused;
    expect(refused).toMatchObject({ name: 'escalation.acknowledge', rejection: { code: 'conflict', changedBy: 'Ewa Wiśniewska' } });
    await expect.poll(async () => (await mine(piotr, raced.id))?.acknowledgedBy?.name, { timeout: 10_000 }).toBe('Ewa Wiśniewska');
    expect(await mine(piotr, raced.id)).toMatchObject({ acknowledgementPending: false });

    // The decline reached the server: Network had nobody else, so the supervisor is paged.
    await expect.poll(async () => (await mine(marta, declined.id))?.paged, { timeout: 10_000 }).toEqual([{ kind: 'user', userId: 'u-supervisor', name: 'Ewa Wiśniewska' }]);
    expect(await mine(piotr, declined.id)).toMatchObject({ declinePending: false, level: 3 });
  }, 60_000);
});
