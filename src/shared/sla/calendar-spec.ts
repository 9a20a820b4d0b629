import { z } from 'zod';
import { isValidTimeZone } from './zoned-time.js';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

export const TimeOfDaySchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time HH:MM from 00:00 to 24:00');

export const TimeZoneSchema = z.string().refine(isValidTimeZone, 'unknown IANA time zone');

/** [start, end] in local time; an end that is not after the start runs into the next day. */
export const IntervalSchema = z.tuple([TimeOfDaySchema, TimeOfDaySchema]);
export type Interval = z.infer<typeof IntervalSchema>;

export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'no such date');

export const HolidaySchema = z.union([
  LocalDateSchema,
  z.object({ date: LocalDateSchema, hours: z.array(IntervalSchema), name: z.string().optional() }).strict(),
]);
export type Holiday = z.infer<typeof HolidaySchema>;

const WeekHoursSchema = z
  .object(Object.fromEntries(weekdays.map((day) => [day, z.array(IntervalSchema).default([])])) as Record<Weekday, z.ZodDefault<z.ZodArray<typeof IntervalSchema>>>)
  .strict()
  .refine((week) => weekdays.some((day) => week[day].length > 0), 'a calendar must be open on at least one weekday');

/** The calendar file admins write; see docs/sla.md. */
export const CalendarSpecSchema = z
  .object({
    name: z.string().optional(),
    timeZone: TimeZoneSchema,
    hours: z.union([z.literal('24/7'), WeekHoursSchema]),
    holidays: z.array(HolidaySchema).default([]),
  })
  .strict();
export type CalendarSpec = z.infer<typeof CalendarSpecSchema>;
export type CalendarSpecInput = z.input<typeof CalendarSpecSchema>;

export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

export function localDateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function dayOfLocalDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}
