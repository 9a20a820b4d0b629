import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandoffPage } from '../../shared/api/rest.js';
import type { HandoffNote } from '../../shared/domain/handoff.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

let server: RunningTestServer;
let olga: string;

const api = <T = Record<string, unknown>>(path: string, init?: Parameters<typeof callApi>[2]) => callApi<T>(server.url, path, init);

const everyNote = async () => (await api<HandoffPage>('/api/v1/handoffs?pageSize=200', { token: await loginAs(server.url, 'admin@demo') })).body;

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
  olga = await loginAs(server.url, 'agent3@demo');
});
afterAll(() => server.stop());

describe('handoff notes over REST', () => {
  it('requires a token', async () => {
    expect((await api('/api/v1/handoffs')).status).toBe(401);
    expect((await api('/api/v1/handoffs', { method: 'POST', body: { queueId: null, body: 'x' } })).status).toBe(401);
  });

  it('lists the whole desk’s notes and the caller’s queues’, newest first, one page at a time', async () => {
    const { status, body } = await api<HandoffPage>('/api/v1/handoffs?pageSize=2', { token: olga });
    expect(status).toBe(200);
    expect(body.items).toHaveLength(2);
    const all = (await api<HandoffPage>('/api/v1/handoffs?pageSize=200', { token: olga })).body;
    expect(all.total).toBe(all.items.length);
    expect(new Set(all.items.map((note) => note.queueId))).toEqual(new Set(['billing', null]));
    const times = all.items.map((note) => note.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await api<HandoffPage>('/api/v1/handoffs?queueId=network', { token: olga })).body.total).toBe(0);
    expect((await api<HandoffPage>('/api/v1/handoffs?queueId=billing', { token: olga })).body.items.every((note) => note.queueId === 'billing')).toBe(true);
  });

  it('writes a note for a queue or the whole desk, and it comes first in the list', async () => {
    const created = await api<HandoffNote>('/api/v1/handoffs', { method: 'POST', token: olga, body: { queueId: 'billing', body: '  Card payments recovered at 05:10.  ' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ queueId: 'billing', authorId: 'u-agent3', authorName: 'Olga Smirnova', body: 'Card payments recovered at 05:10.', acknowledgements: [] });
    expect((await api<HandoffPage>('/api/v1/handoffs?pageSize=1', { token: olga })).body.items[0]?.id).toBe(created.body.id);
    const desk = await api<HandoffNote>('/api/v1/handoffs', { method: 'POST', token: olga, body: { queueId: null, body: 'Whole desk: fire drill at 11:00.' } });
    expect(desk.status).toBe(201);
    const tier2 = await loginAs(server.url, 'tier2@demo');
    const seenByTier2 = (await api<HandoffPage>('/api/v1/handoffs?pageSize=200', { token: tier2 })).body.items.map((note) => note.id);
    expect(seenByTier2).toContain(desk.body.id);
    expect(seenByTier2).not.toContain(created.body.id);
  });

  it.each([
    [{ queueId: 'billing', body: '' }, /^body\.body/],
    [{ queueId: 'billing', body: '   ' }, /^body\.body/],
    [{ queueId: 'billing', body: 'x'.repeat(20_001) }, /^body\.body/],
    [{ body: 'Which queue?' }, /^body\.queueId/],
    [{ queueId: '', body: 'Empty queue' }, /^body\.queueId/],
    [{ queueId: 'nowhere', body: 'No such queue' }, /^body\.queueId/],
    [{ queueId: null, body: 'Late', writtenAt: 'yesterday' }, /^body\.writtenAt/],
    [{ queueId: null, body: 'Extra', shiftId: 'night' }, /^body/],
  ])('refuses a bad note naming the field and writes nothing (%#)', async (body, message) => {
    const before = (await everyNote()).total;
    const reply = await api('/api/v1/handoffs', { method: 'POST', token: olga, body });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(message);
    expect((await everyNote()).total).toBe(before);
  });

  it('refuses a note for a queue the caller does not work in with 403, and writes nothing', async () => {
    const before = (await everyNote()).total;
    const reply = await api('/api/v1/handoffs', { method: 'POST', token: olga, body: { queueId: 'platform', body: 'Not my queue' } });
    expect(reply).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await everyNote()).total).toBe(before);
  });

  it('acknowledges a note once, however often asked; an unknown or unseen note is 404', async () => {
    const marta = await loginAs(server.url, 'agent@demo');
    const note = (await api<HandoffNote>('/api/v1/handoffs', { method: 'POST', token: olga, body: { queueId: 'billing', body: 'Chargeback from Hurtownia Lux: evidence sent.' } })).body;
    const first = await api<HandoffNote>(`/api/v1/handoffs/${note.id}/acknowledge`, { method: 'POST', token: marta });
    const again = await api<HandoffNote>(`/api/v1/handoffs/${note.id}/acknowledge`, { method: 'POST', token: marta });
    expect(first.status).toBe(200);
    expect(first.body.acknowledgements).toEqual([{ agentId: 'u-agent', agentName: 'Marta Nowak', at: expect.any(String) }]);
    expect(again.body).toEqual(first.body);

    const tier2 = await loginAs(server.url, 'tier2@demo');
    expect((await api(`/api/v1/handoffs/${note.id}/acknowledge`, { method: 'POST', token: tier2 })).status).toBe(404);
    expect((await api(`/api/v1/handoffs/${randomUUID()}/acknowledge`, { method: 'POST', token: marta })).status).toBe(404);
    expect((await api('/api/v1/handoffs/not-an-id/acknowledge', { method: 'POST', token: marta })).body.message).toMatch(/^params\.id/);
  });

  it('is in the OpenAPI document, with the shared schemas', async () => {
    const { body } = await api<{ paths: Record<string, Record<string, { requestBody?: unknown; tags?: string[] }>>; tags: { name: string }[] }>('/api/v1/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/handoffs', '/api/v1/handoffs/{id}/acknowledge']));
    expect(JSON.stringify(body.paths['/api/v1/handoffs']?.post?.requestBody)).toContain('"maxLength":20000');
    expect(body.tags.map((tag) => tag.name)).toContain('handoffs');
  });
});
