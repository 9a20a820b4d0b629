import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/shared/clock.js';
import { DeskError } from '../../src/shared/desk-api/errors.js';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { FileSecretStore } from '../../src/main/core/session/secret-store.js';
import { loginAs, startTestServer, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { nextEvent } from '../support/desk-events.js';
import { listedTickets } from '../support/listed-tickets.js';

const clock: Clock = { now: () => Date.now() };
let server: RunningTestServer;
const cores: DeskCore[] = [];
const dirs: string[] = [];

function newCore(dataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-core-'))): DeskCore {
  dirs.push(dataDir);
  const core = new DeskCore({ dataDir, serverUrl: server.url, clock, secrets: new FileSecretStore(join(dataDir, 'session.json')) });
  cores.push(core);
  return core;
}

async function waitUntilOnline(core: DeskCore): Promise<void> {
  if ((await core.api['connection.get']({})).status === 'online') return;
  await nextEvent(core, 'connection.changed', (state: { status: string }) => state.status === 'online');
}

async function createTicket(queueId: string, subject: string): Promise<string> {
  const token = await loginAs(server.url, 'admin@demo');
  const response = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ subject, body: 'It broke at 3 a.m.', requesterName: 'Ilze', requesterEmail: 'ilze@baltic.example', queueId }),
  });
  return ((await response.json()) as { ticket: { id: string } }).ticket.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
});
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});
afterAll(async () => {
  await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('desktop core against a real server', () => {
  it('signs in, replicates only the user’s queues and reads them from the replica', async () => {
    const core = newCore();
    const session = await core.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    expect(session.user?.email).toBe('agent3@demo');
    await waitUntilOnline(core);
    const tickets = await listedTickets(core);
    expect(tickets.length).toBeGreaterThan(10);
    expect(new Set(tickets.map((t) => t.queueId))).toEqual(new Set(['billing']));
    const detail = await core.api['tickets.get']({ id: tickets[0]!.id });
    expect(detail?.messages.length).toBeGreaterThan(0);
    expect((await core.api['queues.list']({})).map((q) => q.id)).toEqual(['billing']);
  });

  it('lists every queue for a supervisor', async () => {
    const core = newCore();
    await core.api['session.login']({ email: 'supervisor@demo', password: 'shiftdesk' });
    await waitUntilOnline(core);
    expect((await core.api['queues.list']({})).map((q) => q.id)).toEqual(['billing', 'general', 'network', 'platform']);
  });

  it('turns a wrong password into a clear error and stays signed out', async () => {
    const core = newCore();
    await expect(core.api['session.login']({ email: 'agent@demo', password: 'wrong' })).rejects.toEqual(
      new DeskError('unauthorized', 'Wrong email or password'),
    );
    expect((await core.api['session.get']({})).user).toBeNull();
    await expect(core.api['tickets.list']({})).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('applies a live change and names the changed ticket, but never one from another queue', async () => {
    const core = newCore();
    await core.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    await waitUntilOnline(core);
    const changedIds: string[] = [];
    core.onEvent((event, payload) => {
      if (event === 'tickets.changed') changedIds.push(...(payload as { ids: string[] }).ids);
    });
    const foreign = await createTicket('network', 'Router flapping in Riga');
    const changed = nextEvent(core, 'tickets.changed');
    const mine = await createTicket('billing', 'Invoice 2026/11 has the wrong VAT rate');
    await changed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changedIds).toContain(mine);
    expect(changedIds).not.toContain(foreign);
    expect((await core.api['tickets.get']({ id: mine }))?.ticket.subject).toBe('Invoice 2026/11 has the wrong VAT rate');
    expect(await core.api['tickets.get']({ id: foreign })).toBeNull();
  });

  it('opens a saved session from the replica while the server is unreachable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-core-'));
    const first = newCore(dataDir);
    await first.api['session.login']({ email: 'agent@demo', password: 'shiftdesk' });
    await waitUntilOnline(first);
    const before = await listedTickets(first);
    const macrosBefore = await first.api['macros.list']({});
    first.close();

    const offline = new DeskCore({ dataDir, serverUrl: 'http://127.0.0.1:9', clock, secrets: new FileSecretStore(join(dataDir, 'session.json')) });
    cores.push(offline);
    expect((await offline.api['session.get']({})).user?.email).toBe('agent@demo');
    expect((await listedTickets(offline)).length).toBe(before.length);

    // The knowledge base, macros and colleagues are there too, searchable without the server.
    const hits = await offline.api['kb.search']({ query: 'passw' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.title.toLowerCase()).toContain('password');
    const polish = await offline.api['kb.search']({ query: 'hasło', locale: 'pl' });
    expect(polish.length).toBeGreaterThan(0);
    expect(polish.every((hit) => hit.locale === 'pl')).toBe(true);
    expect(await offline.api['kb.search']({ query: '") OR (* NEAR' })).toEqual(expect.any(Array));
    expect((await offline.api['kb.get']({ id: hits[0]!.id }))?.body.length).toBeGreaterThan(50);
    // The shared macros and the agent's own personal one (docs/knowledge.md).
    const macros = await offline.api['macros.list']({});
    expect(macros).toEqual(macrosBefore);
    expect(macros.some((macro) => macro.ownerId === null)).toBe(true);
    const me = (await offline.api['session.get']({})).user!.id;
    expect(macros.some((macro) => macro.ownerId === me)).toBe(true);
    expect(macros.every((macro) => macro.ownerId === null || macro.ownerId === me)).toBe(true);
    expect((await offline.api['agents.list']({})).map((a) => a.name)).toContain('Olga Smirnova');
  });

  it('clears the replica when a different user signs in on the same machine', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-core-'));
    const core = newCore(dataDir);
    await core.api['session.login']({ email: 'tier2@demo', password: 'shiftdesk' });
    await waitUntilOnline(core);
    await core.api['session.logout']({});
    await core.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
    await waitUntilOnline(core);
    const queues = new Set((await listedTickets(core)).map((t) => t.queueId));
    expect(queues).toEqual(new Set(['billing']));
  });
});
