import type { OnCallRotation, ShiftRotation } from '../domain/shifts.js';
import { dayOfLocalDate, minutesOfDay, weekdays, type Weekday } from '../sla/calendar-spec.js';
import { DAY_MS, instantOfLocal, localDayOf } from '../sla/zoned-time.js';

const MINUTE_MS = 60_000;

/**
 * A stretch of time the rota assigns to people before any override: one occurrence of a shift, or
 * one turn of an on-call rotation (shiftId null). Instants are ms since the epoch.
 */
export interface Duty {
  rotationId: string;
  shiftId: string | null;
  start: number;
  end: number;
  memberIds: readonly string[];
}

function weekdayOfDay(day: number): Weekday {
  // 1970-01-01, local day 0, was a Thursday.
  return weekdays[(((day + 4) % 7) + 7) % 7]!;
}

/**
 * The shift occurrences of a rotation that overlap [fromMs, toMs), in start order. Each occurrence
 * belongs to the local day it starts on, so a night shift that crosses midnight is one occurrence, and
 * its wall times are turned into instants on that day's offsets: a shift that spans a DST change is an
 * hour shorter or longer, as it is for the people working it.
 */
export function shiftOccurrences(rotation: ShiftRotation, fromMs: number, toMs: number): Duty[] {
  const duties: Duty[] = [];
  for (const shift of rotation.shifts) {
    const startMinutes = minutesOfDay(shift.start);
    let endMinutes = minutesOfDay(shift.end);
    if (endMinutes <= startMinutes) endMinutes += 24 * 60;
    // A shift lasts at most a day, so one that overlaps the window started the local day before it or later.
    const firstDay = localDayOf(shift.timeZone, fromMs) - 1;
    const lastDay = localDayOf(shift.timeZone, toMs);
    for (let day = firstDay; day <= lastDay; day++) {
      if (!shift.weekdays.includes(weekdayOfDay(day))) continue;
      const start = instantOfLocal(shift.timeZone, day * DAY_MS + startMinutes * MINUTE_MS);
      const end = instantOfLocal(shift.timeZone, day * DAY_MS + endMinutes * MINUTE_MS);
      // A shift lying wholly inside a spring-forward gap never happens.
      if (end > start && start < toMs && end > fromMs) duties.push({ rotationId: rotation.id, shiftId: shift.id, start, end, memberIds: shift.memberIds });
    }
  }
  return duties.sort((a, b) => a.start - b.start);
}

/** The local day of the first hand-over: the hand-over weekday on or after the start date. */
function firstHandoverDay(rotation: OnCallRotation): number {
  const startDay = dayOfLocalDate(rotation.startDate);
  const target = weekdays.indexOf(rotation.handover.weekday);
  const startWeekday = weekdays.indexOf(weekdayOfDay(startDay));
  return startDay + ((target - startWeekday + 7) % 7);
}

/** Hand-over number `turn` as an instant: always at the same local time, whatever DST did in between. */
function handoverAt(rotation: OnCallRotation, firstDay: number, turn: number): number {
  const { time, timeZone } = rotation.handover;
  return instantOfLocal(timeZone, (firstDay + turn * rotation.lengthDays) * DAY_MS + minutesOfDay(time) * MINUTE_MS);
}

/** The turns of an on-call rotation that overlap [fromMs, toMs); nothing before its first hand-over. */
export function onCallTurns(rotation: OnCallRotation, fromMs: number, toMs: number): Duty[] {
  const firstDay = firstHandoverDay(rotation);
  const { timeZone } = rotation.handover;
  let turn = Math.floor((localDayOf(timeZone, fromMs) - firstDay) / rotation.lengthDays);
  while (turn > 0 && handoverAt(rotation, firstDay, turn) > fromMs) turn--;
  turn = Math.max(0, turn);
  const duties: Duty[] = [];
  for (let start = handoverAt(rotation, firstDay, turn); start < toMs; turn++) {
    const end = handoverAt(rotation, firstDay, turn + 1);
    const member = rotation.memberIds[turn % rotation.memberIds.length]!;
    if (end > fromMs) duties.push({ rotationId: rotation.id, shiftId: null, start, end, memberIds: [member] });
    start = end;
  }
  return duties;
}
