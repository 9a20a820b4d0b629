import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSettings, QueueSettings, RoutingRulesReply } from '../../shared/routing/api.js';
import { buildDesk } from '../testing/routing-desk.js';
import { steppingClock } from '../testing/test-clock.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

let server: RunningTestServer;
let admin: string;
let agent: string;

beforeAll(async () => {
  server = await startTestServer({ clock: steppingClock(Date.parse('2026-11-24T10:00:00Z')), seed: false });
  await buildDesk(server, {
    queues: { general: {}, billing: { skills: ['billing'] }, network: { tier: 2 } },
    people: [
      { id: 'admin', name: 'Admin', role: 'admin' },
      { id: 'ana', name: 'Ana', queues: ['billing'], routing: { skills: ['billing'], capacity: { chat: 3 } } },
    ],
  });
  admin = await loginAs(server.url, 'admin@test');
  agent = await loginAs(server.url, 'ana@test');
});
afterAll(() => server.stop());

const api = <T = Record<string, unknown>>(path: string, init: { method?: string; token?: string; body?: unknown } = {}) => callApi<T>(server.url, path, { token: admin, ...init });
const billingRule = { id: 'billing', name: 'Billing', match: { keywords: ['invoice'] }, queueId: 'billing', skills: ['vat'] };

describe('routing rules over REST', () => {
  it('start as the built-in version 0: no rules, everything to General', async () => {
    expect((await api<RoutingRulesReply>('/api/v1/routing/rules')).body).toEqual({ version: 0, document: { rules: [], defaultQueueId: 'general' }, reason: 'built-in', createdAt: null, createdBy: null });
  });

  it('are for admins only', async () => {
    expect((await api('/api/v1/routing/rules', { token: agent })).status).toBe(403);
    expect((await api('/api/v1/routing/rules', { method: 'PUT', token: agent, body: { document: { rules: [], defaultQueueId: 'general' }, reason: 'x' } })).status).toBe(403);
    expect((await api('/api/v1/routing/rules', { token: '' })).status).toBe(401);
  });

  it('save a new version with its reason, and read it back as saved', async () => {
    const saved = await api('/api/v1/routing/rules', { method: 'PUT', body: { document: { rules: [billingRule], defaultQueueId: 'general' }, reason: 'billing mail to Billing', baseVersion: 0 } });
    expect(saved).toEqual({ status: 200, body: { version: 1 } });
    const read = (await api<RoutingRulesReply>('/api/v1/routing/rules')).body;
    expect(read).toMatchObject({ version: 1, reason: 'billing mail to Billing', createdBy: 'admin' });
    expect(read.document.rules).toEqual([billingRule]);
  });

  it('refuse a save based on a version someone has replaced since, keeping what is stored', async () => {
    const stale = await api('/api/v1/routing/rules', { method: 'PUT', body: { document: { rules: [], defaultQueueId: 'general' }, reason: 'clear', baseVersion: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/^body\.baseVersion: the rules were changed meanwhile \(now version 1/);
    expect((await api<RoutingRulesReply>('/api/v1/routing/rules')).body.version).toBe(1);
  });

  it('refuse a queue that does not exist, a rule without a reason, and a malformed rule, each naming the field', async () => {
    const unknown = await api('/api/v1/routing/rules', { method: 'PUT', body: { document: { rules: [billingRule, { ...billingRule, id: 'x', queueId: 'nowhere' }], defaultQueueId: 'general' }, reason: 'x' } });
    expect(unknown).toMatchObject({ status: 400, body: { message: 'body.document.rules.1.queueId: no queue "nowhere"' } });
    const noReason = await api('/api/v1/routing/rules', { method: 'PUT', body: { document: { rules: [], defaultQueueId: 'general' }, reason: ' ' } });
    expect(noReason).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^body\.reason: /) } });
    const badKeyword = await api('/api/v1/routing/rules', { method: 'PUT', body: { document: { rules: [{ ...billingRule, match: { keywords: [''] } }], defaultQueueId: 'general' }, reason: 'x' } });
    expect(badKeyword).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^body\.document\.rules\.0\.match\.keywords\.0: /) } });
    expect((await api<RoutingRulesReply>('/api/v1/routing/rules')).body.version).toBe(1);
  });
});

