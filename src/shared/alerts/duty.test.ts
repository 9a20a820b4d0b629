import { describe, expect, it } from 'vitest';
import { OnCallRotationSchema, ShiftRotationSchema } from '../domain/shifts.js';
import { Schedule } from '../shifts/schedule.js';
import { defaultAlertSettings } from './alert.js';
import { dutyAt, inDailyWindow, nextWindowEdge } from './duty.js';

const at = (text: string) => Date.parse(text);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const schedule = new Schedule({
  rotations: [
    ShiftRotationSchema.parse({
      id: 'tier1',
      name: 'Tier 1',
      tier: 1,
      queueIds: ['general'],
      shifts: [
        // Jānis's Riga day starts at 06:00 UTC: a hand-over in Marta's rotation that changes nothing for her.
        { id: 'riga-day', name: 'Riga day', timeZone: 'Europe/Riga', start: '08:00', end: '16:00', weekdays: everyDay, memberIds: ['janis'] },
        { id: 'warsaw-evening', name: 'Warsaw evening', timeZone: 'Europe/Warsaw', start: '15:00', end: '23:00', weekdays: everyDay, memberIds: ['marta'] },
      ],
    }),
  ],
  onCallRotations: [
    OnCallRotationSchema.parse({
      id: 'tier2-on-call',
      name: 'Tier 2 on call',
      tier: 2,
      memberIds: ['piotr'],
      handover: { weekday: 'mon', time: '09:00', timeZone: 'Europe/Warsaw' },
      lengthDays: 7,
      startDate: '2026-11-02',
    }),
  ],
  overrides: [],
  swaps: [],
});

const marta = { id: 'marta', timeZone: 'Europe/Warsaw' };
const piotr = { id: 'piotr', timeZone: 'Europe/Warsaw' };
const nobody = { id: 'ada', timeZone: 'Europe/Riga' };

describe('where an agent stands by the rota', () => {
  it.each([
    ['Marta in her Warsaw evening', marta, '2026-11-24T16:00:00Z', { onShift: true, onCall: false }, '2026-11-24T22:00:00.000Z'],
    ['Marta at 3 a.m. Warsaw: off shift, until her evening starts', marta, '2026-11-24T02:00:00Z', { onShift: false, onCall: false }, '2026-11-24T14:00:00.000Z'],
    // The only member of his rotation: one weekly turn runs into the next, so nothing changes for him.
    ['Piotr holds the pager all week, and is in no shift rotation (never off shift)', piotr, '2026-11-24T02:00:00Z', { onShift: true, onCall: true }, null],
    ['someone in no rotation at all is on shift, for good', nobody, '2026-11-24T02:00:00Z', { onShift: true, onCall: false }, null],
  ])('%s', (_, agent, instant, expected, nextChange) => {
    const { duty, nextChangeAt } = dutyAt(schedule, agent, 'online', defaultAlertSettings, at(instant));
    expect(duty).toEqual({ ...expected, away: false, inQuietWindow: false });
    expect(iso(nextChangeAt)).toBe(nextChange);
  });

  it('a pager passing between two colleagues is a change for each of them', () => {
    const pair = new Schedule({ ...schedule.facts, onCallRotations: [{ ...schedule.facts.onCallRotations[0]!, memberIds: ['piotr', 'anna'] }] });
    // Weekly turns from Monday 2 November: on the 24th Anna holds the pager; Piotr takes it on Monday the 30th, 09:00 in Warsaw.
    const piotrNow = dutyAt(pair, piotr, 'online', defaultAlertSettings, at('2026-11-24T02:00:00Z'));
    expect(piotrNow.duty.onCall).toBe(false);
    expect(iso(piotrNow.nextChangeAt)).toBe('2026-11-30T08:00:00.000Z');
    expect(iso(dutyAt(pair, { id: 'anna', timeZone: 'Europe/Warsaw' }, 'online', defaultAlertSettings, at('2026-11-24T02:00:00Z')).nextChangeAt)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('away is the agent’s own status; the window their own setting, in their own zone', () => {
    const settings = { ...defaultAlertSettings, quietWindow: { from: '22:00', to: '07:00' } };
    // 23:30 in Warsaw (winter, UTC+1): inside the window, which next closes at 07:00 Warsaw.
    const { duty, nextChangeAt } = dutyAt(schedule, marta, 'away', settings, at('2026-11-24T22:30:00Z'));
    expect(duty).toEqual({ onShift: false, onCall: false, away: true, inQuietWindow: true });
    expect(iso(nextChangeAt)).toBe('2026-11-25T06:00:00.000Z');
  });
});

describe('a daily quiet window', () => {
  const night = { from: '22:00', to: '07:00' };
  const lunch = { from: '12:00', to: '13:00' };

  it.each([
    ['before it opens', night, '2026-11-24T20:59:00Z', false, '2026-11-24T21:00:00.000Z'],
    ['as it opens (22:00 Warsaw)', night, '2026-11-24T21:00:00Z', true, '2026-11-25T06:00:00.000Z'],
    ['past midnight', night, '2026-11-25T05:59:00Z', true, '2026-11-25T06:00:00.000Z'],
    ['as it closes (07:00 Warsaw)', night, '2026-11-25T06:00:00Z', false, '2026-11-25T21:00:00.000Z'],
    ['inside a window within one day', lunch, '2026-11-24T11:30:00Z', true, '2026-11-24T12:00:00.000Z'],
    ['after a window within one day', lunch, '2026-11-24T12:30:00Z', false, '2026-11-25T11:00:00.000Z'],
  ])('%s', (_, window, instant, inside, edge) => {
    expect(inDailyWindow(window, 'Europe/Warsaw', at(instant))).toBe(inside);
    expect(iso(nextWindowEdge(window, 'Europe/Warsaw', at(instant)))).toBe(edge);
  });

  it('follows the zone across a change to summer time', () => {
    // 29 March 2026: Warsaw moves from UTC+1 to UTC+2; 07:00 that morning is 05:00 UTC.
    expect(iso(nextWindowEdge({ from: '22:00', to: '07:00' }, 'Europe/Warsaw', at('2026-03-29T00:30:00Z')))).toBe('2026-03-29T05:00:00.000Z');
    expect(inDailyWindow({ from: '22:00', to: '07:00' }, 'Europe/Warsaw', at('2026-03-29T04:59:00Z'))).toBe(true);
  });
});
