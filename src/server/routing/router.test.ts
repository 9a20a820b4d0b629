import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoutingDecision } from '../../shared/routing/decision.js';
import type { RoutingRulesInput } from '../../shared/routing/rules.js';
import { buildDesk, customerWrites, runRouting, setStatus, TEST_PASSWORD, ticketRow } from '../testing/routing-desk.js';
import { steppingClock, type SteppingClock } from '../testing/test-clock.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { WAITING_RECHECK_MS } from './router.js';

// Tuesday 24 November 2026, 10:00 UTC.
let clock: SteppingClock;
let server: RunningTestServer;
let admin: string;

const rules: RoutingRulesInput = {
  defaultQueueId: 'general',
  rules: [
    { id: 'billing-ru', name: 'Billing in Russian', match: { keywords: ['счёт', 'оплат'] }, queueId: 'billing', skills: ['russian'] },
    { id: 'billing', name: 'Billing', match: { keywords: ['invoice', 'refund'] }, queueId: 'billing' },
    { id: 'acme', name: 'Acme outages', match: { organisation: ['acme.example'], type: ['incident'] }, queueId: 'network' },
  ],
};

beforeEach(async () => {
  clock = steppingClock(Date.parse('2026-11-24T10:00:00Z'));
  server = await startTestServer({ clock, seed: false });
  await buildDesk(server, {
    queues: { general: {}, billing: { skills: ['billing'], overflowQueueId: 'general' }, network: { tier: 2 } },
    people: [
      { id: 'admin', name: 'Admin', role: 'admin' },
      { id: 'ana', name: 'Ana', queues: ['billing'], routing: { skills: ['billing', 'russian'] } },
      { id: 'ben', name: 'Ben', queues: ['billing'], routing: { skills: ['billing'] } },
      { id: 'cyd', name: 'Cyd', queues: ['general'] },
      { id: 'dan', name: 'Dan', queues: ['network'] },
    ],
  });
  admin = await loginAs(server.url, 'admin@test', TEST_PASSWORD);
  expect((await callApi(server.url, '/api/v1/routing/rules', { method: 'PUT', token: admin, body: { document: rules, reason: 'test desk', baseVersion: 0 } })).status).toBe(200);
});
afterEach(() => server.stop());

const decisions = async (ticketId: string) => (await callApi<{ decisions: RoutingDecision[] }>(server.url, `/api/v1/tickets/${ticketId}/routing`, { token: admin })).body.decisions;
const solve = (ticketId: string) => callApi(server.url, `/api/v1/tickets/${ticketId}`, { method: 'PATCH', token: admin, body: { status: 'solved' } });

