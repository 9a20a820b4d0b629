import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { DEMO_TICKET_COUNT } from '../demo/seed.js';

const clock: Clock = { now: () => Date.parse('2026-11-23T02:30:00Z') };
let server: RunningTestServer;
let agentToken: string;

const newTicket = {
  subject: 'Password reset mail never arrives',
  body: 'Since tonight none of our staff receives the password reset mail.',
  requesterName: 'Anna Kowalska',
  requesterEmail: 'anna@hurtownia-lux.example',
  channel: 'email',
  priority: 'high',
  customerTier: 'premium',
  type: 'incident',
};

const api = (path: string, init?: Parameters<typeof callApi>[2]) => callApi(server.url, path, init);

async function ticketCount(token: string): Promise<number> {
  return (await api('/api/v1/tickets?pageSize=1', { token })).body.total as number;
}

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
  agentToken = await loginAs(server.url, 'agent@demo');
});
afterAll(() => server.stop());

describe('REST API', () => {
  it('answers health checks without a token', async () => {
    const { status, body } = await api('/healthz');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('refuses a wrong password with the same answer as an unknown email', async () => {
    const wrong = await api('/api/v1/auth/login', { method: 'POST', body: { email: 'agent@demo', password: 'nope' } });
    const unknown = await api('/api/v1/auth/login', { method: 'POST', body: { email: 'ghost@demo', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
  });

  it('rejects a malformed login naming the field', async () => {
    const { status, body } = await api('/api/v1/auth/login', { method: 'POST', body: { email: 'agent@demo' } });
    expect(status).toBe(400);
    expect(body.message).toMatch(/^body\.password/);
  });

  it('requires a token for tickets', async () => {
    expect((await api('/api/v1/tickets')).status).toBe(401);
    expect((await api('/api/v1/tickets', { token: 'forged' })).status).toBe(401);
  });

  it('creates a ticket with SLA clocks from the policy matrices, and finds it by id and number', async () => {
    const created = await api('/api/v1/tickets', { method: 'POST', token: agentToken, body: newTicket });
    expect(created.status).toBe(201);
    const ticket = created.body.ticket as Record<string, unknown>;
    expect(ticket.status).toBe('new');
    expect(ticket.queueId).toBe('general');
    // Premium, high, e-mail: first response within an hour, round the clock.
    const sla = ticket.sla as { ruleId: string; clocks: { kind: string; dueAt: string; state: string }[] };
    expect(sla.ruleId).toBe('premium-high-email-incident');
    expect(sla.clocks.find((c) => c.kind === 'firstResponse')).toMatchObject({ state: 'running', dueAt: '2026-11-23T03:30:00.000Z' });
    const byId = await api(`/api/v1/tickets/${String(ticket.id)}`, { token: agentToken });
    const byNumber = await api(`/api/v1/tickets/${String(ticket.number)}`, { token: agentToken });
    expect(byId.status).toBe(200);
    expect(byNumber.body).toEqual(byId.body);
    expect((byId.body.messages as { body: string }[])[0]?.body).toBe(newTicket.body);
  });

  it.each([
    [{ ...newTicket, subject: '' }, /^body\.subject/],
    [{ ...newTicket, priority: 'urgent' }, /^body\.priority/],
    [{ ...newTicket, requesterEmail: 'not-an-email' }, /^body\.requesterEmail/],
    [{ ...newTicket, queueId: 'nowhere' }, /^body\.queueId/],
  ])('rejects a bad ticket body and writes nothing (%#)', async (body, message) => {
    const before = await ticketCount(agentToken);
    const { status, body: reply } = await api('/api/v1/tickets', { method: 'POST', token: agentToken, body });
    expect(status).toBe(400);
    expect(reply.message).toMatch(message);
    expect(await ticketCount(agentToken)).toBe(before);
  });

  it('pages the list and shows an agent only the queues they belong to', async () => {
    const supervisor = await loginAs(server.url, 'supervisor@demo');
    const all = await api('/api/v1/tickets?pageSize=20&page=2', { token: supervisor });
    expect(all.body.total).toBeGreaterThanOrEqual(DEMO_TICKET_COUNT);
    expect((all.body.items as unknown[]).length).toBe(20);
    const mine = await api('/api/v1/tickets?pageSize=200', { token: agentToken });
    const queues = new Set((mine.body.items as { queueId: string }[]).map((t) => t.queueId));
    expect([...queues].sort()).toEqual(['billing', 'general']);
  });

  it('answers 404 for an unknown ticket and for one outside the caller’s queues', async () => {
    expect((await api('/api/v1/tickets/999999', { token: agentToken })).status).toBe(404);
    const tier3 = await loginAs(server.url, 'tier3@demo');
    const platformTicket = await api('/api/v1/tickets?queueId=platform&pageSize=1', { token: tier3 });
    const id = (platformTicket.body.items as { id: string }[])[0]!.id;
    expect((await api(`/api/v1/tickets/${id}`, { token: agentToken })).status).toBe(404);
    expect((await api('/api/v1/tickets/not a ref', { token: agentToken })).status).toBe(400);
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const { status, body } = await api('/api/v1/openapi.json');
    expect(status).toBe(200);
    const paths = body.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/tickets', '/api/v1/tickets/{id}']));
    expect(JSON.stringify(paths['/api/v1/tickets']?.post?.requestBody)).toContain('requesterEmail');
  });
});

describe('console update feed', () => {
  it('serves published release files and nothing outside the feed folder', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    mkdirSync(join(server.dataDir, 'updates'), { recursive: true });
    writeFileSync(join(server.dataDir, 'updates', 'latest-linux.yml'), 'version: 0.2.0\n');
    const feed = await fetch(`${server.url}/updates/latest-linux.yml`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toBe('version: 0.2.0\n');
    expect((await fetch(`${server.url}/updates/missing.yml`)).status).toBe(404);
    expect((await fetch(`${server.url}/updates/..%2Fshiftdesk.sqlite`)).status).toBe(400);
  });
});
