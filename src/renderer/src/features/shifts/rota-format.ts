import { weekdays, type Weekday } from '../../../../shared/sla/calendar-spec.js';
import { instantOfLocal, offsetAt } from '../../../../shared/sla/zoned-time.js';
import type { Agent } from '../../../../shared/domain/people.js';
import { useDateTimeFormat, useTimeZone } from '../../ui/format.js';

/** A Sunday: the weekday names are Intl's, in the language on screen. */
const SUNDAY = Date.UTC(2024, 0, 7);

export function weekdayName(locale: string, day: Weekday, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(SUNDAY + weekdays.indexOf(day) * 86_400_000);
}

/** Days in calendar order from Monday, as the desk reads a week. */
export const weekFromMonday: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "Mon–Fri", "Mon–Sun", "Sat, Sun": runs of consecutive days joined. */
export function daysLabel(locale: string, days: readonly Weekday[]): string {
  const chosen = weekFromMonday.map((day) => days.includes(day));
  const runs: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (!chosen[i]) continue;
    let j = i;
    while (j + 1 < 7 && chosen[j + 1]) j++;
    const [from, to] = [weekdayName(locale, weekFromMonday[i]!), weekdayName(locale, weekFromMonday[j]!)];
    runs.push(j - i >= 2 ? `${from}–${to}` : j === i ? from : `${from}, ${to}`);
    i = j;
  }
  return runs.join(', ');
}

export function namesOf(agents: readonly Agent[]): (id: string) => string {
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  return (id) => names.get(id) ?? id;
}

/** The agent's time zone (ui/format.ts's, which Settings may change): where every time on these screens is shown and typed. */
export const useAgentTimeZone = useTimeZone;

const rotaTime: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };

/** "Tue 24 Nov, 08:00" in the agent's language and zone: shifts are read by day and hour. */
export function useRotaTimeFormat(): (iso: string) => string {
  return useDateTimeFormat(rotaTime);
}

/** A datetime-local field's value ("2026-11-24T08:00"), read as wall time in the zone, as an instant. */
export function instantFromLocalInput(value: string, timeZone: string): string {
  return new Date(instantOfLocal(timeZone, Date.parse(`${value}:00Z`))).toISOString();
}

/** The other way: an instant as a datetime-local value in the zone. */
export function localInputFromInstant(ms: number, timeZone: string): string {
  return new Date(ms + offsetAt(timeZone, ms)).toISOString().slice(0, 16);
}
