import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { AgentPresence } from '../../shared/routing/api.js';
import type { RoutingDecision } from '../../shared/routing/decision.js';
import { buildDesk, customerWrites, runRouting, setStatus, TEST_PASSWORD, ticketRow } from '../testing/routing-desk.js';
import { steppingClock, type SteppingClock } from '../testing/test-clock.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { openSyncSocket, pullAll, pushOnce } from '../testing/test-socket.js';
import { DEFAULT_PRESENCE_GRACE_MS } from './router.js';

let clock: SteppingClock;
let server: RunningTestServer;
let sockets: Socket[];

beforeEach(async () => {
  clock = steppingClock(Date.parse('2026-11-24T10:00:00Z'));
  server = await startTestServer({ clock, seed: false });
  sockets = [];
  await buildDesk(server, {
    queues: { general: {} },
    people: [
      { id: 'ana', name: 'Ana', queues: ['general'] },
      { id: 'ben', name: 'Ben', queues: ['general'] },
      { id: 'sue', name: 'Sue', role: 'supervisor' },
    ],
  });
});
afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.stop();
});

async function connect(id: string): Promise<Socket> {
  const socket = await openSyncSocket(server.url, `${id}@test`);
  sockets.push(socket);
  return socket;
}

/** Connection events are written in the background; wait for the one expected. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
}

/** The agent's last console has gone and the server has started their grace period. */
const graceRunning = async (id: string) => (await server.context.db.selectFrom('agent_presence').select('offline_at').where('user_id', '=', id).executeTakeFirst())?.offline_at != null;

const presence = async (id: string) => {
  const token = await loginAs(server.url, 'sue@test', TEST_PASSWORD);
  return (await callApi<{ items: AgentPresence[] }>(server.url, '/api/v1/agents/status', { token })).body.items.find((agent) => agent.id === id)!;
};
const effective = async (id: string) => (await presence(id)).effectiveStatus;
const decisions = async (ticketId: string) => {
  const token = await loginAs(server.url, 'sue@test', TEST_PASSWORD);
  return (await callApi<{ decisions: RoutingDecision[] }>(server.url, `/api/v1/tickets/${ticketId}/routing`, { token })).body.decisions;
};

describe('presence from the consoles', () => {
  it('a console connecting makes its agent online; the last one going leaves them online through the grace period, then offline', async () => {
    expect(await effective('ana')).toBe('offline');
    const first = await connect('ana');
    const second = await connect('ana');
    await until(async () => (await effective('ana')) === 'online');

    first.disconnect();
    second.disconnect();
    // Consoles are gone, but a restart or a tunnel is shorter than the grace period.
    await until(() => graceRunning('ana'));
    clock.advance(DEFAULT_PRESENCE_GRACE_MS - 60_000);
    await runRouting(server);
    expect(await effective('ana')).toBe('online');

    clock.advance(2 * 60_000);
    await runRouting(server);
    expect(await effective('ana')).toBe('offline');
    // Still what she chose, for when she is back.
    expect((await presence('ana')).status).toBe('online');
  });

  it('a console back within the grace period keeps the agent online and their tickets', async () => {
    const socket = await connect('ana');
    await until(async () => (await effective('ana')) === 'online');
    const ticket = await customerWrites(server, { subject: 'Refund' });
    expect(ticket.assigneeId).toBe('ana');
    socket.disconnect();
    await until(() => graceRunning('ana'));
    clock.advance(60_000);
    await connect('ana');
    await until(async () => !(await graceRunning('ana')));
    clock.advance(DEFAULT_PRESENCE_GRACE_MS);
    await runRouting(server);
    expect(await effective('ana')).toBe('online');
    expect((await ticketRow(server, ticket.id)).assignee_id).toBe('ana');
  });

  it('consoles gone past the grace period hand the agent’s unanswered tickets on', async () => {
    const socket = await connect('ana');
    await until(async () => (await effective('ana')) === 'online');
    const ticket = await customerWrites(server, { subject: 'Refund' });
    expect(ticket.assigneeId).toBe('ana');
    await setStatus(server, 'ben', 'online');

    socket.disconnect();
    await until(() => graceRunning('ana'));
    clock.advance(DEFAULT_PRESENCE_GRACE_MS + 1000);
    await runRouting(server);
    expect((await ticketRow(server, ticket.id)).assignee_id).toBe('ben');
    expect((await decisions(ticket.id))[0]).toMatchObject({ cause: 'agent.offline', assigneeId: 'ben' });
  });

  it('after a restart, agents whose consoles were connected get the grace period to come back', async () => {
    await connect('ana');
    await until(async () => (await effective('ana')) === 'online');
    for (const socket of sockets.splice(0)) socket.disconnect();
    const dataDir = server.dataDir;
    // The server stops before it hears the console go: the table still says connected.
    await server.context.db.updateTable('agent_presence').set({ offline_at: null, lost: 0 }).execute();
    await server.stop({ keepData: true });
    server = await startTestServer({ clock, dataDir });
    expect(await effective('ana')).toBe('online');
    clock.advance(DEFAULT_PRESENCE_GRACE_MS + 1000);
    await runRouting(server);
    expect(await effective('ana')).toBe('offline');
  });
});

