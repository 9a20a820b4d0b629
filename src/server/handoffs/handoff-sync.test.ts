import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { HandoffPage } from '../../shared/api/rest.js';
import type { HandoffNote } from '../../shared/domain/handoff.js';
import { socketEvents, type Change, type Cursors } from '../../shared/sync/protocol.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll as pullEverything, pullOnce, pushOnce, SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const open = (email: string) => pool.open(email);

const push = pushOnce;
const writtenAt = '2026-11-23T05:50:00.000Z';
const write = (id: number, args: { handoffId: string; queueId: string | null; body: string }) => ({ id, name: 'handoff.write', createdAt: writtenAt, args: { ...args, writtenAt } });
const acknowledge = (id: number, handoffId: string) => ({ id, name: 'handoff.acknowledge', createdAt: writtenAt, args: { handoffId } });

const pullAll = (socket: Socket, from: Cursors = {}) => pullEverything(socket, from, 1000);

const handoffsIn = (changes: Change[]) => changes.filter((c): c is Extract<Change, { entity: 'handoff'; op: 'upsert' }> => c.entity === 'handoff' && c.op === 'upsert');

async function notesOnServer(email = 'admin@demo'): Promise<HandoffNote[]> {
  const token = await loginAs(server.url, email);
  const page = (await (await fetch(`${server.url}/api/v1/handoffs?pageSize=200`, { headers: { authorization: `Bearer ${token}` } })).json()) as HandoffPage;
  return page.items;
}

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

