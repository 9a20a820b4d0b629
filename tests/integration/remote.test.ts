import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { WorkerDesk } from '../../src/main/core/worker/worker-desk.js';
import type { DeskResult } from '../../src/shared/desk-api/bridge.js';
import { FileSecretStore } from '../../src/main/core/session/secret-store.js';
import type { Ticket } from '../../src/shared/domain/ticket.js';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { demoRemoteSettings } from '../../src/server/remote/demo-remote.js';
import { CuttableProxy } from '../support/cuttable-proxy.js';
import { deskHarness, realClock } from '../support/desk-harness.js';
import { nextEvent } from '../support/desk-events.js';
import { listedTickets } from '../support/listed-tickets.js';
import { queueRowsOf, type QueueListing } from '../../src/shared/queue/queue-listing.js';

const { server, folder, onCleanup } = deskHarness('shiftdesk-remote-');

/** A core as the Electron shell starts it: with the system's link opener (here, a list of what it was handed). */
function desktopCore(serverUrl: string, opened: string[] | null): DeskCore {
  const dataDir = folder();
  const core = new DeskCore({
    dataDir,
    serverUrl,
    clock: realClock,
    secrets: new FileSecretStore(join(dataDir, 'session.json')),
    ...(opened ? { openExternal: async (url: string) => void opened.push(url) } : {}),
  });
  onCleanup(() => core.close());
  return core;
}

async function signedIn(desk: DeskCore, email: string): Promise<void> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
  await expect.poll(async () => (await listedTickets(desk)).length, { timeout: 15_000 }).toBeGreaterThan(0);
}

const ofDomain = (domain: string) => (ticket: Pick<Ticket, 'requesterEmail'>) => ticket.requesterEmail.endsWith(`@${domain}`);

