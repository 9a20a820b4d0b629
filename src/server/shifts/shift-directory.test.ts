import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppingClock } from '../testing/test-clock.js';
import { startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { RotaRefusal, RotaStore } from './rota-store.js';
import { demoShiftRotation } from '../demo/rota.js';

let server: RunningTestServer;
let rota: RotaStore;
const at = (text: string) => new Date(text);
const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

// Monday 23 November 2026, 10:00 UTC: noon in Riga, the demo's Riga day shift at work.
beforeAll(async () => {
  server = await startTestServer({ clock: steppingClock(Date.parse('2026-11-23T10:00:00Z')), seed: true });
  const { db, clock, feed, shifts } = server.context;
  rota = new RotaStore(db, clock, feed, shifts);
});
afterAll(() => server.stop());

const directory = () => server.context.shifts;
const db = () => server.context.db;

describe('the demo rota through the ShiftDirectory', () => {
  it('on shift: the Riga day at noon in Riga, and everyone who is in no shift rotation', async () => {
    const ids = await directory().onShiftAgentIds(db(), at('2026-11-23T10:00:00Z'));
    expect([...ids].sort()).toEqual(['u-admin', 'u-agent2', 'u-agent3', 'u-supervisor', 'u-tier2', 'u-tier3']);
  });

  it('at night in Europe the vacant New York shift leaves tier 1 off shift, tier 2 and 3 unaffected', async () => {
    const ids = await directory().onShiftAgentIds(db(), at('2026-11-23T23:30:00Z'));
    expect([...ids].sort()).toEqual(['u-admin', 'u-supervisor', 'u-tier2', 'u-tier3']);
  });

  it.each(['2026-11-23T03:00:00Z', '2026-11-23T13:00:00Z', '2026-11-29T22:00:00Z', '2027-03-29T07:30:00Z'])('tier 2 is always tier2@demo, tier 3 Sam Carter (%s)', async (instant) => {
    expect(await directory().onCallForTier(db(), 2, at(instant))).toBe('u-tier2');
    expect(await directory().onCallForTier(db(), 3, at(instant))).toBe('u-tier3');
    expect(await directory().onCall(db(), 'tier2-on-call', at(instant))).toBe('u-tier2');
  });

  it('nobody is on call for tier 1, or in a rotation that does not exist', async () => {
    expect(await directory().onCallForTier(db(), 1, at('2026-11-23T10:00:00Z'))).toBeNull();
    expect(await directory().onCall(db(), 'no-such-rotation', at('2026-11-23T10:00:00Z'))).toBeNull();
  });

  it.each([
    ['general', '2026-11-23T10:00:00Z', '2026-11-23T10:00:00.000Z'],
    ['billing', '2026-11-23T23:30:00Z', '2026-11-24T06:00:00.000Z'],
    ['network', '2026-11-23T23:30:00Z', null],
  ])('the next shift of %s after %s', async (queueId, instant, expected) => {
    expect(iso(await directory().nextShiftStart(db(), queueId, at(instant)))).toBe(expected);
  });

  it('the shift a person works, with its start and end; null off shift or outside any rotation', async () => {
    expect(await directory().shiftOf(db(), 'u-agent2', at('2026-11-23T10:00:00Z'))).toEqual({
      rotationId: 'tier1-follow-the-sun',
      shiftId: 'riga-day',
      start: at('2026-11-23T06:00:00Z'),
      end: at('2026-11-23T14:00:00Z'),
    });
    expect(await directory().shiftOf(db(), 'u-agent', at('2026-11-23T10:00:00Z'))).toBeNull();
    expect(await directory().shiftOf(db(), 'u-tier2', at('2026-11-23T10:00:00Z'))).toBeNull();
  });

  it('shift ends in a window: who hands over at 16:00 Riga', async () => {
    const ends = await directory().shiftEnds(db(), at('2026-11-23T13:30:00Z'), at('2026-11-23T14:00:00Z'));
    expect(ends.map((s) => [s.userId, s.shiftId, iso(s.end)])).toEqual([
      ['u-agent2', 'riga-day', '2026-11-23T14:00:00.000Z'],
      ['u-agent3', 'riga-day', '2026-11-23T14:00:00.000Z'],
    ]);
  });

  it('the demo override: Marta covers two hours of Olga’s Riga day tomorrow', async () => {
    const cover = await directory().shiftOf(db(), 'u-agent', at('2026-11-24T09:00:00Z'));
    expect(cover).toMatchObject({ shiftId: 'riga-day', start: at('2026-11-24T08:00:00Z'), end: at('2026-11-24T10:00:00Z') });
    expect(await directory().shiftOf(db(), 'u-agent3', at('2026-11-24T09:00:00Z'))).toBeNull();
    expect((await directory().onShiftAgentIds(db(), at('2026-11-24T09:00:00Z'))).has('u-agent3')).toBe(false);
  });

  it('the demo swap: Marta works a Riga day of Jānis’s, he her Warsaw evening after it', async () => {
    expect((await directory().shiftOf(db(), 'u-agent', at('2026-11-26T10:00:00Z')))?.shiftId).toBe('riga-day');
    expect(await directory().shiftOf(db(), 'u-agent2', at('2026-11-26T10:00:00Z'))).toBeNull();
    expect((await directory().shiftOf(db(), 'u-agent2', at('2026-11-26T18:00:00Z')))?.shiftId).toBe('warsaw-evening');
  });

  it('the board: per tier, names and the next hand-over', async () => {
    const board = await directory().board(db(), at('2026-11-23T10:00:00Z'));
    expect(board.tiers.map((t) => [t.tier, t.onShift.map((s) => s.name), t.onCall.map((s) => s.name)])).toEqual([
      [1, ['Jānis Bērziņš', 'Olga Smirnova'], []],
      [2, [], ['Piotr Zieliński']],
      [3, [], ['Sam Carter']],
    ]);
    expect(board.tiers[0]!.nextHandover).toBe('2026-11-23T14:00:00.000Z');
  });
});

describe('the ShiftDirectory inside a caller’s transaction', () => {
  it('sees an override the transaction has written, and nobody else does until it commits', async () => {
    const noon = at('2026-11-30T10:00:00Z');
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await rota.addOverride(trx, { id: 'u-admin' }, { rotationId: 'tier1-follow-the-sun', replacedUserId: 'u-agent2', replacementUserId: 'u-agent', start: '2026-11-30T00:00:00Z', end: '2026-12-01T00:00:00Z', reason: 'rolled back' });
          expect((await directory().onShiftAgentIds(trx, noon)).has('u-agent')).toBe(true);
          throw new Error('roll back');
        }),
    ).rejects.toThrow('roll back');
    const outside = (await directory().onShiftAgentIds(db(), noon)).has('u-agent');
    expect(outside).toBe(false);
  });
});