describe('handoff mutations over the sync socket', () => {
  it('writes a note once, however often it is delivered, with the id the console minted', async () => {
    const socket = await open('agent3@demo');
    const clientId = randomUUID();
    const handoffId = randomUUID();
    const mutations = [write(1, { handoffId, queueId: 'billing', body: '  Invoice run stuck at 80 %; finance on-call knows.  ' })];
    expect(await push(socket, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect(await push(socket, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });

    const written = (await notesOnServer()).filter((note) => note.id === handoffId);
    expect(written).toEqual([
      expect.objectContaining({ queueId: 'billing', authorId: 'u-agent3', authorName: 'Olga Smirnova', body: 'Invoice run stuck at 80 %; finance on-call knows.', writtenAt, acknowledgements: [] }),
    ]);
    const pulled = await pullOnce(socket, { cursors: {}, limit: 5000, clientId });
    expect(pulled.ok && pulled.value.lastMutationId).toBe(1);
  });

  it('refuses a note for a queue the agent does not work in, writes nothing, and moves on', async () => {
    const socket = await open('agent3@demo');
    const clientId = randomUUID();
    const forbidden = randomUUID();
    const unknownQueue = randomUUID();
    const reply = await push(socket, {
      clientId,
      mutations: [
        write(1, { handoffId: forbidden, queueId: 'network', body: 'Peeking into network' }),
        write(2, { handoffId: unknownQueue, queueId: 'nowhere', body: 'Lost' }),
        write(3, { handoffId: randomUUID(), queueId: null, body: 'For everyone: coffee machine fixed.' }),
      ],
    });
    expect(reply.ok && reply.value.results).toEqual([
      { id: 1, status: 'rejected', rejection: expect.objectContaining({ code: 'forbidden', field: 'queueId' }) },
      { id: 2, status: 'rejected', rejection: expect.objectContaining({ code: 'invalid', field: 'queueId' }) },
      { id: 3, status: 'applied' },
    ]);
    const ids = (await notesOnServer()).map((note) => note.id);
    expect(ids).not.toContain(forbidden);
    expect(ids).not.toContain(unknownQueue);
  });

  it('acknowledging twice is one acknowledgement and one change, not an error', async () => {
    const author = await open('agent@demo');
    const reader = await open('agent3@demo');
    const handoffId = randomUUID();
    await push(author, { clientId: randomUUID(), mutations: [write(1, { handoffId, queueId: 'billing', body: 'Refund batch approved' })] });
    const { cursors } = await pullAll(reader);

    const clientId = randomUUID();
    const reply = await push(reader, { clientId, mutations: [acknowledge(1, handoffId), acknowledge(2, handoffId)] });
    expect(reply.ok && reply.value.results).toEqual([
      { id: 1, status: 'applied' },
      { id: 2, status: 'applied' },
    ]);
    // The same acknowledgement from another console of the same agent: still one.
    await push(reader, { clientId: randomUUID(), mutations: [acknowledge(1, handoffId)] });

    const note = (await notesOnServer()).find((n) => n.id === handoffId)!;
    expect(note.acknowledgements).toEqual([{ agentId: 'u-agent3', agentName: 'Olga Smirnova', at: expect.any(String) }]);
    const { changes } = await pullAll(reader, cursors);
    expect(handoffsIn(changes).map((c) => c.row.acknowledgements.length)).toEqual([1]);
  });

  it('refuses to acknowledge an unknown note, or one of a queue the agent does not see, as not found', async () => {
    const tier2 = await open('tier2@demo');
    const billingNote = randomUUID();
    await push(await open('agent3@demo'), { clientId: randomUUID(), mutations: [write(1, { handoffId: billingNote, queueId: 'billing', body: 'Billing only' })] });
    const reply = await push(tier2, { clientId: randomUUID(), mutations: [acknowledge(1, randomUUID()), acknowledge(2, billingNote)] });
    expect(reply.ok && reply.value.results.map((r) => (r.status === 'rejected' ? r.rejection.code : r.status))).toEqual(['not_found', 'not_found']);
    expect((await notesOnServer()).find((n) => n.id === billingNote)?.acknowledgements).toEqual([]);
  });

  it('answers a malformed handoff mutation with the field named, and applies nothing', async () => {
    const socket = await open('agent3@demo');
    const handoffId = randomUUID();
    const reply = await push(socket, { clientId: randomUUID(), mutations: [write(1, { handoffId, queueId: 'billing', body: 'x'.repeat(20_001) })] });
    expect(!reply.ok && reply.error.message).toMatch(/^mutations\.0\.args\.body/);
    const blank = await push(socket, { clientId: randomUUID(), mutations: [write(1, { handoffId, queueId: 'billing', body: '   ' })] });
    expect(!blank.ok && blank.error.message).toMatch(/^mutations\.0\.args\.body/);
    expect((await notesOnServer()).map((n) => n.id)).not.toContain(handoffId);
  });
});

describe('who receives a handoff note', () => {
  it('a queue’s note reaches that queue’s agents only; a note for the whole desk reaches everyone', async () => {
    const billing = await open('agent3@demo');
    const network = await open('tier2@demo');
    const billingStart = await pullAll(billing);
    const networkStart = await pullAll(network);
    // The demo desk's notes: each agent holds those of their queues and the whole desk's.
    expect(new Set(handoffsIn(billingStart.changes).map((c) => c.row.queueId))).toEqual(new Set(['billing', null]));
    expect(new Set(handoffsIn(networkStart.changes).map((c) => c.row.queueId))).toEqual(new Set(['network', null]));

    const scopesPushedToNetwork: string[] = [];
    network.on(socketEvents.changes, (raw: { scope: string }) => scopesPushedToNetwork.push(raw.scope));
    const queueNote = randomUUID();
    const deskNote = randomUUID();
    await push(billing, {
      clientId: randomUUID(),
      mutations: [write(1, { handoffId: queueNote, queueId: 'billing', body: 'Billing only: VAT fix pending' }), write(2, { handoffId: deskNote, queueId: null, body: 'Whole desk: portal maintenance at 22:00' })],
    });

    const billingNews = handoffsIn((await pullAll(billing, billingStart.cursors)).changes);
    const networkNews = handoffsIn((await pullAll(network, networkStart.cursors)).changes);
    expect(billingNews.map((c) => [c.row.id, c.scope])).toEqual([
      [queueNote, 'queue:billing'],
      [deskNote, 'shared'],
    ]);
    expect(networkNews.map((c) => [c.row.id, c.scope])).toEqual([[deskNote, 'shared']]);
    // Pushes go to the rooms of their scope: the network console hears of the desk's note only.
    await expect.poll(() => scopesPushedToNetwork).toContain('shared');
    expect(scopesPushedToNetwork).not.toContain('queue:billing');
  });
});
