import type { Transaction } from 'kysely';
import type { OnCallRotation, ShiftRotation } from '../../shared/domain/shifts.js';
import { weekdays } from '../../shared/sla/calendar-spec.js';
import { DAY_MS } from '../../shared/sla/zoned-time.js';
import type { ServerContext } from '../context.js';
import type { Database } from '../storage/schema.js';
import { RotaStore } from '../shifts/rota-store.js';

const everyDay = [...weekdays];

/**
 * Tier 1 follows the sun, every day of the week: Riga's day (08:00–16:00) hands over to Warsaw's
 * evening (15:00–23:00 Warsaw, which is 16:00 in Riga), and New York's evening (17:00–01:00) is
 * Europe's night. In winter the three meet end to end in UTC (06–14, 14–22, 22–06); while only New
 * York is on summer time (March, early November) they overlap an hour and leave an hour open.
 *
 * The desk has no tier-1 agent in New York, so the night shift is defined but vacant: European nights
 * are out of hours for the tier-1 queues. Critical tickets then page the on-call engineers and the
 * rest wait for the Riga day, their customers told when to expect an answer.
 */
export const demoShiftRotation: ShiftRotation = {
  id: 'tier1-follow-the-sun',
  name: 'Tier 1 — follow the sun',
  tier: 1,
  queueIds: ['general', 'billing'],
  shifts: [
    { id: 'riga-day', name: 'Riga day', timeZone: 'Europe/Riga', start: '08:00', end: '16:00', weekdays: everyDay, memberIds: ['u-agent2', 'u-agent3'] },
    { id: 'warsaw-evening', name: 'Warsaw evening', timeZone: 'Europe/Warsaw', start: '15:00', end: '23:00', weekdays: everyDay, memberIds: ['u-agent'] },
    { id: 'new-york-night', name: 'New York night', timeZone: 'America/New_York', start: '17:00', end: '01:00', weekdays: everyDay, memberIds: [] },
  ],
};

/**
 * Tiers 2 and 3 answer pages around the clock, handing the pager over on Monday mornings in their own
 * zone. Each has one engineer in the demo, so an escalation to tier 2 reaches tier2@demo at any hour.
 */
export const demoOnCallRotations: readonly OnCallRotation[] = [
  {
    id: 'tier2-on-call',
    name: 'Tier 2 on call',
    tier: 2,
    memberIds: ['u-tier2'],
    handover: { weekday: 'mon', time: '09:00', timeZone: 'Europe/Warsaw' },
    lengthDays: 7,
    startDate: '2025-01-06',
  },
  {
    id: 'tier3-on-call',
    name: 'Tier 3 on call',
    tier: 3,
    memberIds: ['u-tier3'],
    handover: { weekday: 'mon', time: '09:00', timeZone: 'America/New_York' },
    lengthDays: 7,
    startDate: '2025-01-06',
  },
];

const HOUR_MS = 3_600_000;

/**
 * The rota, and the changes to it a desk makes in a normal week, placed relative to now so they are
 * always ahead: Olga's dentist appointment in tomorrow's Riga day (Marta covers two hours), and a swap
 * in which Marta takes a Riga day of Jānis's and he her Warsaw evening after it.
 */
export async function seedDemoRota(trx: Transaction<Database>, context: ServerContext): Promise<void> {
  const rota = new RotaStore(context.db, context.clock, context.feed, context.shifts);
  const admin = { id: 'u-admin' };
  await rota.saveShiftRotation(trx, admin, demoShiftRotation, 'create');
  for (const rotation of demoOnCallRotations) await rota.saveOnCallRotation(trx, admin, rotation, 'create');

  const now = context.clock.now();
  const schedule = await context.shifts.schedule(trx, new Date(now));
  const upcoming = schedule.shiftStints(now, now + 8 * DAY_MS).filter((stint) => stint.start > now);
  const next = (userId: string, shiftId: string, after: number) => upcoming.find((s) => s.userId === userId && s.shiftId === shiftId && s.start >= after)!;
  const iso = (ms: number) => new Date(ms).toISOString();

  const dentist = next('u-agent3', 'riga-day', now + 12 * HOUR_MS);
  await rota.addOverride(trx, { id: 'u-supervisor' }, {
    rotationId: demoShiftRotation.id,
    shiftId: 'riga-day',
    replacedUserId: 'u-agent3',
    replacementUserId: 'u-agent',
    start: iso(dentist.start + 2 * HOUR_MS),
    end: iso(dentist.start + 4 * HOUR_MS),
    reason: 'Dentist appointment; Marta covers two hours',
  });

  const given = next('u-agent2', 'riga-day', now + 2 * DAY_MS);
  const taken = next('u-agent', 'warsaw-evening', given.end);
  await rota.addSwap(trx, { id: 'u-supervisor' }, {
    rotationId: demoShiftRotation.id,
    first: { userId: 'u-agent2', start: iso(given.start), end: iso(given.end) },
    second: { userId: 'u-agent', start: iso(taken.start), end: iso(taken.end) },
    reason: 'Jānis has a family visit that morning; Marta wants an early week',
  });
}
