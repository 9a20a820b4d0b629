import { MAX_ANALYTICS_DAYS } from '../../../../shared/analytics/query.js';

export const rangePresets = ['today', 'last7', 'last30', 'last90', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];

const presetDays: Record<Exclude<RangePreset, 'custom'>, number> = { today: 1, last7: 7, last30: 30, last90: 90 };

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A local date moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** "Last 7 days" ends today and includes it, in the supervisor's zone. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: number, timeZone: string): { from: string; to: string } {
  const to = localDate(now, timeZone);
  return { from: addDays(to, 1 - presetDays[preset]), to };
}

/** Why a custom range cannot be asked for, or null when it can. */
export function rangeProblem(from: string, to: string): 'missing' | 'order' | 'tooLong' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'missing';
  const days = daysBetween(from, to);
  if (days < 1) return 'order';
  return days > MAX_ANALYTICS_DAYS ? 'tooLong' : null;
}
