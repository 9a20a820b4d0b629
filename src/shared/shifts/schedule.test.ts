import { describe, expect, it } from 'vitest';
import { OnCallRotationSchema, ShiftRotationSchema, type OnCallRotation, type ShiftOverride, type ShiftRotation, type ShiftSwap } from '../domain/shifts.js';
import { onCallBoard } from './board.js';
import { Schedule, type RotaFacts } from './schedule.js';

const at = (text: string) => Date.parse(text);
const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());
const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Tier 1 following the sun: the European day and evening, then New York's evening is Europe's night. */
const followTheSun: ShiftRotation = ShiftRotationSchema.parse({
  id: 'tier1',
  name: 'Tier 1 follow the sun',
  tier: 1,
  queueIds: ['general', 'billing'],
  shifts: [
    { id: 'riga-day', name: 'Riga day', timeZone: 'Europe/Riga', start: '08:00', end: '16:00', weekdays: everyDay, memberIds: ['jb', 'os'] },
    { id: 'warsaw-evening', name: 'Warsaw evening', timeZone: 'Europe/Warsaw', start: '15:00', end: '23:00', weekdays: everyDay, memberIds: ['mn'] },
    { id: 'ny-night', name: 'New York night', timeZone: 'America/New_York', start: '17:00', end: '01:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], memberIds: ['sc'] },
  ],
});

const warsawNights: ShiftRotation = ShiftRotationSchema.parse({
  id: 'nights',
  name: 'Warsaw nights',
  tier: 2,
  queueIds: ['network'],
  shifts: [{ id: 'night', name: 'Night', timeZone: 'Europe/Warsaw', start: '22:00', end: '06:00', weekdays: everyDay, memberIds: ['pz'] }],
});

const tier2OnCall: OnCallRotation = OnCallRotationSchema.parse({
  id: 'tier2-weekly',
  name: 'Tier 2 weekly',
  tier: 2,
  memberIds: ['pz', 'ak'],
  handover: { weekday: 'mon', time: '09:00', timeZone: 'Europe/Warsaw' },
  lengthDays: 7,
  // A Wednesday: the rotation starts at the first Monday after it, 2 November.
  startDate: '2026-10-28',
});

function override(fields: Partial<ShiftOverride> & Pick<ShiftOverride, 'replacedUserId' | 'replacementUserId' | 'start' | 'end'>): ShiftOverride {
  return { id: `o-${fields.replacedUserId}-${fields.start}`, rotationId: 'tier1', reason: 'sick', createdBy: 'admin', createdAt: '2026-11-01T00:00:00.000Z', ...fields };
}

function schedule(facts: Partial<RotaFacts> = {}): Schedule {
  return new Schedule({ rotations: [followTheSun, warsawNights], onCallRotations: [tier2OnCall], overrides: [], swaps: [], ...facts });
}

const onShiftIds = (s: Schedule, instant: string) => s.onShift(at(instant)).map((stint) => `${stint.userId}@${stint.shiftId}`).sort();

describe('who is on shift: follow the sun', () => {
  const plain = schedule();
  it.each([
    ['Riga day in the European morning', '2026-11-23T10:00:00Z', ['jb@riga-day', 'os@riga-day']],
    ['Warsaw evening from 15:00 Warsaw; Riga day has just ended (ends are exclusive)', '2026-11-23T14:00:00Z', ['mn@warsaw-evening']],
    ['New York night is Europe’s night', '2026-11-23T23:30:00Z', ['pz@night', 'sc@ny-night']],
    ['Friday’s New York night still runs after midnight on Saturday (it belongs to the day it starts)', '2026-11-28T05:30:00Z', ['sc@ny-night']],
    ['no New York night starts on a Saturday', '2026-11-29T05:30:00Z', []],
    // Summer: Riga day 08:00 EEST is 05:00 UTC, an hour earlier in UTC than in winter.
    ['summer time moves every shift an hour earlier in UTC', '2026-07-01T05:30:00Z', ['jb@riga-day', 'os@riga-day']],
    // 8–29 March 2026: New York is on summer time, Europe not yet. Its night runs 21:00–05:00 UTC.
    ['while only New York is on summer time, its night overlaps the Warsaw evening…', '2026-03-20T21:30:00Z', ['mn@warsaw-evening', 'pz@night', 'sc@ny-night']],
    ['…and leaves an hour before the Riga day uncovered', '2026-03-20T05:30:00Z', []],
  ])('%s', (_name, instant, expected) => {
    expect(onShiftIds(plain, instant)).toEqual(expected);
  });

  it('a stint carries the start and end of the shift in UTC', () => {
    const stint = plain.shiftOf('sc', at('2026-11-23T23:30:00Z'))!;
    expect([iso(stint.start), iso(stint.end)]).toEqual(['2026-11-23T22:00:00.000Z', '2026-11-24T06:00:00.000Z']);
  });

  it.each([
    // 28/29 March: 22:00 CET is 21:00Z, 06:00 CEST is 04:00Z — seven hours.
    ['the spring-forward night is an hour shorter', '2026-03-29T01:00:00Z', '2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z'],
    // 24/25 October: 22:00 CEST is 20:00Z, 06:00 CET is 05:00Z — nine hours.
    ['the fall-back night is an hour longer', '2026-10-25T01:00:00Z', '2026-10-24T20:00:00.000Z', '2026-10-25T05:00:00.000Z'],
  ])('%s', (_name, instant, start, end) => {
    const stint = plain.shiftOf('pz', at(instant))!;
    expect([iso(stint.start), iso(stint.end)]).toEqual([start, end]);
  });

  it('someone in no shift rotation counts as on shift; a rostered person off shift does not', () => {
    expect(plain.isOnShift('nobody-rostered', at('2026-11-23T03:00:00Z'))).toBe(true);
    expect(plain.isOnShift('jb', at('2026-11-23T03:00:00Z'))).toBe(false);
    expect(plain.isOnShift('jb', at('2026-11-23T07:00:00Z'))).toBe(true);
  });

  it('a vacant shift puts nobody on shift', () => {
    const vacant = schedule({ rotations: [{ ...followTheSun, shifts: followTheSun.shifts.map((s) => (s.id === 'ny-night' ? { ...s, memberIds: [] } : s)) }] });
    expect(onShiftIds(vacant, '2026-11-23T23:30:00Z')).toEqual([]);
  });
});

describe('overrides and swaps', () => {
  it('an override puts the replacement on the replaced person’s stint, and takes the replaced off it', () => {
    const s = schedule({ overrides: [override({ replacedUserId: 'os', replacementUserId: 'mn', start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' })] });
    expect(onShiftIds(s, '2026-11-24T10:00:00Z')).toEqual(['jb@riga-day', 'mn@riga-day']);
    expect(s.shiftOf('os', at('2026-11-24T10:00:00Z'))).toBeNull();
    // The replacement keeps their own evening shift as well.
    expect(s.shiftOf('mn', at('2026-11-24T15:00:00Z'))?.shiftId).toBe('warsaw-evening');
  });

  it('a two-hour override cuts the shift into stints: the cover’s two hours and the rest around them', () => {
    const s = schedule({ overrides: [override({ replacedUserId: 'os', replacementUserId: 'mn', start: '2026-11-24T10:00:00Z', end: '2026-11-24T12:00:00Z' })] });
    const cover = s.shiftOf('mn', at('2026-11-24T11:00:00Z'))!;
    expect([iso(cover.start), iso(cover.end)]).toEqual(['2026-11-24T10:00:00.000Z', '2026-11-24T12:00:00.000Z']);
    expect(iso(s.shiftOf('os', at('2026-11-24T09:00:00Z'))!.end)).toBe('2026-11-24T10:00:00.000Z');
    expect(iso(s.shiftOf('os', at('2026-11-24T13:00:00Z'))!.start)).toBe('2026-11-24T12:00:00.000Z');
    // Jānis, not covered, works the whole shift in one stint.
    const whole = s.shiftOf('jb', at('2026-11-24T11:00:00Z'))!;
    expect([iso(whole.start), iso(whole.end)]).toEqual(['2026-11-24T06:00:00.000Z', '2026-11-24T14:00:00.000Z']);
  });

  it('an override limited to one shift leaves the replaced person’s other shifts alone', () => {
    const both: ShiftRotation = { ...followTheSun, shifts: followTheSun.shifts.map((s) => (s.id === 'warsaw-evening' ? { ...s, memberIds: ['mn', 'os'] } : s)) };
    const s = schedule({
      rotations: [both],
      overrides: [override({ shiftId: 'warsaw-evening', replacedUserId: 'os', replacementUserId: 'jb', start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' })],
    });
    expect(s.shiftOf('os', at('2026-11-24T10:00:00Z'))?.shiftId).toBe('riga-day');
    expect(s.shiftOf('os', at('2026-11-24T16:00:00Z'))).toBeNull();
    expect(s.shiftOf('jb', at('2026-11-24T16:00:00Z'))?.shiftId).toBe('warsaw-evening');
  });

  it('overrides apply in the order they were made, so a later one re-covers an earlier replacement', () => {
    const first = override({ replacedUserId: 'os', replacementUserId: 'mn', start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' });
    const later = override({ replacedUserId: 'mn', replacementUserId: 'sc', start: '2026-11-24T09:00:00Z', end: '2026-11-24T11:00:00Z', createdAt: '2026-11-02T00:00:00.000Z' });
    const s = schedule({ overrides: [later, first] });
    expect(onShiftIds(s, '2026-11-24T10:00:00Z')).toEqual(['jb@riga-day', 'sc@riga-day']);
    expect(onShiftIds(s, '2026-11-24T12:00:00Z')).toEqual(['jb@riga-day', 'mn@riga-day']);
  });

  it('an override for someone the rota does not have working changes nothing', () => {
    const s = schedule({ overrides: [override({ replacedUserId: 'mn', replacementUserId: 'sc', start: '2026-11-24T06:00:00Z', end: '2026-11-24T10:00:00Z' })] });
    expect(onShiftIds(s, '2026-11-24T08:00:00Z')).toEqual(['jb@riga-day', 'os@riga-day']);
  });

  it('a swap trades two shifts and shows in the effective overrides as a swap', () => {
    // Marta gives away Tuesday's Warsaw evening, Jānis Wednesday's Riga day.
    const swap: ShiftSwap = {
      id: 'swap-1',
      rotationId: 'tier1',
      first: { userId: 'mn', start: '2026-11-24T14:00:00.000Z', end: '2026-11-24T22:00:00.000Z' },
      second: { userId: 'jb', start: '2026-11-25T06:00:00.000Z', end: '2026-11-25T14:00:00.000Z' },
      reason: 'family visit',
      createdBy: 'admin',
      createdAt: '2026-11-20T09:00:00.000Z',
    };
    const s = schedule({ swaps: [swap] });
    expect(onShiftIds(s, '2026-11-24T18:00:00Z')).toEqual(['jb@warsaw-evening']);
    expect(onShiftIds(s, '2026-11-25T10:00:00Z')).toEqual(['mn@riga-day', 'os@riga-day']);
    expect(s.effectiveOverrides.map((o) => [o.swapId, o.replacedUserId, o.replacementUserId])).toEqual([
      ['swap-1', 'mn', 'jb'],
      ['swap-1', 'jb', 'mn'],
    ]);
  });
});

describe('on call', () => {
  const plain = schedule();
  it.each([
    ['before the first hand-over nobody is on call', '2026-11-02T07:59:00Z', null],
    ['the first member from the first hand-over weekday on or after the start date (09:00 CET)', '2026-11-02T08:00:00Z', 'pz'],
    ['still the first member a minute before the next hand-over', '2026-11-09T07:59:00Z', 'pz'],
    ['the second member from the next Monday 09:00', '2026-11-09T08:00:00Z', 'ak'],
    ['back to the first after the last', '2026-11-16T08:00:00Z', 'pz'],
    // Monday 30 March 2026 09:00 is CEST, 07:00 UTC: the hand-over keeps to the local time.
    ['after spring forward the hand-over is 09:00 local, 07:00 UTC', '2027-03-29T07:00:00Z', 'ak'],
  ])('%s', (_name, instant, expected) => {
    expect(plain.onCall('tier2-weekly', at(instant))?.userId ?? null).toBe(expected);
  });

  it('a turn over a DST change is an hour shorter', () => {
    const turn = plain.onCall('tier2-weekly', at('2027-03-25T12:00:00Z'))!;
    expect([iso(turn.start), iso(turn.end)]).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
  });

  it('an override takes the pager for its window only', () => {
    const s = schedule({ overrides: [override({ rotationId: 'tier2-weekly', replacedUserId: 'pz', replacementUserId: 'ak', start: '2026-11-03T20:00:00Z', end: '2026-11-04T06:00:00Z' })] });
    const cover = s.onCall('tier2-weekly', at('2026-11-03T22:00:00Z'))!;
    expect([cover.userId, iso(cover.start), iso(cover.end)]).toEqual(['ak', '2026-11-03T20:00:00.000Z', '2026-11-04T06:00:00.000Z']);
    expect(s.onCall('tier2-weekly', at('2026-11-04T06:00:00Z'))?.userId).toBe('pz');
  });

  it('the tier’s on-call person comes from the first of its rotations (by id) that has someone', () => {
    const later: OnCallRotation = { ...tier2OnCall, id: 'a-not-started', memberIds: ['zz'], startDate: '2030-01-01' };
    const s = schedule({ onCallRotations: [tier2OnCall, later] });
    expect(s.onCallForTier(2, at('2026-11-10T12:00:00Z'))?.userId).toBe('ak');
    expect(s.onCallForTier(3, at('2026-11-10T12:00:00Z'))).toBeNull();
    expect(s.onCall('no-such-rotation', at('2026-11-10T12:00:00Z'))).toBeNull();
  });
});

describe('next shift start and shift ends', () => {
  const vacantNights = schedule({ rotations: [{ ...followTheSun, shifts: followTheSun.shifts.map((s) => (s.id === 'ny-night' ? { ...s, memberIds: [] } : s)) }] });
  it.each([
    ['the instant itself while someone covering the queue is on shift', schedule(), 'general', '2026-11-23T10:00:00Z', '2026-11-23T10:00:00.000Z'],
    ['a vacant night waits for the Riga day', vacantNights, 'billing', '2026-11-23T23:30:00Z', '2026-11-24T06:00:00.000Z'],
    ['no rotation covers the queue: no hours of its own', schedule(), 'platform', '2026-11-23T23:30:00Z', null],
    ['Saturday night after the last New York night waits for Sunday’s Riga day', schedule(), 'general', '2026-11-29T02:00:00Z', '2026-11-29T06:00:00.000Z'],
  ])('%s', (_name, s, queueId, instant, expected) => {
    expect(iso(s.nextShiftStart(queueId, at(instant)))).toBe(expected);
  });

  it('lists the stints ending in a window, earliest first, for handoff drafts', () => {
    const ends = schedule().shiftEnds(at('2026-11-23T13:30:00Z'), at('2026-11-23T14:00:00Z'));
    expect(ends.map((s) => [s.userId, s.shiftId, iso(s.end)])).toEqual([
      ['jb', 'riga-day', '2026-11-23T14:00:00.000Z'],
      ['os', 'riga-day', '2026-11-23T14:00:00.000Z'],
    ]);
    expect(schedule().shiftEnds(at('2026-11-23T14:00:00Z'), at('2026-11-23T14:30:00Z'))).toEqual([]);
  });

  it('a cover’s stint ends when the override does', () => {
    const s = schedule({ overrides: [override({ replacedUserId: 'os', replacementUserId: 'mn', start: '2026-11-24T10:00:00Z', end: '2026-11-24T12:00:00Z' })] });
    expect(s.shiftEnds(at('2026-11-24T11:30:00Z'), at('2026-11-24T12:00:00Z')).map((x) => x.userId)).toEqual(['mn']);
  });
});

describe('on-call board', () => {
  it('per tier: on shift, on call, the next shift and the next hand-over', () => {
    const names = new Map([['ak', 'Anna Kowalska']]);
    const board = onCallBoard(schedule(), at('2026-11-23T10:00:00Z'), names);
    const [tier1, tier2, tier3] = board.tiers;
    expect(tier1!.onShift.map((s) => s.userId)).toEqual(['jb', 'os']);
    expect(tier1!.nextShiftStart).toBe('2026-11-23T10:00:00.000Z');
    // The Warsaw evening starts at 14:00 UTC, the same instant the Riga day ends.
    expect(tier1!.nextHandover).toBe('2026-11-23T14:00:00.000Z');
    expect(tier2!.onCall.map((s) => [s.userId, s.name, s.end])).toEqual([['ak', 'Anna Kowalska', '2026-11-30T08:00:00.000Z']]);
    // Tier 2's night shift starts at 22:00 Warsaw; a name the desk does not know shows as the id.
    expect(tier2!.onShift).toEqual([]);
    expect([tier2!.nextShiftStart, tier2!.nextHandover]).toEqual(['2026-11-23T21:00:00.000Z', '2026-11-23T21:00:00.000Z']);
    expect(onCallBoard(schedule(), at('2026-11-23T22:00:00Z'), names).tiers[1]!.onShift.map((s) => s.name)).toEqual(['pz']);
    expect(tier3).toEqual({ tier: 3, onShift: [], onCall: [], nextShiftStart: null, nextHandover: null });
  });
});

describe('a pager that stays with one person', () => {
  it('is one stint across turns, and no hand-over is announced where none happens', () => {
    const alone: OnCallRotation = { ...tier2OnCall, id: 'alone', memberIds: ['pz'] };
    const s = schedule({ onCallRotations: [alone] });
    const stint = s.onCall('alone', at('2026-11-10T12:00:00Z'))!;
    // Four weeks either side of the instant asked about, cut at the turns' hand-overs.
    expect([iso(stint.start), iso(stint.end)]).toEqual(['2026-11-02T08:00:00.000Z', '2026-12-14T08:00:00.000Z']);
    expect(s.nextHandover(at('2026-11-10T12:00:00Z'), { shift: [], onCall: [alone] })).toBe(null);
  });
});