describe('rota writes refuse what cannot be', () => {
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(RotaRefusal);
    return (error as RotaRefusal).message;
  };

  it.each([
    ['an unknown queue', { ...demoShiftRotation, id: 'other', queueIds: ['nowhere'] }, /^queueIds: no queue "nowhere"/],
    ['an unknown member', { ...demoShiftRotation, id: 'other', shifts: [{ ...demoShiftRotation.shifts[0]!, memberIds: ['u-ghost'] }] }, /^shifts\.0\.memberIds: no user "u-ghost"/],
    ['an id an on-call rotation has', { ...demoShiftRotation, id: 'tier2-on-call' }, /^id: "tier2-on-call" is already an on-call rotation/],
    ['an id already taken', demoShiftRotation, /^id: a rotation "tier1-follow-the-sun" already exists/],
  ])('a shift rotation with %s', async (_name, rotation, message) => {
    expect(await refusal(rota.write((trx) => rota.saveShiftRotation(trx, { id: 'u-admin' }, rotation, 'create')))).toMatch(message);
  });

  it('an override for someone who does not work in the rotation, or a shift it does not have', async () => {
    const base = { rotationId: 'tier1-follow-the-sun', replacementUserId: 'u-agent', start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z', reason: 'x' };
    expect(await refusal(rota.write((trx) => rota.addOverride(trx, { id: 'u-admin' }, { ...base, replacedUserId: 'u-tier2' })))).toMatch(/^replacedUserId:/);
    expect(await refusal(rota.write((trx) => rota.addOverride(trx, { id: 'u-admin' }, { ...base, replacedUserId: 'u-agent2', shiftId: 'warsaw-evening' })))).toMatch(/^replacedUserId:/);
    expect(await refusal(rota.write((trx) => rota.addOverride(trx, { id: 'u-admin' }, { ...base, replacedUserId: 'u-agent2', shiftId: 'nope' })))).toMatch(/^shiftId:/);
    expect(await refusal(rota.write((trx) => rota.addOverride(trx, { id: 'u-admin' }, { ...base, rotationId: 'nope', replacedUserId: 'u-agent2' })))).toMatch(/^rotationId:/);
  });

  it('a swap in which one side has nothing to give away', async () => {
    const body = {
      rotationId: 'tier1-follow-the-sun',
      // Jānis does not work 14:00–22:00 UTC: that is the Warsaw evening.
      first: { userId: 'u-agent2', start: '2026-12-01T14:00:00Z', end: '2026-12-01T22:00:00Z' },
      second: { userId: 'u-agent', start: '2026-12-02T14:00:00Z', end: '2026-12-02T22:00:00Z' },
      reason: 'x',
    };
    expect(await refusal(rota.write((trx) => rota.addSwap(trx, { id: 'u-admin' }, body)))).toMatch(/^first: "u-agent2" has no shift/);
  });

  it('deleting a rotation takes its overrides and swaps with it, and every console is told', async () => {
    const copy = { ...demoShiftRotation, id: 'copy', shifts: demoShiftRotation.shifts.map((s) => ({ ...s })) };
    await rota.write((trx) => rota.saveShiftRotation(trx, { id: 'u-admin' }, copy, 'create'));
    const override = await rota.write((trx) => rota.addOverride(trx, { id: 'u-admin' }, { rotationId: 'copy', replacedUserId: 'u-agent2', replacementUserId: 'u-agent', start: '2026-12-01T00:00:00+02:00', end: '2026-12-02T00:00:00+02:00', reason: 'x' }));
    expect([override.start, override.end]).toEqual(['2026-11-30T22:00:00.000Z', '2026-12-01T22:00:00.000Z']);
    await rota.write((trx) => rota.deleteRotation(trx, 'shift', 'copy'));
    expect(await db().selectFrom('shift_overrides').select('id').where('rotation_id', '=', 'copy').execute()).toEqual([]);
    const log = await db().selectFrom('changes').select(['scope', 'entity', 'row_id', 'op']).where('row_id', 'in', ['copy', override.id]).orderBy('seq').execute();
    expect(log).toEqual([
      { scope: 'shared', entity: 'shiftRotation', row_id: 'copy', op: 'upsert' },
      { scope: 'shared', entity: 'shiftOverride', row_id: override.id, op: 'upsert' },
      { scope: 'shared', entity: 'shiftOverride', row_id: override.id, op: 'delete' },
      { scope: 'shared', entity: 'shiftRotation', row_id: 'copy', op: 'delete' },
    ]);
  });
});
