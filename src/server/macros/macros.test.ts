import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Macro } from '../../shared/domain/knowledge.js';
import type { Change } from '../../shared/sync/protocol.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll, pushOnce, rowsAfter, SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const tokens = new Map<string, string>();
const token = async (email: string) => tokens.get(email) ?? tokens.set(email, await loginAs(server.url, email)).get(email)!;
const api = async <T = Record<string, unknown>>(email: string | null, path: string, init: { method?: string; body?: unknown } = {}) =>
  callApi<T>(server.url, path, { ...init, ...(email ? { token: await token(email) } : {}) });

/** A 204 has no body to parse. */
const deleteStatus = async (email: string, path: string) => (await fetch(`${server.url}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${await token(email)}` } })).status;

const content = (overrides: Record<string, unknown> = {}) => ({ title: 'VPN reconnect', body: 'Hi {{requester.first_name}}, please reconnect.', locale: 'en', shared: false, actions: { status: 'pending' }, ...overrides });
const save = (id: number, macroId: string, macro: Record<string, unknown>) => ({ id, name: 'macro.save', createdAt: '2026-11-24T03:00:00.000Z', args: { macroId, macro } });
const remove = (id: number, macroId: string) => ({ id, name: 'macro.delete', createdAt: '2026-11-24T03:00:00.000Z', args: { macroId } });

const macrosIn = (changes: Change[]) => rowsAfter(changes, 'macro');

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

