import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, AssetInput } from '../../shared/remote/asset.js';
import type { StoredRemoteSettings } from '../../shared/remote/settings.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll, pushOnce, SocketPool } from '../testing/test-socket.js';
import { demoRemoteSettings } from './demo-remote.js';

let now = Date.parse('2026-11-24T09:00:00Z');
const clock = { now: () => now };
let server: RunningTestServer;
const sockets = new SocketPool(() => server.url);
const tokens: Record<string, string> = {};

const api = <T = Record<string, unknown>>(path: string, init?: Parameters<typeof callApi>[2]) => callApi<T & { message?: string }>(server.url, path, init);
const admin = () => tokens['admin@demo']!;
/** A DELETE's status: a 204 has no JSON body for callApi to read. */
const remove = async (path: string) => (await fetch(`${server.url}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin()}` } })).status;

const laptop: AssetInput = {
  owner: { kind: 'requester', email: 'Liga.Ozola@baltic-freight.example' },
  name: 'Līga’s laptop',
  kind: 'laptop',
  host: 'LT-LOZOLA.baltic-freight.example',
  access: [{ toolId: 'rdp' }],
};

async function baltic(): Promise<{ id: string; number: number; requesterEmail: string }> {
  const row = await server.context.db.selectFrom('tickets').select(['id', 'number', 'requester_email']).where('requester_email', 'like', '%@baltic-freight.example').orderBy('number').executeTakeFirstOrThrow();
  return { id: row.id, number: row.number, requesterEmail: row.requester_email };
}

