import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/protocol.js';
import { startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll, pushOnce, rowsAfter, SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const at = '2026-11-24T03:00:00.000Z';
const spec = { filters: { sla: ['breached'], channel: ['email'] }, sort: { column: 'sla', desc: false }, search: 'vpn' };
const save = (id: number, viewId: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name: 'view.save', createdAt: at, args: { viewId, name, ...spec, ...extra } });
const remove = (id: number, viewId: string) => ({ id, name: 'view.delete', createdAt: at, args: { viewId } });

const viewsIn = (changes: Change[]) => rowsAfter(changes, 'view');

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

describe('saved queue views over the sync socket', () => {
  it('keeps an agent’s views for them alone, on every console they sign in to, and lets them rename and delete them', async () => {
    const first = await pool.open('agent@demo');
    const viewId = randomUUID();
    const clientId = randomUUID();
    expect(await pushOnce(first, { clientId, mutations: [save(1, viewId, 'Night: breached email')] })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });

    // The same agent on another workstation pulls it; a colleague never sees it.
    const second = await pool.open('agent@demo');
    expect(viewsIn((await pullAll(second, {}, 1000)).changes).get(viewId)).toMatchObject({ name: 'Night: breached email', ownerId: 'u-agent', ...spec });
    const colleague = await pool.open('agent2@demo');
    expect(viewsIn((await pullAll(colleague, {}, 1000)).changes).has(viewId)).toBe(false);

    expect(await pushOnce(first, { clientId, mutations: [save(2, viewId, 'Breached email')] })).toEqual({ ok: true, value: { results: [{ id: 2, status: 'applied' }] } });
    expect(viewsIn((await pullAll(second, {}, 1000)).changes).get(viewId)?.name).toBe('Breached email');
    expect(await pushOnce(first, { clientId, mutations: [remove(3, viewId)] })).toEqual({ ok: true, value: { results: [{ id: 3, status: 'applied' }] } });
    expect(viewsIn((await pullAll(second, {}, 1000)).changes).has(viewId)).toBe(false);
    // Deleted already (by the agent's other console, say): nothing to do, nothing refused.
    expect(await pushOnce(first, { clientId, mutations: [remove(4, viewId)] })).toEqual({ ok: true, value: { results: [{ id: 4, status: 'applied' }] } });
  });

  it('refuses a colleague’s view id as not found and changes nothing', async () => {
    const owner = await pool.open('agent@demo');
    const viewId = randomUUID();
    await pushOnce(owner, { clientId: randomUUID(), mutations: [save(1, viewId, 'Mine')] });
    const colleague = await pool.open('agent2@demo');
    const clientId = randomUUID();
    const reply = await pushOnce(colleague, { clientId, mutations: [save(1, viewId, 'Taken over'), remove(2, viewId)] });
    expect(reply.ok && reply.value.results.map((r) => r.status === 'rejected' && r.rejection.code)).toEqual(['not_found', 'not_found']);
    expect(viewsIn((await pullAll(await pool.open('agent@demo'), {}, 1000)).changes).get(viewId)?.name).toBe('Mine');
  });

  it('refuses a view that does not validate, naming the field', async () => {
    const socket = await pool.open('agent@demo');
    const reply = await pushOnce(socket, { clientId: randomUUID(), mutations: [save(1, randomUUID(), '   ', { filters: { sla: ['late'] } })] });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/name|sla/);
  });
});
