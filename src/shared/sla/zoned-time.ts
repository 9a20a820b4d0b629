/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl: the SLA engine runs in the server,
 * the desktop core and the renderer alike, and must not pull a time-zone database of its own.
 */

export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms (Warsaw in summer: +7_200_000). */
export function offsetAt(timeZone: string, instantMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  // formatToParts drops milliseconds, so compare against the instant rounded down to the second.
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a local wall time names, disambiguated as Temporal's "compatible" mode does: in an
 * autumn overlap (02:30 happens twice) the earlier instant; in a spring gap (02:30 never happens) the
 * wall time moved forward by the gap, so 02:30 in Warsaw on the last Sunday of March is 03:30.
 * `localMs` is the wall time written as if it were UTC.
 */
export function instantOfLocal(timeZone: string, localMs: number): number {
  // Zones change their offset at most once within a couple of days, so the offsets a day either
  // side are the only candidates.
  const before = offsetAt(timeZone, localMs - DAY_MS);
  const after = offsetAt(timeZone, localMs + DAY_MS);
  const withBefore = localMs - before;
  const withAfter = localMs - after;
  const beforeFits = offsetAt(timeZone, withBefore) === before;
  const afterFits = offsetAt(timeZone, withAfter) === after;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (beforeFits) return withBefore;
  if (afterFits) return withAfter;
  return withBefore;
}

/** Local calendar day number (days since 1970-01-01 in the zone) of an instant. */
export function localDayOf(timeZone: string, instantMs: number): number {
  return Math.floor((instantMs + offsetAt(timeZone, instantMs)) / DAY_MS);
}