const assetCount = async () => Number((await server.context.db.selectFrom('remote_assets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
  for (const email of ['admin@demo', 'agent@demo', 'supervisor@demo']) tokens[email] = await loginAs(server.url, email);
});
afterAll(async () => {
  sockets.closeAll();
  await server.stop();
});

describe('remote settings over REST', () => {
  it('the demo desk has version 1; only admins read or change it', async () => {
    const read = await api<StoredRemoteSettings>('/api/v1/remote/settings', { token: admin() });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ version: 1, document: demoRemoteSettings, updatedBy: null });
    expect((await api('/api/v1/remote/settings', { token: tokens['agent@demo']! })).status).toBe(403);
    expect((await api('/api/v1/remote/settings')).status).toBe(401);
    expect((await api('/api/v1/remote/settings', { method: 'PUT', token: tokens['supervisor@demo']!, body: { settings: demoRemoteSettings } })).status).toBe(403);
  });

  it.each([
    [{ ...demoRemoteSettings, tools: [{ id: 'ssh', name: 'SSH', urlPattern: 'ssh://root:pw@{host}' }] }, /^body\.settings\.tools\.0\.urlPattern: no login or password/],
    [{ ...demoRemoteSettings, tools: [{ id: 'x', name: 'X', urlPattern: 'javascript:alert({host})' }] }, /^body\.settings\.tools\.0\.urlPattern: the scheme javascript: is never allowed/],
    [{ ...demoRemoteSettings, allowlist: { schemes: ['file'], hosts: [] } }, /^body\.settings\.allowlist\.schemes\.0: this scheme is never allowed/],
    [{ ...demoRemoteSettings, allowlist: { schemes: ['ssh'], hosts: ['*'] } }, /^body\.settings\.allowlist\.hosts\.0: expected host\.example\.com/],
    [{ ...demoRemoteSettings, tools: [{ id: 'vnc', name: 'VNC', urlPattern: 'vnc://{host}:{port}' }] }, /^body\.settings\.tools\.0\.defaultPort: the pattern has \{port\}/],
  ])('refuses a bad document naming the field, and stores nothing (%#)', async (settings, message) => {
    const refused = await api('/api/v1/remote/settings', { method: 'PUT', token: admin(), body: { settings } });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(message);
    expect((await api<StoredRemoteSettings>('/api/v1/remote/settings', { token: admin() })).body.version).toBe(1);
  });

  it('a save stores a new version that reaches every console; one based on an older version is refused', async () => {
    const agent = await sockets.open('agent@demo');
    const { cursors } = await pullAll(agent);
    const settings = { ...demoRemoteSettings, allowlist: { ...demoRemoteSettings.allowlist, hosts: [...demoRemoteSettings.allowlist.hosts, '*.tehnopark-volga.example'] } };
    const saved = await api<StoredRemoteSettings>('/api/v1/remote/settings', { method: 'PUT', token: admin(), body: { settings, baseVersion: 1 } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, updatedBy: 'u-admin', document: settings });
    const conflict = await api('/api/v1/remote/settings', { method: 'PUT', token: admin(), body: { settings: demoRemoteSettings, baseVersion: 1 } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toMatch(/version 2 now/);

    const { changes } = await pullAll(agent, cursors);
    expect(changes).toEqual([expect.objectContaining({ scope: 'shared', entity: 'remoteSettings', op: 'upsert', row: expect.objectContaining({ id: 'current', version: 2 }) })]);
  });
});

describe('assets over REST', () => {
  it('adds, lists (the requester’s own and their organisation’s), replaces and removes an asset; consoles hear of each', async () => {
    const agent = await sockets.open('agent@demo');
    const { cursors } = await pullAll(agent);

    const created = await api<Asset>('/api/v1/remote/assets', { method: 'POST', token: admin(), body: laptop });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ owner: { kind: 'requester', email: 'liga.ozola@baltic-freight.example' }, host: 'lt-lozola.baltic-freight.example', notes: '', access: [{ toolId: 'rdp' }], updatedAt: '2026-11-24T09:00:00.000Z' });

    const listed = await api<{ items: Asset[] }>('/api/v1/remote/assets?requester=liga.ozola@baltic-freight.example', { token: admin() });
    expect(listed.body.items.map((asset) => asset.name)).toEqual(['Līga’s laptop', 'Riga office router', 'Riga VPN gateway']);
    const colleague = await api<{ items: Asset[] }>('/api/v1/remote/assets?requester=elina.vitola@baltic-freight.example', { token: admin() });
    expect(colleague.body.items.map((asset) => asset.name)).toEqual(['Riga office router', 'Riga VPN gateway']);
    const organisation = await api<{ items: Asset[] }>('/api/v1/remote/assets?domain=hurtownia-lux.example', { token: admin() });
    expect(organisation.body.items.map((asset) => asset.name)).toEqual(['Warehouse database server', 'Warsaw POS terminal 3']);

    const replaced = await api<Asset>(`/api/v1/remote/assets/${created.body.id}`, { method: 'PUT', token: admin(), body: { ...laptop, notes: 'Docking station at home', access: [{ toolId: 'rdp' }, { toolId: 'support' }] } });
    expect(replaced.status).toBe(200);
    expect((await api<Asset>(`/api/v1/remote/assets/${created.body.id}`, { token: admin() })).body).toMatchObject({ notes: 'Docking station at home', access: [{ toolId: 'rdp' }, { toolId: 'support' }] });

    expect(await remove(`/api/v1/remote/assets/${created.body.id}`)).toBe(204);
    expect(await remove(`/api/v1/remote/assets/${created.body.id}`)).toBe(404);
    expect((await api(`/api/v1/remote/assets/${created.body.id}`, { token: admin() })).status).toBe(404);

    const { changes } = await pullAll(agent, cursors);
    expect(changes.filter((change) => change.entity === 'asset').map((change) => change.op)).toEqual(['upsert', 'upsert', 'delete']);
  });

  it.each([
    [{ ...laptop, access: [{ toolId: 'teamviewer' }] }, /^body\.access\.0\.toolId: no remote tool "teamviewer"/],
    [{ ...laptop, host: 'evil.example/../x' }, /^body\.host: expected a host name/],
    [{ ...laptop, access: [{ toolId: 'ssh', user: 'root:hunter2' }] }, /^body\.access\.0\.user/],
    [{ ...laptop, owner: { kind: 'organisation', name: 'Everyone', domain: 'com' } }, /^body\.owner\.domain/],
    [{ ...laptop, kind: 'toaster' }, /^body\.kind/],
    [{ ...laptop, extra: 1 }, /^body/],
  ])('refuses a bad asset naming the field, and stores nothing (%#)', async (body, message) => {
    const before = await assetCount();
    const refused = await api('/api/v1/remote/assets', { method: 'POST', token: admin(), body });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(message);
    expect(await assetCount()).toBe(before);
  });

  it('agents and supervisors may not change assets', async () => {
    expect((await api('/api/v1/remote/assets', { method: 'POST', token: tokens['agent@demo']!, body: laptop })).status).toBe(403);
    expect((await api('/api/v1/remote/assets?domain=baltic-freight.example', { token: tokens['supervisor@demo']! })).status).toBe(403);
  });
});

