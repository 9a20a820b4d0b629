import { describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../src/shared/domain/ticket.js';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { CuttableProxy } from '../support/cuttable-proxy.js';
import { deskHarness } from '../support/desk-harness.js';
import { killHard, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freePort } from '../support/free-port.js';
import { listedTickets } from '../support/listed-tickets.js';

const harness = deskHarness('shiftdesk-faults-');



async function serverProcess(port: number, dataDir: string): Promise<ServerProcess> {
  const server = await startServerProcess(port, dataDir);
  harness.onCleanup(() => server.process.stop());
  return server;
}

const core = (serverUrl: string): DeskCore => harness.core(serverUrl);

async function token(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'shiftdesk' }) });
  return ((await response.json()) as { token: string }).token;
}

/** Every ticket and message the agent may see, as the server has them. */
async function serverView(url: string, email: string): Promise<Map<string, TicketDetail>> {
  const auth = { authorization: `Bearer ${await token(url, email)}` };
  const view = new Map<string, TicketDetail>();
  for (let page = 1; ; page++) {
    const { items } = (await (await fetch(`${url}/api/v1/tickets?pageSize=200&page=${page}`, { headers: auth })).json()) as { items: { id: string }[] };
    for (const { id } of items) view.set(id, (await (await fetch(`${url}/api/v1/tickets/${id}`, { headers: auth })).json()) as TicketDetail);
    if (items.length < 200) return view;
  }
}

/** The same, as the console's replica has them (with nothing of its own still waiting). */
async function replicaView(desk: DeskCore): Promise<Map<string, TicketDetail>> {
  const view = new Map<string, TicketDetail>();
  for (const { id } of await listedTickets(desk)) {
    const local = (await desk.api['tickets.get']({ id }))!;
    expect(local.pendingMessageIds).toEqual([]);
    view.set(id, { ticket: local.ticket, messages: local.messages });
  }
  return view;
}

async function settled(desk: DeskCore, timeout = 30_000): Promise<void> {
  await expect.poll(async () => (await desk.api['outbox.get']({})).waiting, { timeout }).toBe(0);
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout }).toBe('online');
}

/** Identical, whole: no mutation lost, none applied twice. */
async function expectIdentical(desk: DeskCore, url: string, email: string): Promise<void> {
  await expect.poll(async () => JSON.stringify([...(await replicaView(desk))].sort()) === JSON.stringify([...(await serverView(url, email))].sort()), { timeout: 20_000 }).toBe(true);
}

async function signedIn(desk: DeskCore, email: string) {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await expect.poll(async () => (await listedTickets(desk)).length, { timeout: 20_000 }).toBeGreaterThan(10);
  await settled(desk);
  return (await listedTickets(desk)).filter((t) => t.status === 'open' || t.status === 'new');
}

describe('faults, with a real server process and real sockets', () => {
  it('kill -9 during a burst of mutations, then a new server process: every change lands exactly once', async () => {
    const port = await freePort();
    const dataDir = harness.folder();
    let server = await serverProcess(port, dataDir);
    const desk = core(server.url);
    const tickets = await signedIn(desk, 'agent3@demo');

    for (let i = 0; i < 40; i++) {
      const ticket = tickets[i % tickets.length]!;
      await desk.api['mutations.enqueue']({ name: 'ticket.note', args: { ticketId: ticket.id, body: `burst note ${i}` } });
      if (i === 12) await killHard(server);
    }
    server = await serverProcess(port, dataDir);
    await settled(desk);
    await expectIdentical(desk, server.url, 'agent3@demo');
    const notes = [...(await serverView(server.url, 'agent3@demo')).values()].flatMap((d) => d.messages).filter((m) => m.body.startsWith('burst note '));
    expect(notes.map((m) => m.body).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `burst note ${i}`).sort());
  }, 120_000);

  it('kill -9 during the first pull: the console resumes from its cursor and ends identical', async () => {
    const port = await freePort();
    const dataDir = harness.folder();
    let server = await serverProcess(port, dataDir);
    const desk = core(server.url);
    const login = desk.api['session.login']({ email: 'supervisor@demo', password: 'shiftdesk' });
    await login;
    await killHard(server);
    server = await serverProcess(port, dataDir);
    await settled(desk);
    await expectIdentical(desk, server.url, 'supervisor@demo');
  }, 120_000);

  it('a 60-second network cut while the agent makes 50 changes: replayed in order, nothing lost or doubled', async () => {
    const port = await freePort();
    const server = await serverProcess(port, harness.folder());
    const proxy = new CuttableProxy(port);
    await proxy.start();
    harness.onCleanup(() => proxy.stop());
    const desk = core(proxy.url);
    const tickets = await signedIn(desk, 'agent@demo');

    proxy.cut();
    await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('offline');
    const started = Date.now();
    for (let i = 0; i < 50; i++) {
      const ticket = tickets[i % 10]!;
      if (i % 5 === 4) {
        const current = (await desk.api['tickets.get']({ id: ticket.id }))!.ticket.priority;
        await desk.api['mutations.enqueue']({ name: 'ticket.setPriority', args: { ticketId: ticket.id, from: current, to: current === 'high' ? 'medium' : 'high' } });
      } else {
        await desk.api['mutations.enqueue']({ name: i % 2 ? 'ticket.note' : 'ticket.reply', args: { ticketId: ticket.id, body: `offline change ${i}` } });
      }
    }
    expect((await desk.api['outbox.get']({})).waiting).toBe(50);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 60_000 - (Date.now() - started))));
    proxy.restore();

    await settled(desk, 60_000);
    expect((await desk.api['outbox.get']({})).refused).toEqual([]);
    await expectIdentical(desk, server.url, 'agent@demo');
    const view = await serverView(server.url, 'agent@demo');
    for (const ticket of tickets.slice(0, 10)) {
      const written = view.get(ticket.id)!.messages.filter((m) => m.body.startsWith('offline change ')).map((m) => Number(m.body.split(' ').at(-1)));
      // In the order written, each once.
      expect(written).toEqual([...written].sort((a, b) => a - b));
      expect(new Set(written).size).toBe(written.length);
    }
  }, 150_000);
});
