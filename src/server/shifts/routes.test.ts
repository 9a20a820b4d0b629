import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnCallBoard, OnCallRotation, ShiftOverride, ShiftRotation, ShiftSwap } from '../../shared/domain/shifts.js';
import { steppingClock } from '../testing/test-clock.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

let server: RunningTestServer;
let admin: string;
let agent: string;

const api = <T = Record<string, unknown>>(path: string, init?: Parameters<typeof callApi>[2]) => callApi<T>(server.url, path, init);

/** A DELETE's status: 204 has no body for callApi to parse. */
async function remove(path: string, token: string): Promise<number> {
  const response = await fetch(`${server.url}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return response.status;
}

// Monday 23 November 2026, 10:00 UTC.
beforeAll(async () => {
  server = await startTestServer({ clock: steppingClock(Date.parse('2026-11-23T10:00:00Z')), seed: true });
  admin = await loginAs(server.url, 'admin@demo');
  agent = await loginAs(server.url, 'agent@demo');
});
afterAll(() => server.stop());

const weekendRotation = {
  name: 'Tier 2 weekend desk',
  tier: 2,
  queueIds: ['network'],
  shifts: [{ id: 'weekend-day', name: 'Weekend day', timeZone: 'Europe/Warsaw', start: '09:00', end: '17:00', weekdays: ['sat', 'sun'], memberIds: ['u-tier2'] }],
};

describe('who is on call, over REST', () => {
  it('needs a token', async () => {
    expect((await api('/api/v1/on-call')).status).toBe(401);
    expect((await api('/api/v1/shift-rotations')).status).toBe(401);
  });

  it('answers per tier for now, or for an instant asked about', async () => {
    const now = await api<OnCallBoard>('/api/v1/on-call', { token: agent });
    expect(now.status).toBe(200);
    expect(now.body.at).toMatch(/^2026-11-23T10:00/);
    expect(now.body.tiers.map((t) => [t.tier, t.onShift.map((s) => s.userId), t.onCall.map((s) => s.userId)])).toEqual([
      [1, ['u-agent2', 'u-agent3'], []],
      [2, [], ['u-tier2']],
      [3, [], ['u-tier3']],
    ]);
    const night = await api<OnCallBoard>(`/api/v1/on-call?at=${encodeURIComponent('2026-11-23T23:30:00Z')}`, { token: agent });
    expect(night.body.tiers[0]).toMatchObject({ onShift: [], nextShiftStart: '2026-11-24T06:00:00.000Z' });
    expect((await api(`/api/v1/on-call?at=tonight`, { token: agent })).body.message).toMatch(/^querystring\.at/);
  });
});

describe('rotations over REST', () => {
  it('everyone reads them; only admins change them', async () => {
    const list = await api<{ items: ShiftRotation[] }>('/api/v1/shift-rotations', { token: agent });
    expect(list.body.items.map((r) => r.id)).toEqual(['tier1-follow-the-sun']);
    const onCall = await api<{ items: OnCallRotation[] }>('/api/v1/on-call-rotations', { token: agent });
    expect(onCall.body.items.map((r) => [r.id, r.memberIds])).toEqual([
      ['tier2-on-call', ['u-tier2']],
      ['tier3-on-call', ['u-tier3']],
    ]);
    const refused = await api('/api/v1/shift-rotations', { method: 'POST', token: agent, body: weekendRotation });
    expect(refused.status).toBe(403);
  });

  it('creates (minting an id), replaces and removes a shift rotation; the on-call board follows', async () => {
    const created = await api<ShiftRotation>('/api/v1/shift-rotations', { method: 'POST', token: admin, body: weekendRotation });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const saturday = `/api/v1/on-call?at=${encodeURIComponent('2026-11-28T10:00:00Z')}`;
    expect((await api<OnCallBoard>(saturday, { token: agent })).body.tiers[1]!.onShift.map((s) => s.name)).toEqual(['Piotr Zieliński']);

    const replaced = await api<ShiftRotation>(`/api/v1/shift-rotations/${created.body.id}`, {
      method: 'PUT',
      token: admin,
      body: { ...weekendRotation, shifts: [{ ...weekendRotation.shifts[0], weekdays: ['sun'] }] },
    });
    expect(replaced.status).toBe(200);
    expect((await api<OnCallBoard>(saturday, { token: agent })).body.tiers[1]!.onShift).toEqual([]);

    expect((await remove(`/api/v1/shift-rotations/${created.body.id}`, admin))).toBe(204);
    expect((await remove(`/api/v1/shift-rotations/${created.body.id}`, admin))).toBe(404);
  });

  it('creates an on-call rotation under the id given, and refuses the id twice or for the other kind', async () => {
    const body = { id: 'tier3-backup', name: 'Tier 3 backup', tier: 3, memberIds: ['u-tier3', 'u-supervisor'], handover: { weekday: 'wed', time: '12:00', timeZone: 'Europe/Warsaw' }, lengthDays: 14, startDate: '2026-11-01' };
    expect((await api('/api/v1/on-call-rotations', { method: 'POST', token: admin, body })).status).toBe(201);
    const twice = await api('/api/v1/on-call-rotations', { method: 'POST', token: admin, body });
    expect([twice.status, twice.body.message]).toEqual([409, 'body.id: a rotation "tier3-backup" already exists']);
    const otherKind = await api('/api/v1/shift-rotations', { method: 'POST', token: admin, body: { ...weekendRotation, id: 'tier3-backup' } });
    expect([otherKind.status, otherKind.body.message]).toEqual([409, 'body.id: "tier3-backup" is already an on-call rotation']);
    expect((await remove('/api/v1/on-call-rotations/tier3-backup', admin))).toBe(204);
  });

  it.each([
    ['a shift in an unknown time zone', { ...weekendRotation, shifts: [{ ...weekendRotation.shifts[0], timeZone: 'Mars/Olympus' }] }, /^body\.shifts\.0\.timeZone: unknown IANA time zone/],
    ['a shift starting at 24:00', { ...weekendRotation, shifts: [{ ...weekendRotation.shifts[0], start: '24:00' }] }, /^body\.shifts\.0\.start/],
    ['no weekdays', { ...weekendRotation, shifts: [{ ...weekendRotation.shifts[0], weekdays: [] }] }, /^body\.shifts\.0\.weekdays/],
    ['tier 4', { ...weekendRotation, tier: 4 }, /^body\.tier/],
    ['no queues', { ...weekendRotation, queueIds: [] }, /^body\.queueIds/],
    ['an unknown queue', { ...weekendRotation, queueIds: ['nowhere'] }, /^body\.queueIds: no queue "nowhere"/],
    ['an unknown member', { ...weekendRotation, shifts: [{ ...weekendRotation.shifts[0], memberIds: ['u-ghost'] }] }, /^body\.shifts\.0\.memberIds: no user "u-ghost"/],
    ['an unknown field', { ...weekendRotation, colour: 'red' }, /^body/],
  ])('refuses %s, naming the field, and writes nothing', async (_name, body, message) => {
    const before = (await api<{ items: ShiftRotation[] }>('/api/v1/shift-rotations', { token: admin })).body.items.length;
    const answer = await api('/api/v1/shift-rotations', { method: 'POST', token: admin, body });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(message);
    expect((await api<{ items: ShiftRotation[] }>('/api/v1/shift-rotations', { token: admin })).body.items.length).toBe(before);
  });
});

describe('overrides and swaps over REST', () => {
  const rotationId = 'tier1-follow-the-sun';

  it('an override puts the replacement on shift, lists among those in force, and can be withdrawn', async () => {
    const body = { rotationId, replacedUserId: 'u-agent3', replacementUserId: 'u-supervisor', start: '2026-11-30T00:00:00Z', end: '2026-12-01T00:00:00Z', reason: 'Olga is ill' };
    const created = await api<ShiftOverride>('/api/v1/shift-overrides', { method: 'POST', token: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, start: '2026-11-30T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z', createdBy: 'u-admin' });
    const board = await api<OnCallBoard>(`/api/v1/on-call?at=${encodeURIComponent('2026-11-30T10:00:00Z')}`, { token: agent });
    expect(board.body.tiers[0]!.onShift.map((s) => s.userId)).toEqual(['u-agent2', 'u-supervisor']);
    const listed = await api<{ items: ShiftOverride[] }>(`/api/v1/shift-overrides?rotationId=${rotationId}`, { token: agent });
    expect(listed.body.items.map((o) => o.id)).toContain(created.body.id);
    expect((await remove(`/api/v1/shift-overrides/${created.body.id}`, agent))).toBe(403);
    expect((await remove(`/api/v1/shift-overrides/${created.body.id}`, admin))).toBe(204);
    expect((await api<{ items: ShiftOverride[] }>('/api/v1/shift-overrides', { token: agent })).body.items.map((o) => o.id)).not.toContain(created.body.id);
  });

  it.each([
    ['an end before the start', { start: '2026-12-01T00:00:00Z', end: '2026-11-30T00:00:00Z' }, 400, /^body\.end: end must be after start/],
    ['a person replacing themselves', { replacementUserId: 'u-agent3' }, 400, /^body\.replacementUserId/],
    ['no reason', { reason: '  ' }, 400, /^body\.reason/],
    ['someone outside the rotation', { replacedUserId: 'u-tier3' }, 400, /^body\.replacedUserId: "u-tier3" does not work in/],
  ])('an override with %s is refused', async (_name, change, status, message) => {
    const body = { rotationId, replacedUserId: 'u-agent3', replacementUserId: 'u-supervisor', start: '2026-11-30T00:00:00Z', end: '2026-12-01T00:00:00Z', reason: 'x', ...change };
    const answer = await api('/api/v1/shift-overrides', { method: 'POST', token: admin, body });
    expect([answer.status, answer.body.message]).toEqual([status, expect.stringMatching(message)]);
  });

  it('the demo swap is listed as a swap, and a new one trades the two shifts', async () => {
    const demo = await api<{ items: ShiftSwap[] }>('/api/v1/shift-swaps', { token: agent });
    expect(demo.body.items.map((s) => [s.first.userId, s.second.userId])).toEqual([['u-agent2', 'u-agent']]);
    const body = {
      rotationId,
      first: { userId: 'u-agent3', start: '2026-12-02T06:00:00Z', end: '2026-12-02T14:00:00Z' },
      second: { userId: 'u-agent', start: '2026-12-03T14:00:00Z', end: '2026-12-03T22:00:00Z' },
      reason: 'Olga’s evening class moved',
    };
    const created = await api<ShiftSwap>('/api/v1/shift-swaps', { method: 'POST', token: admin, body });
    expect(created.status).toBe(201);
    const evening = await api<OnCallBoard>(`/api/v1/on-call?at=${encodeURIComponent('2026-12-03T18:00:00Z')}`, { token: agent });
    expect(evening.body.tiers[0]!.onShift.map((s) => s.userId)).toEqual(['u-agent3']);
    const overlapping = await api('/api/v1/shift-swaps', { method: 'POST', token: admin, body: { ...body, second: { ...body.second, start: '2026-12-02T10:00:00Z' } } });
    expect([overlapping.status, overlapping.body.message]).toEqual([400, expect.stringMatching(/^body\.second\.start: the two windows of a swap must not overlap/)]);
    expect((await remove(`/api/v1/shift-swaps/${created.body.id}`, admin))).toBe(204);
    expect((await remove(`/api/v1/shift-swaps/${created.body.id}`, admin))).toBe(404);
  });

  it('the OpenAPI document lists the rota’s routes', async () => {
    const doc = await api<{ paths: Record<string, Record<string, { tags: string[] }>> }>('/api/v1/openapi.json');
    for (const path of ['/api/v1/on-call', '/api/v1/shift-rotations', '/api/v1/shift-rotations/{id}', '/api/v1/on-call-rotations', '/api/v1/shift-overrides', '/api/v1/shift-swaps/{id}']) {
      expect(Object.values(doc.body.paths[path] ?? {}).map((op) => op.tags)).toContainEqual(['shifts']);
    }
  });
});