describe('noting a remote session', () => {
  it('an internal system note and a remote_session event, stamped with the start but counted on arrival', async () => {
    const ticket = await baltic();
    const router = (await api<{ items: Asset[] }>('/api/v1/remote/assets?domain=baltic-freight.example', { token: admin() })).body.items.find((asset) => asset.name === 'Riga office router')!;
    const socket = await sockets.open('supervisor@demo');
    now = Date.parse('2026-11-24T09:30:00Z');
    const startedAt = '2026-11-24T09:12:40.000Z';
    const reply = await pushOnce(socket, { clientId: randomUUID(), mutations: [{ id: 1, name: 'ticket.remoteSession', createdAt: startedAt, args: { ticketId: ticket.id, assetId: router.id, toolId: 'ssh', startedAt } }] });
    expect(reply).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });

    const note = await server.context.db.selectFrom('messages').selectAll().where('ticket_id', '=', ticket.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(note).toMatchObject({
      author_kind: 'system',
      author_name: 'Ewa Wiśniewska',
      is_public: 0,
      body: 'Remote session to Riga office router via SSH started by Ewa Wiśniewska at 2026-11-24 09:12 UTC',
      created_at: '2026-11-24T09:30:00.000Z',
      written_at: startedAt,
    });
    const event = await server.context.db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticket.id).where('kind', '=', 'remote_session').executeTakeFirstOrThrow();
    expect(event.actor).toBe('u-supervisor');
    expect(JSON.parse(event.data_json)).toMatchObject({ assetId: router.id, assetName: 'Riga office router', toolId: 'ssh', toolName: 'SSH', startedAt, settingsVersion: 2 });
  });

  it('refuses an asset that is not the requester’s, and notes nothing', async () => {
    const ticket = await baltic();
    const pos = (await api<{ items: Asset[] }>('/api/v1/remote/assets?domain=hurtownia-lux.example', { token: admin() })).body.items[0]!;
    const socket = await sockets.open('supervisor@demo');
    const before = await server.context.db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute();
    const startedAt = new Date(now).toISOString();
    const mutations = [
      { id: 1, name: 'ticket.remoteSession', createdAt: startedAt, args: { ticketId: ticket.id, assetId: pos.id, toolId: 'vnc', startedAt } },
      { id: 2, name: 'ticket.remoteSession', createdAt: startedAt, args: { ticketId: ticket.id, assetId: randomUUID(), toolId: 'vnc', startedAt } },
    ];
    const reply = await pushOnce(socket, { clientId: randomUUID(), mutations });
    expect(reply.ok && reply.value.results.map((result) => result.status === 'rejected' && result.rejection.code)).toEqual(['not_found', 'not_found']);
    expect(await server.context.db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute()).toHaveLength(before.length);
  });

  it('refuses a malformed session with the field named', async () => {
    const ticket = await baltic();
    const socket = await sockets.open('supervisor@demo');
    const reply = await pushOnce(socket, { clientId: randomUUID(), mutations: [{ id: 1, name: 'ticket.remoteSession', createdAt: new Date(now).toISOString(), args: { ticketId: ticket.id, assetId: randomUUID(), toolId: 'SSH; rm', startedAt: 'yesterday' } }] });
    expect(reply.ok).toBe(false);
  });
});

describe('the OpenAPI document', () => {
  it('describes the remote routes under their tag, with their bodies', async () => {
    const { body } = await api<{ paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown }>> }>('/api/v1/openapi.json');
    expect(body.paths['/api/v1/remote/assets']?.post?.requestBody).toBeDefined();
    expect(body.paths['/api/v1/remote/assets']?.get?.tags).toEqual(['remote']);
    expect(body.paths['/api/v1/remote/assets/{id}']?.put?.requestBody).toBeDefined();
    expect(body.paths['/api/v1/remote/assets/{id}']?.delete?.tags).toEqual(['remote']);
    expect(body.paths['/api/v1/remote/settings']?.put?.requestBody).toBeDefined();
  });
});