describe('macros over REST', () => {
  it('requires a token', async () => {
    expect((await api(null, '/api/v1/macros')).status).toBe(401);
    expect((await api(null, '/api/v1/macros', { method: 'POST', body: content() })).status).toBe(401);
  });

  it('lists the shared macros and the caller’s own, never a colleague’s personal ones', async () => {
    const marta = (await api<Macro[]>('agent@demo', '/api/v1/macros')).body;
    expect(marta.find((m) => m.id === 'macro-marta-vpn-followup')).toMatchObject({ ownerId: 'u-agent', actions: { status: 'pending', addTags: ['vpn'] } });
    expect(marta.find((m) => m.id === 'macro-solved-thanks')).toMatchObject({ ownerId: null, actions: { status: 'solved' } });
    const olga = (await api<Macro[]>('agent3@demo', '/api/v1/macros')).body;
    expect(olga.some((m) => m.id === 'macro-marta-vpn-followup')).toBe(false);
    expect((await api('agent3@demo', '/api/v1/macros/macro-marta-vpn-followup')).status).toBe(404);
    expect((await api<Macro[]>('agent@demo', '/api/v1/macros?scope=personal')).body.map((m) => m.id)).toEqual(['macro-marta-vpn-followup']);
  });

  it('searches by name and content', async () => {
    const byName = (await api<Macro[]>('agent@demo', '/api/v1/macros?q=escalate%20network')).body.map((m) => m.id);
    expect(byName).toContain('macro-escalate-network');
    const byBody = (await api<Macro[]>('agent@demo', `/api/v1/macros?q=${encodeURIComponent('reconnect steps')}`)).body.map((m) => m.id);
    expect(byBody).toEqual(['macro-marta-vpn-followup']);
  });

  it('lets an agent create, edit and delete a personal macro, and nobody else touch it', async () => {
    const created = await api<Macro>('agent@demo', '/api/v1/macros', { method: 'POST', body: content() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerId: 'u-agent', title: 'VPN reconnect', actions: { status: 'pending' } });
    const id = created.body.id;
    const edited = await api<Macro>('agent@demo', `/api/v1/macros/${id}`, { method: 'PUT', body: content({ title: 'VPN reconnect v2', actions: { addTags: ['VPN '], assignee: { kind: 'me' } } }) });
    expect(edited.status).toBe(200);
    expect(edited.body.actions).toEqual({ addTags: ['vpn'], assignee: { kind: 'me' } });
    expect((await api('agent2@demo', `/api/v1/macros/${id}`, { method: 'PUT', body: content() })).status).toBe(404);
    expect((await api('agent2@demo', `/api/v1/macros/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect(await deleteStatus('agent@demo', `/api/v1/macros/${id}`)).toBe(204);
    expect((await api('agent@demo', `/api/v1/macros/${id}`)).status).toBe(404);
  });

  it('keeps shared macros to supervisors and admins', async () => {
    const refused = await api('agent@demo', '/api/v1/macros', { method: 'POST', body: content({ shared: true }) });
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await api('agent@demo', '/api/v1/macros/macro-solved-thanks', { method: 'PUT', body: content({ shared: true }) })).status).toBe(403);
    expect((await api('agent@demo', '/api/v1/macros/macro-solved-thanks', { method: 'DELETE' })).status).toBe(403);
    const shared = await api<Macro>('supervisor@demo', '/api/v1/macros', { method: 'POST', body: content({ shared: true, title: 'Night shift hello' }) });
    expect(shared.status).toBe(201);
    expect(shared.body.ownerId).toBeNull();
    expect((await api<Macro[]>('agent3@demo', '/api/v1/macros?q=night%20shift%20hello')).body.map((m) => m.id)).toEqual([shared.body.id]);
  });

  it.each([
    [content({ title: '' }), /^body\.title/],
    [content({ locale: 'de' }), /^body\.locale/],
    [content({ body: '', actions: {} }), /^body\.body/],
    [content({ actions: { status: 'done' } }), /^body\.actions\.status/],
    [content({ actions: { addTags: ['two words'] } }), /^body\.actions\.addTags/],
    [content({ actions: { assignee: { kind: 'user', userId: 'u-nobody' } } }), /^body\.actions\.assignee\.userId/],
    [{ ...content(), ownerId: 'u-admin' }, /^body/],
  ])('refuses a bad macro with the field named, changing nothing: %j', async (body, message) => {
    const before = (await api<Macro[]>('agent@demo', '/api/v1/macros')).body.length;
    const reply = await api<{ error: string; message: string }>('agent@demo', '/api/v1/macros', { method: 'POST', body });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(message);
    expect((await api<Macro[]>('agent@demo', '/api/v1/macros')).body.length).toBe(before);
  });

  it('describes the macro endpoints in the OpenAPI document', async () => {
    const doc = (await api<{ paths: Record<string, Record<string, unknown>> }>(null, '/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/v1/macros'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/v1/macros/{id}'] ?? {})).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
  });
});

describe('macro mutations over the sync socket', () => {
  it('saves a personal macro into its owner’s scope only, once however often it is delivered', async () => {
    const marta = await pool.open('agent@demo');
    const jānis = await pool.open('agent2@demo');
    const clientId = randomUUID();
    const macroId = randomUUID();
    const mutations = [save(1, macroId, content({ title: 'Offline-written macro' }))];
    expect(await pushOnce(marta, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect(await pushOnce(marta, { clientId, mutations })).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect(macrosIn((await pullAll(marta, {}, 1000)).changes).get(macroId)).toMatchObject({ title: 'Offline-written macro', ownerId: 'u-agent' });
    expect(macrosIn((await pullAll(jānis, {}, 1000)).changes).has(macroId)).toBe(false);
    expect((await api<Macro[]>('agent@demo', '/api/v1/macros')).body.filter((m) => m.id === macroId)).toHaveLength(1);
  });

  it('refuses an agent’s shared macro and a colleague’s personal one, and the queue moves on', async () => {
    const jānis = await pool.open('agent2@demo');
    const clientId = randomUUID();
    const reply = await pushOnce(jānis, {
      clientId,
      mutations: [save(1, randomUUID(), content({ shared: true })), save(2, 'macro-marta-vpn-followup', content()), remove(3, 'macro-solved-thanks'), save(4, randomUUID(), content({ title: 'Mine' }))],
    });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        results: [
          { id: 1, status: 'rejected', rejection: { code: 'forbidden' } },
          { id: 2, status: 'rejected', rejection: { code: 'not_found' } },
          { id: 3, status: 'rejected', rejection: { code: 'forbidden' } },
          { id: 4, status: 'applied' },
        ],
      },
    });
    expect((await api<Macro>('agent@demo', '/api/v1/macros/macro-marta-vpn-followup')).body.title).toBe('My VPN follow-up');
  });

  it('moves a macro made shared out of its owner’s scope, and a deleted one out of every console', async () => {
    const admin = await pool.open('admin@demo');
    const olga = await pool.open('agent3@demo');
    const clientId = randomUUID();
    const macroId = randomUUID();
    await pushOnce(admin, { clientId, mutations: [save(1, macroId, content({ title: 'Admin draft' }))] });
    expect(macrosIn((await pullAll(olga, {}, 1000)).changes).has(macroId)).toBe(false);
    await pushOnce(admin, { clientId, mutations: [save(2, macroId, content({ title: 'For everyone', shared: true }))] });
    const adminChanges = (await pullAll(admin, {}, 1000)).changes;
    expect(adminChanges.filter((c) => c.entity === 'macro' && c.op === 'delete' && c.rowId === macroId && c.scope === 'user:u-admin')).toHaveLength(1);
    expect(macrosIn((await pullAll(olga, {}, 1000)).changes).get(macroId)).toMatchObject({ title: 'For everyone', ownerId: null });
    await pushOnce(admin, { clientId, mutations: [remove(3, macroId)] });
    expect(macrosIn((await pullAll(olga, {}, 1000)).changes).has(macroId)).toBe(false);
  });
});