describe('a new ticket', () => {
  it('goes to the first matching rule’s queue and to the least-loaded agent there, and says why', async () => {
    await setStatus(server, 'ana', 'online');
    await setStatus(server, 'ben', 'online');
    const first = await customerWrites(server, { subject: 'Refund please', body: 'Charged twice' });
    expect(first).toMatchObject({ queueId: 'billing', assigneeId: 'ana' });
    // Ana has one now, Ben none: Ben is less loaded.
    const second = await customerWrites(server, { subject: 'Invoice copy' });
    expect(second.assigneeId).toBe('ben');

    const [decision] = await decisions(second.id);
    expect(decision).toMatchObject({
      cause: 'ticket.new',
      queueChoice: 'rule',
      rule: { id: 'billing', name: 'Billing', version: 1 },
      reasons: [{ field: 'keywords', value: 'invoice', oneOf: ['invoice', 'refund'] }],
      outcome: 'assigned',
      queueId: 'billing',
      assigneeId: 'ben',
      assigneeName: 'Ben',
    });
    expect(decision!.steps).toEqual([
      {
        queueId: 'billing',
        queueName: 'Billing',
        open: true,
        requiredSkills: ['billing'],
        candidates: [
          { agentId: 'ana', name: 'Ana', status: 'online', onShift: true, load: 1, capacity: 6, missingSkills: [], verdict: 'eligible' },
          { agentId: 'ben', name: 'Ben', status: 'online', onShift: true, load: 0, capacity: 6, missingSkills: [], verdict: 'chosen' },
        ],
      },
    ]);
  });

  it('asks for the rule’s skills: a Russian invoice question goes to the agent who reads Russian, even if busier', async () => {
    await setStatus(server, 'ana', 'online');
    await setStatus(server, 'ben', 'online');
    await customerWrites(server, { subject: 'Refund' });
    const russian = await customerWrites(server, { subject: 'Вопрос', body: 'Где мой счет за ноябрь?' });
    expect(russian).toMatchObject({ queueId: 'billing', assigneeId: 'ana' });
    const [decision] = await decisions(russian.id);
    expect(decision!.steps[0]!.requiredSkills).toEqual(['billing', 'russian']);
    expect(decision!.steps[0]!.candidates.find((c) => c.agentId === 'ben')).toMatchObject({ verdict: 'missing_skills', missingSkills: ['russian'] });
  });

  it('matches the requester’s organisation by e-mail domain', async () => {
    const ticket = await customerWrites(server, { subject: 'Everything is down', from: 'noc@it.acme.example', type: 'incident' });
    expect(ticket.queueId).toBe('network');
    expect((await decisions(ticket.id))[0]).toMatchObject({ rule: { id: 'acme' }, reasons: [{ field: 'type' }, { field: 'organisation', value: 'it.acme.example' }] });
  });

  it('matching no rule goes to the default queue, and a queue the sender named is kept', async () => {
    const plain = await customerWrites(server, { subject: 'Hello' });
    expect(plain.queueId).toBe('general');
    expect((await decisions(plain.id))[0]).toMatchObject({ queueChoice: 'default', rule: null });
    const named = await customerWrites(server, { subject: 'Refund', queueId: 'network' });
    expect(named.queueId).toBe('network');
    expect((await decisions(named.id))[0]).toMatchObject({ queueChoice: 'intake', rule: null });
  });

  it('waits unassigned while nobody can take it, rather than going to an offline or away agent', async () => {
    await setStatus(server, 'ana', 'away');
    await setStatus(server, 'cyd', 'offline');
    const ticket = await customerWrites(server, { subject: 'Refund' });
    expect(ticket).toMatchObject({ queueId: 'billing', assigneeId: null });
    const [decision] = await decisions(ticket.id);
    expect(decision!.outcome).toBe('waiting');
    // Billing first (Ana away, Ben never connected), then its overflow queue General (Cyd offline).
    expect(decision!.steps.map((step) => step.candidates.map((c) => [c.agentId, c.verdict]))).toEqual([
      [
        ['ana', 'away'],
        ['ben', 'offline'],
      ],
      [['cyd', 'offline']],
    ]);
  });

  it('overflows when everyone in its queue is full: to the overflow queue, if someone there has room', async () => {
    const tight = { skills: ['billing'], capacity: { email: 1 } };
    await callApi(server.url, '/api/v1/routing/agents/ana', { method: 'PUT', token: admin, body: { ...tight, skills: ['billing', 'russian'] } });
    await callApi(server.url, '/api/v1/routing/agents/ben', { method: 'PUT', token: admin, body: tight });
    for (const id of ['ana', 'ben', 'cyd']) await setStatus(server, id, 'online');
    await customerWrites(server, { subject: 'Refund 1' });
    await customerWrites(server, { subject: 'Refund 2' });
    const third = await customerWrites(server, { subject: 'Refund 3' });
    expect(third).toMatchObject({ queueId: 'general', assigneeId: 'cyd' });
    const [decision] = await decisions(third.id);
    expect(decision).toMatchObject({ outcome: 'overflowed', queueId: 'general' });
    expect(decision!.steps[0]!.candidates.map((c) => [c.agentId, c.verdict, c.load, c.capacity])).toEqual([
      ['ana', 'full', 1, 1],
      ['ben', 'full', 1, 1],
    ]);
  });

  it('goes round robin among agents equally loaded', async () => {
    await callApi(server.url, '/api/v1/routing/queues/billing', { method: 'PUT', token: admin, body: { skills: ['billing'] } });
    for (const id of ['ana', 'ben']) await setStatus(server, id, 'online');
    const chats: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const ticket = await customerWrites(server, { subject: `Refund ${i}`, channel: 'chat' });
      chats.push(ticket.assigneeId);
    }
    // Two chats each is their capacity: the fifth waits.
    expect(chats).toEqual(['ana', 'ben', 'ana', 'ben']);
    expect((await customerWrites(server, { subject: 'Refund 5', channel: 'chat' })).assigneeId).toBeNull();
  });
});

