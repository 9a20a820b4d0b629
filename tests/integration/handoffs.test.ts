import { describe, expect, it } from 'vitest';
import type { HandoffPage } from '../../src/shared/api/rest.js';
import type { LocalHandoffNote } from '../../src/shared/desk-api/contract.js';
import type { HandoffNote } from '../../src/shared/domain/handoff.js';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { loginAs, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { CuttableProxy } from '../support/cuttable-proxy.js';
import { deskHarness } from '../support/desk-harness.js';
import { nextEvent } from '../support/desk-events.js';

const { server, core, folder, openCore, onCleanup } = deskHarness('shiftdesk-handoffs-');

async function settled(desk: DeskCore): Promise<void> {
  await expect.poll(async () => (await desk.api['outbox.get']({})).waiting, { timeout: 15_000 }).toBe(0);
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
}

async function signedIn(desk: DeskCore, email: string): Promise<LocalHandoffNote[]> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await settled(desk);
  await expect.poll(async () => (await desk.api['handoffs.list']({})).length, { timeout: 15_000 }).toBeGreaterThan(0);
  return desk.api['handoffs.list']({});
}

async function serverNotes(running: RunningTestServer): Promise<HandoffNote[]> {
  const token = await loginAs(running.url, 'admin@demo');
  return ((await (await fetch(`${running.url}/api/v1/handoffs?pageSize=200`, { headers: { authorization: `Bearer ${token}` } })).json()) as HandoffPage).items;
}

/** A note as the server has it: the console's view without its own marks. */
const asServer = ({ pending: _pending, acknowledgementPending: _ack, ...note }: LocalHandoffNote): HandoffNote => note;

describe('handoff notes between consoles and the server', () => {
  it('a note written and one acknowledged while the server is unreachable show at once, and reach the server exactly once after reconnect', async () => {
    const running = await server();
    const proxy = new CuttableProxy(Number(new URL(running.url).port));
    await proxy.start();
    onCleanup(() => proxy.stop());
    const desk = core(proxy.url);
    const before = await signedIn(desk, 'agent@demo');
    const unread = before.find((note) => note.authorId !== 'u-agent' && !note.acknowledgements.some((ack) => ack.agentId === 'u-agent'))!;

    proxy.cut();
    await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('offline');
    const changed = nextEvent(desk, 'handoffs.changed');
    const { id } = await desk.api['handoffs.write']({ queueId: 'billing', body: '  VPN down at home; wrote this on the train. Chargeback evidence is in the shared drive.  ' });
    expect(await changed).toEqual({ ids: [id] });
    expect(await desk.api['handoffs.acknowledge']({ id: unread.id })).toEqual({ queued: true });
    // Clicked again before anything was sent: nothing more to send.
    expect(await desk.api['handoffs.acknowledge']({ id: unread.id })).toEqual({ queued: false });

    const offline = await desk.api['handoffs.list']({});
    expect(offline[0]).toMatchObject({ id, queueId: 'billing', authorName: 'Marta Nowak', body: 'VPN down at home; wrote this on the train. Chargeback evidence is in the shared drive.', pending: true });
    expect(offline.find((note) => note.id === unread.id)).toMatchObject({ acknowledgementPending: true, acknowledgements: expect.arrayContaining([expect.objectContaining({ agentId: 'u-agent' })]) });
    expect((await desk.api['outbox.get']({})).waiting).toBe(2);
    expect((await serverNotes(running)).map((note) => note.id)).not.toContain(id);

    proxy.restore();
    await settled(desk);
    const onServer = await serverNotes(running);
    expect(onServer.filter((note) => note.body.startsWith('VPN down at home'))).toHaveLength(1);
    const written = onServer.find((note) => note.id === id)!;
    expect(written.writtenAt).toBeDefined();
    expect(onServer.find((note) => note.id === unread.id)!.acknowledgements.filter((ack) => ack.agentId === 'u-agent')).toHaveLength(1);
    // The console now shows exactly what the server has, nothing waiting.
    await expect.poll(async () => (await desk.api['handoffs.list']({})).every((note) => !note.pending && !note.acknowledgementPending), { timeout: 10_000 }).toBe(true);
    const local = await desk.api['handoffs.list']({});
    expect(local.map(asServer).sort((a, b) => a.id.localeCompare(b.id))).toEqual(onServer.filter((note) => note.queueId === null || ['general', 'billing'].includes(note.queueId)).sort((a, b) => a.id.localeCompare(b.id)));
  }, 60_000);

  it('a note written offline survives a console restart and is sent on the next connect', async () => {
    const running = await server();
    const dataDir = folder();
    const online = core(running.url, dataDir);
    await signedIn(online, 'agent3@demo');
    await online.close();

    const offline = openCore('http://127.0.0.1:9', dataDir);
    const { id } = await offline.api['handoffs.write']({ queueId: null, body: 'Whole desk: the Riga office is on generator power until noon.' });
    await offline.close();

    const back = core(running.url, dataDir);
    expect((await back.api['handoffs.list']({})).find((note) => note.id === id)).toMatchObject({ pending: true });
    await settled(back);
    expect((await serverNotes(running)).filter((note) => note.id === id)).toHaveLength(1);
    await expect.poll(async () => (await back.api['handoffs.list']({})).find((note) => note.id === id)?.pending, { timeout: 10_000 }).toBe(false);
  }, 60_000);

  it('a colleague’s console in the same queue receives the note live; one in another queue never does', async () => {
    const running = await server();
    const writer = core(running.url);
    const colleague = core(running.url);
    const elsewhere = core(running.url);
    await signedIn(writer, 'agent3@demo');
    const colleagueBefore = await signedIn(colleague, 'agent@demo');
    const elsewhereBefore = await signedIn(elsewhere, 'tier2@demo');

    const arrived = nextEvent(colleague, 'handoffs.changed');
    const { id } = await writer.api['handoffs.write']({ queueId: 'billing', body: 'Billing: refund batch 47 approved, customers notified.' });
    await arrived;
    await expect.poll(async () => (await colleague.api['handoffs.list']({})).map((note) => note.id), { timeout: 10_000 }).toContain(id);
    expect((await colleague.api['handoffs.list']({})).length).toBe(colleagueBefore.length + 1);

    await settled(writer);
    await settled(elsewhere);
    expect((await elsewhere.api['handoffs.list']({})).map((note) => note.id)).not.toContain(id);
    expect((await elsewhere.api['handoffs.list']({})).length).toBe(elsewhereBefore.length);
    // Nor can the writer's console leave a note for a queue its agent does not work in.
    await expect(writer.api['handoffs.write']({ queueId: 'network', body: 'Not mine' })).rejects.toMatchObject({ code: 'invalid_input' });
  }, 60_000);
});