describe('status an agent chooses', () => {
  it('arrives as the agent.setStatus mutation: offline hands on unanswered tickets, keeps those waiting on the customer, and every console hears', async () => {
    const socket = await connect('ana');
    await until(async () => (await effective('ana')) === 'online');
    const unanswered = await customerWrites(server, { subject: 'Refund' });
    const answered = await customerWrites(server, { subject: 'Invoice' });
    expect([unanswered.assigneeId, answered.assigneeId]).toEqual(['ana', 'ana']);
    const token = await loginAs(server.url, 'ana@test', TEST_PASSWORD);
    await callApi(server.url, `/api/v1/tickets/${answered.id}/messages`, { method: 'POST', token, body: { body: 'Here it is', isPublic: true } });
    await setStatus(server, 'ben', 'online');

    const clientId = randomUUID();
    const reply = await pushOnce(socket, { clientId, mutations: [{ id: 1, createdAt: new Date(clock.now()).toISOString(), name: 'agent.setStatus', args: { status: 'offline' } }] });
    expect(reply).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    expect((await ticketRow(server, unanswered.id)).assignee_id).toBe('ben');
    expect((await ticketRow(server, answered.id)).assignee_id).toBe('ana');

    const { changes } = await pullAll(socket);
    const rows = changes.filter((change) => change.entity === 'agent' && change.op === 'upsert' && change.row.id === 'ana');
    expect(rows.at(-1)).toMatchObject({ row: { id: 'ana', name: 'Ana', queueIds: ['general'], status: 'offline' } });
  });

  it('refuses a status that is not one, naming the field, and changes nothing', async () => {
    const socket = await connect('ana');
    await until(async () => (await effective('ana')) === 'online');
    const reply = await pushOnce(socket, { clientId: randomUUID(), mutations: [{ id: 1, createdAt: new Date(clock.now()).toISOString(), name: 'agent.setStatus', args: { status: 'busy' } }] });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/^mutations\.0\.args\.status: /);
    expect(await effective('ana')).toBe('online');
  });

  it('away keeps the agent’s tickets but gives them no new ones', async () => {
    await setStatus(server, 'ana', 'online');
    const first = await customerWrites(server, { subject: 'Refund' });
    await setStatus(server, 'ana', 'away');
    const second = await customerWrites(server, { subject: 'Refund again' });
    expect((await ticketRow(server, first.id)).assignee_id).toBe('ana');
    expect(second.assigneeId).toBeNull();
  });

  it('over REST: each agent sets their own, supervisors anyone’s, and others are refused', async () => {
    const ana = await loginAs(server.url, 'ana@test', TEST_PASSWORD);
    const sue = await loginAs(server.url, 'sue@test', TEST_PASSWORD);
    const mine = await callApi<AgentPresence>(server.url, '/api/v1/agents/me/status', { method: 'PUT', token: ana, body: { status: 'away' } });
    expect(mine).toMatchObject({ status: 200, body: { id: 'ana', status: 'away', effectiveStatus: 'offline' } });
    expect((await callApi(server.url, '/api/v1/agents/ben/status', { method: 'PUT', token: ana, body: { status: 'offline' } })).status).toBe(403);
    expect((await callApi(server.url, '/api/v1/agents/ben/status', { method: 'PUT', token: sue, body: { status: 'offline' } })).body).toMatchObject({ id: 'ben', status: 'offline' });
    expect((await callApi(server.url, '/api/v1/agents/nobody/status', { method: 'PUT', token: sue, body: { status: 'offline' } })).status).toBe(404);
    const bad = await callApi(server.url, '/api/v1/agents/me/status', { method: 'PUT', token: ana, body: { status: 'busy' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^body\.status: /);
  });
});
