import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarSpecSchema } from './calendar-spec.js';
import { instantOfLocal } from './zoned-time.js';
import { allDayCalendar, calendarOf, overnightCalendar, polishHolidays2026, weekdayCalendar } from './testing-calendars.js';

const at = (isoText: string) => Date.parse(isoText);
const iso = (ms: number) => new Date(ms).toISOString();

/** The calendar file from the issue, as admins write it. */
const adminCalendar = calendarOf({
  timeZone: 'Europe/Warsaw',
  hours: {
    mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']],
    sat: [], sun: [['22:00', '06:00']],
  },
  holidays: ['2026-12-24', { date: '2026-12-31', hours: [['09:00', '13:00']] }],
});

describe('business calendar: hand-checked cases', () => {
  const warsawWeekdays = weekdayCalendar('Europe/Warsaw', polishHolidays2026);

  it('Friday 16:30 Warsaw + 60 business minutes on Mon–Fri 09:00–17:00 is Monday 09:30', () => {
    expect(iso(warsawWeekdays.addBusinessMinutes(at('2026-11-20T15:30:00Z'), 60))).toBe('2026-11-23T08:30:00.000Z');
  });

  it('the Sunday night shift of the admin calendar takes the minutes a weekday calendar would leave to Monday', () => {
    expect(iso(adminCalendar.addBusinessMinutes(at('2026-11-20T15:30:00Z'), 60))).toBe('2026-11-22T21:30:00.000Z');
  });

  it('a ticket opened on a holiday starts counting on the next open day', () => {
    // Thursday 24 December is closed, Friday 25 December is open in the admin calendar.
    expect(iso(adminCalendar.addBusinessMinutes(at('2026-12-24T09:00:00Z'), 60))).toBe('2026-12-25T09:00:00.000Z');
  });

  it('a holiday with hours replaces that day’s hours', () => {
    // 31 December closes at 13:00: 30 minutes that day, 30 more from 09:00 on 1 January.
    expect(iso(adminCalendar.addBusinessMinutes(at('2026-12-31T11:30:00Z'), 60))).toBe('2027-01-01T08:30:00.000Z');
    expect(adminCalendar.businessMinutesBetween(at('2026-12-31T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(240);
  });

  it('a ticket created outside business hours starts counting when the calendar opens', () => {
    expect(iso(warsawWeekdays.addBusinessMinutes(at('2026-11-24T02:10:00Z'), 15))).toBe('2026-11-24T08:15:00.000Z');
  });

  it('an overnight-shift calendar counts 22:00–06:00 and skips the day', () => {
    const riga = overnightCalendar('Europe/Riga');
    // 05:30 Riga (EET, UTC+2): 30 minutes until 06:00, then 30 from 22:00.
    expect(iso(riga.addBusinessMinutes(at('2026-11-23T03:30:00Z'), 60))).toBe('2026-11-23T20:30:00.000Z');
    expect(riga.businessMinutesBetween(at('2026-11-23T00:00:00Z'), at('2026-11-24T00:00:00Z'))).toBe(8 * 60);
  });

  it('24/7 is plain addition', () => {
    const always = calendarOf({ timeZone: 'UTC', hours: '24/7' });
    expect(always.addBusinessMinutes(at('2026-03-29T00:30:00Z'), 90)).toBe(at('2026-03-29T02:00:00Z'));
  });
});

describe('business calendar: the 2026 DST transitions', () => {
  it.each([
    ['Europe/Warsaw', '2026-03-28T21:00:00Z', '2026-10-24T20:00:00Z'],
    ['Europe/Riga', '2026-03-28T20:00:00Z', '2026-10-24T19:00:00Z'],
    ['America/New_York', '2026-03-08T03:00:00Z', '2026-11-01T02:00:00Z'],
  ])('%s: the night shift across spring forward counts 7 hours, across fall back 9', (zone, springShiftStart, autumnShiftStart) => {
    const night = overnightCalendar(zone);
    // Twelve wall hours from the shift's start cover that shift and nothing of the next one.
    const shiftOf = (start: string) => night.businessMinutesBetween(at(start), at(start) + 12 * 3_600_000);
    expect(shiftOf(springShiftStart)).toBe(7 * 60);
    expect(shiftOf(autumnShiftStart)).toBe(9 * 60);
    expect(night.isOpen(at(springShiftStart))).toBe(true);
    expect(night.isOpen(at(springShiftStart) - 60_000)).toBe(false);
  });

  it.each([
    ['Europe/Warsaw', '2026-03-29', '2026-10-25'],
    ['Europe/Riga', '2026-03-29', '2026-10-25'],
    ['America/New_York', '2026-03-08', '2026-11-01'],
  ])('%s: a round-the-clock business day is 23 hours in spring and 25 in autumn', (zone, spring, autumn) => {
    const allDay = allDayCalendar(zone);
    const businessHoursOfLocalDay = (date: string) => {
      const midnight = Date.parse(`${date}T00:00:00Z`);
      return allDay.businessMinutesBetween(instantOfLocal(zone, midnight), instantOfLocal(zone, midnight + 86_400_000)) / 60;
    };
    expect(businessHoursOfLocalDay(spring)).toBe(23);
    expect(businessHoursOfLocalDay(autumn)).toBe(25);
  });
});

describe('business calendar: properties', () => {
  const calendars = {
    warsawWeekdaysWithHolidays: weekdayCalendar('Europe/Warsaw', polishHolidays2026),
    rigaNights: overnightCalendar('Europe/Riga'),
    newYorkWeekdays: weekdayCalendar('America/New_York'),
    adminCalendar,
  };
  const start = fc.integer({ min: at('2025-06-01T00:00:00Z'), max: at('2027-06-01T00:00:00Z') });
  const minutes = fc.integer({ min: 0, max: 60 * 24 * 45 });
  const calendar = fc.constantFrom(...Object.values(calendars));

  it('due(due(s, a), b) = due(s, a + b) on business time', () => {
    fc.assert(fc.property(calendar, start, minutes, minutes, (cal, s, a, b) => cal.addBusinessMinutes(cal.addBusinessMinutes(s, a), b) === cal.addBusinessMinutes(s, a + b)));
  });

  it('due is never before the start', () => {
    fc.assert(fc.property(calendar, start, minutes, (cal, s, m) => cal.addBusinessMinutes(s, m) >= s));
  });

  it('elapsed(s, due(s, m)) = m', () => {
    fc.assert(fc.property(calendar, start, minutes, (cal, s, m) => cal.businessMinutesBetween(s, cal.addBusinessMinutes(s, m)) === m));
  });

  it('24/7 equals plain addition', () => {
    const always = calendarOf({ timeZone: 'America/New_York', hours: '24/7' });
    fc.assert(fc.property(start, minutes, (s, m) => always.addBusinessMinutes(s, m) === s + m * 60_000 && always.businessMinutesBetween(s, s + m * 60_000) === m));
  });

  it('agrees with a naive minute-by-minute walk', () => {
    fc.assert(
      fc.property(calendar, fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }), fc.integer({ min: 1, max: 3000 }), (cal, offsetMinutes, m) => {
        const s = at('2025-06-01T00:00:00Z') + offsetMinutes * 60_000;
        let t = s;
        for (let counted = 0; counted < m; t += 60_000) if (cal.isOpen(t)) counted++;
        // The naive walk stops after the minute that completes the target.
        return cal.addBusinessMinutes(s, m) === t;
      }),
      { numRuns: 60 },
    );
  });
});

describe('calendar files', () => {
  it('accepts the admin form from the documentation', () => {
    expect(adminCalendar.timeZone).toBe('Europe/Warsaw');
  });

  it.each([
    [{ timeZone: 'Europe/Atlantis', hours: '24/7' }, 'timeZone'],
    [{ timeZone: 'UTC', hours: { mon: [['9:00', '17:00']] } }, 'hours.mon.0.0'],
    [{ timeZone: 'UTC', hours: { mon: [['09:00', '25:00']] } }, 'hours.mon.0.1'],
    [{ timeZone: 'UTC', hours: { funday: [['09:00', '17:00']] } }, 'hours'],
    [{ timeZone: 'UTC', hours: { sat: [] } }, 'hours'],
    [{ timeZone: 'UTC', hours: '24/7', holidays: ['2026-02-30'] }, 'holidays.0'],
  ])('refuses a bad calendar and names the field (%#)', (spec, field) => {
    const result = CalendarSpecSchema.safeParse(spec);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});
