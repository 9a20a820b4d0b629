import { describe, expect, it } from 'vitest';
import type { Macro } from '../../src/shared/domain/knowledge.js';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { callApi, loginAs, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { CuttableProxy } from '../support/cuttable-proxy.js';
import { deskHarness } from '../support/desk-harness.js';
import { nextEvent } from '../support/desk-events.js';
import { listedTickets } from '../support/listed-tickets.js';

const { server, core, onCleanup } = deskHarness('shiftdesk-knowledge-');

async function settled(desk: DeskCore): Promise<void> {
  await expect.poll(async () => (await desk.api['outbox.get']({})).waiting, { timeout: 15_000 }).toBe(0);
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
}

async function signedIn(desk: DeskCore, email: string): Promise<void> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await settled(desk);
  await expect.poll(async () => (await desk.api['macros.list']({})).length, { timeout: 15_000 }).toBeGreaterThan(0);
}

async function serverMacros(running: RunningTestServer, email: string): Promise<Macro[]> {
  return (await callApi<Macro[]>(running.url, '/api/v1/macros', { token: await loginAs(running.url, email) })).body;
}

async function cutOff(desk: DeskCore, proxy: CuttableProxy): Promise<void> {
  proxy.cut();
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('offline');
}

const macro = { title: 'Printer on fire', body: 'Hi {{requester.first_name}}, please step away from the printer.', locale: 'en' as const, shared: false, actions: { priority: 'critical' as const, addTags: ['printer'] } };

describe('macros and the knowledge base in the console', () => {
  it('a personal macro written, edited and deleted offline shows at once, and reaches the server once after reconnect', async () => {
    const running = await server();
    const proxy = new CuttableProxy(Number(new URL(running.url).port));
    await proxy.start();
    onCleanup(() => proxy.stop());
    const desk = core(proxy.url);
    await signedIn(desk, 'agent@demo');
    const listed = await desk.api['macros.list']({});
    expect(listed.find((m) => m.id === 'macro-marta-vpn-followup')).toMatchObject({ ownerId: 'u-agent', pending: false });

    await cutOff(desk, proxy);
    const changed = nextEvent(desk, 'knowledge.changed');
    const { id } = await desk.api['macros.save']({ macro });
    await changed;
    await desk.api['macros.save']({ id, macro: { ...macro, title: 'Printer on fire (v2)' } });
    expect(await desk.api['macros.delete']({ id: 'macro-marta-vpn-followup' })).toEqual({ queued: true });
    const offline = await desk.api['macros.list']({});
    expect(offline.find((m) => m.id === id)).toMatchObject({ title: 'Printer on fire (v2)', ownerId: 'u-agent', pending: true, actions: { priority: 'critical', addTags: ['printer'] } });
    expect(offline.some((m) => m.id === 'macro-marta-vpn-followup')).toBe(false);
    // A shared macro is refused on the spot: the agent is still looking at the editor.
    await expect(desk.api['macros.save']({ macro: { ...macro, shared: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.api['macros.delete']({ id: 'macro-solved-thanks' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await serverMacros(running, 'agent@demo')).some((m) => m.id === id)).toBe(false);

    proxy.restore();
    await settled(desk);
    const onServer = await serverMacros(running, 'agent@demo');
    expect(onServer.filter((m) => m.title.startsWith('Printer on fire'))).toEqual([expect.objectContaining({ id, title: 'Printer on fire (v2)', ownerId: 'u-agent' })]);
    expect(onServer.some((m) => m.id === 'macro-marta-vpn-followup')).toBe(false);
    await expect.poll(async () => (await desk.api['macros.list']({})).find((m) => m.id === id)?.pending, { timeout: 10_000 }).toBe(false);
    // Nobody else's console gets Marta's personal macro.
    expect((await serverMacros(running, 'agent2@demo')).some((m) => m.id === id)).toBe(false);
  }, 60_000);

  it('searches and suggests articles with the server down, and refuses edits offline with a clear reason', async () => {
    const running = await server();
    const proxy = new CuttableProxy(Number(new URL(running.url).port));
    await proxy.start();
    onCleanup(() => proxy.stop());
    const desk = core(proxy.url);
    await signedIn(desk, 'supervisor@demo');
    await expect.poll(async () => (await desk.api['kb.search']({ query: 'password' })).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const ticket = (await listedTickets(desk)).find((t) => /password|hasł|парол|parol/i.test(t.subject));
    expect(ticket).toBeDefined();

    await cutOff(desk, proxy);
    const hits = await desk.api['kb.search']({ query: 'passw', locale: 'en' });
    expect(hits[0]).toMatchObject({ id: 'kb-reset-password-en', isPublic: true });
    const article = await desk.api['kb.get']({ id: 'kb-reset-password-en' });
    expect(article?.publicUrl).toBe(new URL('/portal/kb/kb-reset-password-en', proxy.url).toString());
    const internal = (await desk.api['kb.search']({ query: 'runbook' })).find((hit) => !hit.isPublic) ?? (await desk.api['kb.search']({ query: 'internal' })).find((hit) => !hit.isPublic);
    if (internal) expect((await desk.api['kb.get']({ id: internal.id }))?.publicUrl).toBeNull();
    const suggested = await desk.api['kb.suggest']({ ticketId: ticket!.id });
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.some((hit) => hit.id.startsWith('kb-reset-password'))).toBe(true);
    await expect(
      desk.api['kb.save']({ id: 'kb-reset-password-en', baseVersion: 1, content: { title: 'x', body: 'y', locale: 'en', isPublic: true, note: '' } }),
    ).rejects.toMatchObject({ code: 'unavailable' });

    proxy.restore();
    await settled(desk);
    const saved = await desk.api['kb.save']({ id: 'kb-reset-password-en', baseVersion: 1, content: { title: 'Reset your password', body: 'Use “Forgot password”.', locale: 'en', isPublic: true, note: 'Shorter' } });
    expect(saved).toMatchObject({ status: 'saved', article: { version: 2 } });
    const conflict = await desk.api['kb.save']({ id: 'kb-reset-password-en', baseVersion: 1, content: { title: 'Stale', body: 'Stale text', locale: 'en', isPublic: true, note: '' } });
    expect(conflict).toMatchObject({ status: 'conflict', current: { version: 2, authorName: 'Ewa Wiśniewska' } });
    await expect.poll(async () => (await desk.api['kb.get']({ id: 'kb-reset-password-en' }))?.version, { timeout: 10_000 }).toBe(2);
    expect((await desk.api['kb.versions']({ id: 'kb-reset-password-en' })).map((v) => v.version)).toEqual([2, 1]);
    expect((await desk.api['kb.version']({ id: 'kb-reset-password-en', version: 1 })).body).not.toBe('Use “Forgot password”.');
  }, 60_000);
});
