import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { socketEvents, type Change, type ChangesPush, type Cursors } from '../../shared/sync/protocol.js';
import { startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll as pullEverything, pushOnce as push, SocketPool } from '../testing/test-socket.js';

/** Monday morning: Piotr holds tier 2's pager and is Network's only agent. */
let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const open = (email: string) => pool.open(email);
const createdAt = '2026-11-23T10:00:00.000Z';

const escalate = (id: number, args: { ticketId: string; escalationId: string; target: object; reason: string }) => ({ id, name: 'ticket.escalate', createdAt, args });
const acknowledge = (id: number, escalationId: string) => ({ id, name: 'escalation.acknowledge', createdAt, args: { escalationId } });
const decline = (id: number, escalationId: string, reason: string) => ({ id, name: 'escalation.decline', createdAt, args: { escalationId, reason } });

const pullAll = (socket: Socket, from: Cursors = {}) => pullEverything(socket, from, 1000);
type EscalationChange = Extract<Change, { entity: 'escalation'; op: 'upsert' }>;
const escalationsIn = (changes: Change[], id: string) => changes.filter((c): c is EscalationChange => c.entity === 'escalation' && c.op === 'upsert' && c.row.id === id);

async function generalTicket(): Promise<string> {
  const row = await server.context.db.selectFrom('tickets').select('id').where('queue_id', '=', 'general').where('status', 'in', ['new', 'open']).orderBy('number', 'desc').executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.parse(createdAt) }, seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

describe('escalation mutations over the sync socket', () => {
  it('reach the engineer paged at once, and the escalating agent sees who acknowledged, however often delivered', async () => {
    const marta = await open('agent@demo');
    const piotr = await open('tier2@demo');
    const martaStart = await pullAll(marta);
    const piotrStart = await pullAll(piotr);
    const pushedToPiotr: ChangesPush[] = [];
    piotr.on(socketEvents.changes, (pushed: ChangesPush) => pushedToPiotr.push(pushed));

    const ticketId = await generalTicket();
    const escalationId = randomUUID();
    const clientId = randomUUID();
    const mutations = [escalate(1, { ticketId, escalationId, target: { tier: 2 }, reason: 'Customer’s BGP session flaps since 09:40.' })];
    expect(await push(marta, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect(await push(marta, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect(await server.context.db.selectFrom('escalations').select('id').where('ticket_id', '=', ticketId).execute()).toEqual([{ id: escalationId }]);

    // Pushed into Piotr's own room (he is paged) as it commits, not only found by his next pull.
    await expect.poll(() => pushedToPiotr.flatMap((p) => p.changes).some((c) => c.entity === 'escalation' && c.op === 'upsert' && c.row.id === escalationId)).toBe(true);
    const piotrNews = await pullAll(piotr, piotrStart.cursors);
    expect(escalationsIn(piotrNews.changes, escalationId).map((c) => c.scope).sort()).toEqual(['queue:network', 'user:u-tier2']);
    expect(escalationsIn(piotrNews.changes, escalationId)[0]!.row).toMatchObject({ state: 'paging', paged: [{ kind: 'user', userId: 'u-tier2' }], escalatedBy: { userId: 'u-agent', name: 'Marta Nowak' } });

    // Marta's console loses the ticket (it left General) but keeps the escalation in her own scope.
    const martaNews = await pullAll(marta, martaStart.cursors);
    expect(martaNews.changes).toContainEqual(expect.objectContaining({ entity: 'ticket', op: 'delete', rowId: ticketId, scope: 'queue:general' }));
    expect(escalationsIn(martaNews.changes, escalationId).map((c) => c.scope).sort()).toEqual(['queue:general', 'user:u-agent']);

    expect(await push(piotr, { clientId: randomUUID(), mutations: [acknowledge(1, escalationId)] })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    const acknowledged = escalationsIn((await pullAll(marta, martaNews.cursors)).changes, escalationId);
    expect(acknowledged.at(-1)!.row).toMatchObject({ state: 'acknowledged', acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, acknowledgedAt: expect.any(String) });
  });

  it('refuses what the present no longer allows, names who got there first, and moves the queue on', async () => {
    const marta = await open('agent@demo');
    const piotr = await open('tier2@demo');
    const ewa = await open('supervisor@demo');
    const ticketId = await generalTicket();
    const escalationId = randomUUID();
    await push(marta, { clientId: randomUUID(), mutations: [escalate(1, { ticketId, escalationId, target: { queueId: 'network' }, reason: 'Switch port errors.' })] });
    await push(piotr, { clientId: randomUUID(), mutations: [acknowledge(1, escalationId)] });

    const reply = await push(ewa, {
      clientId: randomUUID(),
      mutations: [
        acknowledge(1, escalationId),
        decline(2, escalationId, 'Busy'),
        escalate(3, { ticketId, escalationId, target: { tier: 3 }, reason: 'Same id again' }),
        acknowledge(4, randomUUID()),
      ],
    });
    expect(reply.ok && reply.value.results).toEqual([
      { id: 1, status: 'rejected', rejection: expect.objectContaining({ code: 'conflict', current: 'acknowledged', changedBy: 'Piotr Zieliński' }) },
      { id: 2, status: 'rejected', rejection: expect.objectContaining({ code: 'conflict', current: 'acknowledged' }) },
      { id: 3, status: 'rejected', rejection: expect.objectContaining({ code: 'invalid', field: 'escalationId' }) },
      { id: 4, status: 'rejected', rejection: expect.objectContaining({ code: 'not_found' }) },
    ]);
    // Marta's ticket is in Network now: escalating it again from her console finds nothing to escalate.
    const again = await push(marta, { clientId: randomUUID(), mutations: [escalate(1, { ticketId, escalationId: randomUUID(), target: { tier: 3 }, reason: 'Still broken' })] });
    expect(again.ok && again.value.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'not_found' } });
  });

  it('answers a malformed escalation with the field named, and applies nothing', async () => {
    const marta = await open('agent@demo');
    const ticketId = await generalTicket();
    const blank = await push(marta, { clientId: randomUUID(), mutations: [escalate(1, { ticketId, escalationId: randomUUID(), target: { tier: 2 }, reason: '  ' })] });
    expect(!blank.ok && blank.error.message).toMatch(/^mutations\.0\.args\.reason/);
    const badTarget = await push(marta, { clientId: randomUUID(), mutations: [escalate(1, { ticketId, escalationId: randomUUID(), target: { tier: 1 }, reason: 'Down?' })] });
    expect(!badTarget.ok && badTarget.error.message).toMatch(/^mutations\.0\.args\.target/);
    expect(await server.context.db.selectFrom('escalations').select('id').where('ticket_id', '=', ticketId).execute()).toEqual([]);
  });
});
