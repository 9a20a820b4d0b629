import { BusinessCalendar } from './business-calendar.js';
import { CalendarSpecSchema, type CalendarSpecInput } from './calendar-spec.js';

/** Calendars the SLA tests and benchmarks share. */
export function calendarOf(spec: CalendarSpecInput): BusinessCalendar {
  return new BusinessCalendar(CalendarSpecSchema.parse(spec));
}

const nineToFive: [string, string][] = [['09:00', '17:00']];

export function weekdayCalendar(timeZone: string, holidays: CalendarSpecInput['holidays'] = []): BusinessCalendar {
  return calendarOf({ timeZone, hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }, holidays });
}

export function overnightCalendar(timeZone: string): BusinessCalendar {
  const night: [string, string][] = [['22:00', '06:00']];
  return calendarOf({ timeZone, hours: { mon: night, tue: night, wed: night, thu: night, fri: night, sat: night, sun: night } });
}

export function allDayCalendar(timeZone: string): BusinessCalendar {
  const day: [string, string][] = [['00:00', '24:00']];
  return calendarOf({ timeZone, hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } });
}

/** Ten public holidays a year, as a Polish desk closes for them. */
export const polishHolidays2026 = ['2026-01-01', '2026-01-06', '2026-04-06', '2026-05-01', '2026-06-04', '2026-08-15', '2026-11-11', '2026-12-24', '2026-12-25', '2026-12-26'];