describe('waiting tickets', () => {
  it('are placed as soon as someone has room: an agent solving one takes the most urgent waiting ticket', async () => {
    await callApi(server.url, '/api/v1/routing/queues/billing', { method: 'PUT', token: admin, body: { skills: ['billing'] } });
    await setStatus(server, 'ben', 'online');
    const chats = [];
    for (const priority of ['low', 'medium', 'high', 'medium'] as const) chats.push(await customerWrites(server, { subject: 'Refund', channel: 'chat', priority }));
    expect(chats.map((t) => t.assigneeId)).toEqual(['ben', 'ben', null, null]);

    expect((await solve(chats[0]!.id)).status).toBe(200);
    await runRouting(server);
    expect((await ticketRow(server, chats[2]!.id)).assignee_id).toBe('ben');
    expect((await ticketRow(server, chats[3]!.id)).assignee_id).toBeNull();
    expect((await decisions(chats[2]!.id))[0]).toMatchObject({ cause: 'capacity.freed', outcome: 'assigned', assigneeId: 'ben' });
  });

  it('are placed when an agent comes online', async () => {
    const ticket = await customerWrites(server, { subject: 'Invoice' });
    expect(ticket.assigneeId).toBeNull();
    await setStatus(server, 'ben', 'online');
    await runRouting(server);
    expect((await ticketRow(server, ticket.id)).assignee_id).toBe('ben');
  });

  it('in a queue that is closed wait for it to open, woken by the stored deadline', async () => {
    // Billing takes tickets on weekdays from 11:00 UTC, and has no overflow.
    const calendar = { timeZone: 'UTC', hours: { mon: [['11:00', '18:00']], tue: [['11:00', '18:00']], wed: [['11:00', '18:00']], thu: [['11:00', '18:00']], fri: [['11:00', '18:00']] } };
    expect((await callApi(server.url, '/api/v1/routing/queues/billing', { method: 'PUT', token: admin, body: { skills: ['billing'], calendar } })).status).toBe(200);
    await setStatus(server, 'ben', 'online');
    const ticket = await customerWrites(server, { subject: 'Invoice' });
    expect(ticket.assigneeId).toBeNull();
    expect((await decisions(ticket.id))[0]!.steps[0]).toMatchObject({ queueId: 'billing', open: false, candidates: [] });

    // Looked at again within the recheck interval, and placed once the queue opens at 11:00.
    expect(Date.parse((await server.context.router.deadlines().nextDeadline())!)).toBeLessThanOrEqual(clock.now() + WAITING_RECHECK_MS);
    clock.advance(30 * 60_000);
    await runRouting(server);
    expect((await ticketRow(server, ticket.id)).assignee_id).toBeNull();
    clock.advance(31 * 60_000);
    await runRouting(server);
    expect((await ticketRow(server, ticket.id)).assignee_id).toBe('ben');
  });
});

describe('placing a ticket again inside its queue (what escalation asks)', () => {
  it('moves it from its current assignee to whoever is least loaded in its queue now, and records who asked', async () => {
    for (const id of ['ana', 'dan']) await setStatus(server, id, 'online');
    const ticket = await customerWrites(server, { subject: 'Refund' });
    expect(ticket.assigneeId).toBe('ana');
    await server.context.db.transaction().execute(async (trx) => {
      await server.context.tickets.applyChange(trx, ticket.id, { actor: { userId: 'ana', name: 'Ana' }, queueId: 'network' });
      await server.context.router.placeInQueue(trx, ticket.id, { at: new Date(clock.now()).toISOString(), actor: { userId: 'ana', name: 'Ana' }, cause: 'escalated to tier 2: the VPN is down' });
    });
    expect(await ticketRow(server, ticket.id)).toMatchObject({ queue_id: 'network', assignee_id: 'dan' });
    expect((await decisions(ticket.id))[0]).toMatchObject({ cause: 'escalated to tier 2: the VPN is down', actorName: 'Ana', queueChoice: 'current', outcome: 'assigned', assigneeId: 'dan' });
  });
});

describe('history', () => {
  it('replayed quietly (demo data, imports) is stored where it says and never routed', async () => {
    await setStatus(server, 'ben', 'online');
    const { ticket } = await server.context.db.transaction().execute((trx) =>
      server.context.tickets.insert(trx, {
        subject: 'Refund from last week',
        body: 'Old',
        requesterName: 'Old customer',
        requesterEmail: 'old@example.com',
        channel: 'email',
        priority: 'medium',
        customerTier: 'standard',
        type: 'question',
        queueId: 'general',
        quiet: true,
      }),
    );
    expect(ticket).toMatchObject({ queueId: 'general', assigneeId: null });
    expect(await decisions(ticket.id)).toEqual([]);
  });
});
