import { dayOfLocalDate, minutesOfDay, weekdays, type CalendarSpec } from '../src/shared/sla/calendar-spec.js';
import { DAY_MS, offsetAt } from '../src/shared/sla/zoned-time.js';

/**
 * The obvious implementation the engine is measured against: step a minute at a time, asking the
 * time zone for the local time at each step. Same semantics (night shifts belong to the day they
 * start, holidays replace that day's hours), none of the precomputation.
 */
export function naiveAddBusinessMinutes(spec: CalendarSpec, startMs: number, minutes: number): number {
  let t = startMs;
  for (let counted = 0; counted < minutes; t += 60_000) if (naiveIsOpen(spec, t)) counted++;
  return t;
}

function hoursOf(spec: CalendarSpec, day: number) {
  if (spec.hours === '24/7') return [['00:00', '24:00']] as [string, string][];
  for (const holiday of spec.holidays) {
    if (typeof holiday === 'string' ? dayOfLocalDate(holiday) === day : dayOfLocalDate(holiday.date) === day) return typeof holiday === 'string' ? [] : holiday.hours;
  }
  return spec.hours[weekdays[(((day + 4) % 7) + 7) % 7]!];
}

function naiveIsOpen(spec: CalendarSpec, t: number): boolean {
  const local = t + offsetAt(spec.timeZone, t);
  const day = Math.floor(local / DAY_MS);
  const minute = (local - day * DAY_MS) / 60_000;
  for (const [offset, d] of [[0, day], [24 * 60, day - 1]] as const) {
    for (const [from, to] of hoursOf(spec, d)) {
      const start = minutesOfDay(from);
      let end = minutesOfDay(to);
      if (end <= start) end += 24 * 60;
      if (minute + offset >= start && minute + offset < end) return true;
    }
  }
  return false;
}