describe('queue settings over REST', () => {
  it('list every queue with its settings, defaults for those never set', async () => {
    const { items } = (await api<{ items: QueueSettings[] }>('/api/v1/routing/queues')).body;
    expect(items.map((q) => [q.id, q.skills, q.overflowQueueId])).toEqual([
      ['billing', ['billing'], null],
      ['general', [], null],
      ['network', [], null],
    ]);
  });

  it('save skills, a calendar and an overflow queue', async () => {
    const calendar = { timeZone: 'Europe/Warsaw', hours: { mon: [['08:00', '18:00']] } };
    const saved = await api<QueueSettings>('/api/v1/routing/queues/billing', { method: 'PUT', body: { skills: ['billing'], calendar, overflowQueueId: 'general' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: 'billing', name: 'Billing', tier: 1, skills: ['billing'], overflowQueueId: 'general', calendar: { timeZone: 'Europe/Warsaw', hours: { mon: [['08:00', '18:00']], tue: [] } } });
  });

  it('refuse an overflow that leads back to the queue, an unknown overflow queue, a bad calendar and an unknown queue', async () => {
    await api('/api/v1/routing/queues/general', { method: 'PUT', body: { overflowQueueId: 'network' } });
    const loop = await api('/api/v1/routing/queues/network', { method: 'PUT', body: { overflowQueueId: 'billing' } });
    expect(loop).toMatchObject({ status: 400, body: { message: 'body.overflowQueueId: overflowing to "billing" leads back to "network"' } });
    expect((await api('/api/v1/routing/queues/network', { method: 'PUT', body: { overflowQueueId: 'network' } })).status).toBe(400);
    expect((await api('/api/v1/routing/queues/network', { method: 'PUT', body: { overflowQueueId: 'nowhere' } })).body.message).toBe('body.overflowQueueId: no queue "nowhere"');
    const calendar = await api('/api/v1/routing/queues/network', { method: 'PUT', body: { calendar: { timeZone: 'Mars/Olympus', hours: '24/7' } } });
    expect(calendar).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^body\.calendar\.timeZone: unknown IANA time zone/) } });
    expect((await api('/api/v1/routing/queues/nowhere', { method: 'PUT', body: {} })).status).toBe(404);
    expect((await api('/api/v1/routing/queues', { token: agent })).status).toBe(403);
  });
});

describe('agents’ routing settings over REST', () => {
  it('list skills, capacity per channel (defaults filled in) and presence', async () => {
    const { items } = (await api<{ items: AgentSettings[] }>('/api/v1/routing/agents')).body;
    expect(items.find((a) => a.id === 'ana')).toMatchObject({
      email: 'ana@test',
      queueIds: ['billing'],
      skills: ['billing'],
      capacity: { email: 6, web: 6, chat: 3, phone: 3, social: 4, monitoring: 6 },
      status: 'online',
      effectiveStatus: 'offline',
    });
  });

  it('save skills and capacity, refusing a capacity that is not a count', async () => {
    const saved = await api<AgentSettings>('/api/v1/routing/agents/ana', { method: 'PUT', body: { skills: ['billing', 'russian'], capacity: { chat: 1, email: 8 } } });
    expect(saved.body).toMatchObject({ skills: ['billing', 'russian'], capacity: { chat: 1, email: 8, phone: 3 } });
    const bad = await api('/api/v1/routing/agents/ana', { method: 'PUT', body: { capacity: { chat: -1 } } });
    expect(bad).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^body\.capacity\.chat: /) } });
    expect((await api('/api/v1/routing/agents/nobody', { method: 'PUT', body: {} })).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('describes every routing endpoint', async () => {
    const { body } = await callApi<{ paths: Record<string, object> }>(server.url, '/api/v1/openapi.json');
    for (const path of ['/api/v1/routing/rules', '/api/v1/routing/queues/{id}', '/api/v1/routing/agents/{id}', '/api/v1/agents/{id}/status', '/api/v1/agents/status', '/api/v1/tickets/{id}/routing']) {
      expect(Object.keys(body.paths)).toContain(path);
    }
  });
});
