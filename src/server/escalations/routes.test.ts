import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Escalation } from '../../shared/domain/escalation.js';
import type { StoredPolicies, StoredTriggers } from '../../shared/escalations/settings.js';
import { demoPolicies } from './demo-settings.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

/** Monday morning: the Riga day works tier 1; Piotr holds tier 2's pager. */
const clock = { now: () => Date.parse('2026-11-23T10:00:00Z') };
let server: RunningTestServer;
const tokens: Record<string, string> = {};

const api = <T = Record<string, unknown>>(path: string, init?: Parameters<typeof callApi>[2]) => callApi<T & { message?: string }>(server.url, path, init);
const as = (email: string) => tokens[email]!;

async function openTicketIn(queueId: string): Promise<{ id: string; number: number }> {
  return server.context.db.selectFrom('tickets').select(['id', 'number']).where('queue_id', '=', queueId).where('status', 'in', ['new', 'open']).orderBy('number', 'desc').executeTakeFirstOrThrow();
}

const escalationCount = async () => Number((await server.context.db.selectFrom('escalations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
  for (const email of ['agent@demo', 'agent3@demo', 'tier2@demo', 'admin@demo']) tokens[email] = await loginAs(server.url, email);
});
afterAll(() => server.stop());

describe('escalations over REST', () => {
  it('escalates by ticket number to a tier, lists it for the ticket and takes an acknowledgement', async () => {
    const ticket = await openTicketIn('billing');
    const created = await api<Escalation>(`/api/v1/tickets/${ticket.number}/escalations`, { method: 'POST', token: as('agent3@demo'), body: { tier: 2, reason: '  Card terminal errors across three shops; looks like the payment gateway.  ' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ticketId: ticket.id, reason: 'Card terminal errors across three shops; looks like the payment gateway.', to: { queueId: 'network' }, state: 'paging', paged: [{ userId: 'u-tier2' }] });

    const listed = await api<{ items: Escalation[] }>(`/api/v1/tickets/${ticket.id}/escalations`, { token: as('tier2@demo') });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((e) => e.id)).toEqual([created.body.id]);
    // The ticket left Billing: Olga no longer sees it (her console still has the escalation, by sync).
    expect((await api(`/api/v1/tickets/${ticket.id}/escalations`, { token: as('agent3@demo') })).status).toBe(404);

    const acknowledged = await api<Escalation>(`/api/v1/escalations/${created.body.id}/ack`, { method: 'POST', token: as('tier2@demo') });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, acknowledgedAt: expect.any(String) });
  });

  it.each([
    [{ reason: 'no target' }, /^body\.tier: give either tier or queueId/],
    [{ tier: 2, queueId: 'network', reason: 'both' }, /^body\.tier: give either tier or queueId/],
    [{ tier: 2, reason: '   ' }, /^body\.reason/],
    [{ tier: 2 }, /^body\.reason/],
    [{ tier: 4, reason: 'no such tier' }, /^body\.tier/],
    [{ tier: 2, reason: 'x', extra: true }, /^body/],
    [{ tier: 1, reason: 'down a tier' }, /^body\.tier/],
    [{ queueId: 'nowhere', reason: 'unknown queue' }, /^body\.target\.queueId: no queue "nowhere"/],
    [{ queueId: 'general', reason: 'where it is' }, /^body\.target\.queueId: the ticket is in "general" already/],
  ])('refuses %j naming the field, and writes nothing', async (body, message) => {
    const ticket = await openTicketIn('general');
    const before = await escalationCount();
    const refused = await api(`/api/v1/tickets/${ticket.id}/escalations`, { method: 'POST', token: as('agent@demo'), body });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(message);
    expect(await escalationCount()).toBe(before);
    expect((await server.context.db.selectFrom('tickets').select('queue_id').where('id', '=', ticket.id).executeTakeFirstOrThrow()).queue_id).toBe('general');
  });

  it('answers a ticket or escalation outside the caller’s reach as missing, and asks for a token', async () => {
    const platform = await openTicketIn('platform');
    expect((await api(`/api/v1/tickets/${platform.id}/escalations`, { method: 'POST', token: as('agent@demo'), body: { tier: 3, reason: 'x' } })).status).toBe(404);
    expect((await api(`/api/v1/escalations/${crypto.randomUUID()}/ack`, { method: 'POST', token: as('tier2@demo') })).status).toBe(404);
    expect((await api(`/api/v1/tickets/${platform.id}/escalations`)).status).toBe(401);
    expect((await api(`/api/v1/escalations/not-an-id/ack`, { method: 'POST', token: as('tier2@demo') })).body.message).toMatch(/^params\.id/);
  });

  it('lets admins read and replace the triggers and policies, refusing unknown queues, people and rotations by path', async () => {
    expect((await api('/api/v1/escalations/policies', { token: as('agent@demo') })).status).toBe(403);
    const current = await api<StoredPolicies>('/api/v1/escalations/policies', { token: as('admin@demo') });
    expect(current.body).toMatchObject({ version: 1, document: demoPolicies });

    const broken = structuredClone(demoPolicies);
    broken.policies[0]!.levels[0]!.targets = [{ kind: 'onCall', rotationId: 'tier9-on-call' }, { kind: 'users', userIds: ['u-ghost'] }];
    const refused = await api('/api/v1/escalations/policies', { method: 'PUT', token: as('admin@demo'), body: broken });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('body.policies.0.levels.0.targets.0.rotationId: no on-call rotation "tier9-on-call"; body.policies.0.levels.0.targets.1.userIds.0: no user "u-ghost"');
    const twice = await api('/api/v1/escalations/policies', { method: 'PUT', token: as('admin@demo'), body: { policies: [demoPolicies.policies[0], { ...demoPolicies.policies[1], queueIds: ['network'] }] } });
    expect(twice.body.message).toMatch(/already follows policy "tier2-network"/);
    const noLevels = await api('/api/v1/escalations/policies', { method: 'PUT', token: as('admin@demo'), body: { policies: [{ ...demoPolicies.policies[0], levels: [] }] } });
    expect(noLevels.body.message).toMatch(/^body\.policies\.0\.levels/);

    const saved = await api<StoredPolicies>('/api/v1/escalations/policies', { method: 'PUT', token: as('admin@demo'), body: { policies: [{ ...demoPolicies.policies[0], repeat: 2 }] } });
    expect(saved.body).toMatchObject({ version: 2, updatedBy: 'u-admin', document: { policies: [{ id: 'tier2-network', repeat: 2 }] } });

    const triggers = await api<StoredTriggers>('/api/v1/escalations/triggers', { token: as('admin@demo') });
    expect(triggers.body.document.rules.map((rule) => [rule.trigger, rule.enabled])).toEqual([
      ['critical', true],
      ['keyword', true],
      ['critical', false],
      ['sla_breach', false],
      ['premium', false],
      ['sla_warning', false],
    ]);
    const badTarget = await api('/api/v1/escalations/triggers', { method: 'PUT', token: as('admin@demo'), body: { tierQueues: { 2: 'nowhere' }, rules: [] } });
    expect(badTarget.body.message).toBe('body.tierQueues.2: no queue "nowhere"');
    const badRule = await api('/api/v1/escalations/triggers', { method: 'PUT', token: as('admin@demo'), body: { rules: [{ id: 'k', name: 'Words', trigger: 'keyword', keywords: [] }] } });
    expect(badRule.body.message).toMatch(/^body\.rules\.0\.keywords/);
    expect((await api('/api/v1/escalations/triggers', { method: 'PUT', token: as('agent@demo'), body: { rules: [] } })).status).toBe(403);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const { body } = await api<{ paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown }>> }>('/api/v1/openapi.json');
    expect(body.paths['/api/v1/tickets/{id}/escalations']?.post?.requestBody).toBeDefined();
    expect(body.paths['/api/v1/tickets/{id}/escalations']?.get?.tags).toEqual(['escalations']);
    expect(body.paths['/api/v1/escalations/{id}/ack']?.post?.tags).toEqual(['escalations']);
    expect(body.paths['/api/v1/escalations/{id}/decline']?.post?.requestBody).toBeDefined();
    expect(body.paths['/api/v1/escalations/policies']?.put?.requestBody).toBeDefined();
    expect(body.paths['/api/v1/escalations/triggers']?.put?.requestBody).toBeDefined();
  });
});