describe('remote assistance in the desktop core', () => {
  it('lists the requester’s assets with their links, refuses what the allowlist does not name, and notes a session offline that arrives on reconnect', async () => {
    const running = await server();
    const proxy = new CuttableProxy(Number(new URL(running.url).port));
    await proxy.start();
    onCleanup(() => proxy.stop());
    const opened: string[] = [];
    const ewa = desktopCore(proxy.url, opened);
    await signedIn(ewa, 'supervisor@demo');
    const tickets = await listedTickets(ewa);
    const riga = tickets.find(ofDomain('baltic-freight.example'))!;
    const volga = tickets.find(ofDomain('tehnopark-volga.example'))!;

    const assets = await ewa.api['remote.assets']({ ticketId: riga.id });
    expect(assets.map((asset) => asset.name)).toEqual(expect.arrayContaining(['Riga office router', 'Riga VPN gateway']));
    const router = assets.find((asset) => asset.name === 'Riga office router')!;
    expect(router.links).toEqual([{ ok: true, url: 'ssh://netadmin@gw.riga.baltic-freight.example:22', toolId: 'ssh', toolName: 'SSH', host: 'gw.riga.baltic-freight.example' }]);
    const fileServer = (await ewa.api['remote.assets']({ ticketId: volga.id })).find((asset) => asset.name === 'File server')!;
    expect(fileServer.links).toEqual([expect.objectContaining({ ok: false, problem: 'host_not_allowed', detail: 'fs01.tehnopark-volga.example' })]);

    // The core checks again whatever the renderer asks: a host the allowlist does not name is never opened, nor noted.
    expect(await ewa.api['remote.open']({ ticketId: volga.id, assetId: fileServer.id, access: 0 })).toEqual({ status: 'blocked', problem: 'host_not_allowed', detail: 'fs01.tehnopark-volga.example' });
    await expect(ewa.api['remote.open']({ ticketId: volga.id, assetId: router.id, access: 0 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(ewa.api['remote.open']({ ticketId: riga.id, assetId: router.id, access: 3 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(opened).toEqual([]);
    expect((await ewa.api['outbox.get']({})).waiting).toBe(0);

    proxy.cut();
    await expect.poll(async () => (await ewa.api['connection.get']({})).status, { timeout: 15_000 }).toBe('offline');
    const shown = nextEvent(ewa, 'tickets.changed');
    expect(await ewa.api['remote.open']({ ticketId: riga.id, assetId: router.id, access: 0 })).toEqual({ status: 'opened', url: 'ssh://netadmin@gw.riga.baltic-freight.example:22' });
    expect(opened).toEqual(['ssh://netadmin@gw.riga.baltic-freight.example:22']);
    expect(await shown).toEqual({ ids: [riga.id] });
    expect((await ewa.api['outbox.get']({})).waiting).toBe(1);
    const pending = (await ewa.api['tickets.get']({ id: riga.id }))!;
    const note = pending.messages.at(-1)!;
    expect(note).toMatchObject({ authorKind: 'system', isPublic: false, body: expect.stringMatching(/^Remote session to Riga office router via SSH started by Ewa Wiśniewska at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/) });
    expect(pending.pendingMessageIds).toEqual([note.id]);

    proxy.restore();
    await expect.poll(async () => (await ewa.api['outbox.get']({})).waiting, { timeout: 15_000 }).toBe(0);
    const confirmed = (await ewa.api['tickets.get']({ id: riga.id }))!;
    expect(confirmed.pendingMessageIds).toEqual([]);
    expect(confirmed.messages.filter((message) => message.body === note.body)).toEqual([expect.objectContaining({ authorKind: 'system', isPublic: false, authorName: 'Ewa Wiśniewska' })]);
  }, 60_000);

  it('a browser host has no opener: the core hands the checked link back; new settings reach the console and change what opens', async () => {
    const running = await server();
    const marta = desktopCore(running.url, null);
    await signedIn(marta, 'supervisor@demo');
    const volga = (await listedTickets(marta)).find(ofDomain('tehnopark-volga.example'))!;
    const fileServer = (await marta.api['remote.assets']({ ticketId: volga.id })).find((asset) => asset.name === 'File server')!;

    // Tekhnopark Volga signs the agreement: the admin adds its domain.
    const changed = nextEvent(marta, 'remote.changed');
    const admin = await loginAs(running.url, 'admin@demo');
    const settings = { ...demoRemoteSettings, allowlist: { ...demoRemoteSettings.allowlist, hosts: [...demoRemoteSettings.allowlist.hosts, '*.tehnopark-volga.example'] } };
    expect((await callApi(running.url, '/api/v1/remote/settings', { method: 'PUT', token: admin, body: { settings, baseVersion: 1 } })).status).toBe(200);
    await changed;
    expect(await marta.api['remote.open']({ ticketId: volga.id, assetId: fileServer.id, access: 0 })).toEqual({ status: 'openHere', url: 'ssh://admin@fs01.tehnopark-volga.example:22' });
    await expect.poll(async () => (await marta.api['outbox.get']({})).waiting, { timeout: 15_000 }).toBe(0);
  }, 60_000);

  it('the core in its worker thread (as the Electron shell runs it) asks the shell’s thread to open the link', async () => {
    const running = await server();
    const dataDir = folder();
    const opened: string[] = [];
    const desk = await WorkerDesk.start({ dataDir, serverUrl: running.url, secretsFile: join(dataDir, 'session.json'), openExternal: async (url) => void opened.push(url) });
    onCleanup(() => desk.close());
    const value = <T>(result: DeskResult): T => {
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as T;
    };
    value(await desk.call('session.login', { email: 'supervisor@demo', password: 'shiftdesk' }));
    await expect.poll(async () => queueRowsOf(value<QueueListing>(await desk.call('tickets.list', {}))).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const riga = queueRowsOf(value<QueueListing>(await desk.call('tickets.list', {}))).find(ofDomain('baltic-freight.example'))!;
    await expect.poll(async () => value<{ name: string }[]>(await desk.call('remote.assets', { ticketId: riga.id })).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const router = value<{ id: string; name: string }[]>(await desk.call('remote.assets', { ticketId: riga.id })).find((asset) => asset.name === 'Riga office router')!;
    expect(value(await desk.call('remote.open', { ticketId: riga.id, assetId: router.id, access: 0 }))).toEqual({ status: 'opened', url: 'ssh://netadmin@gw.riga.baltic-freight.example:22' });
    await expect.poll(() => opened).toEqual(['ssh://netadmin@gw.riga.baltic-freight.example:22']);
  }, 60_000);
});
