import { dayOfLocalDate, minutesOfDay, weekdays, type CalendarSpec, type Interval } from './calendar-spec.js';
import { DAY_MS, instantOfLocal, localDayOf } from './zoned-time.js';

const MINUTE_MS = 60_000;
/** A target that would need more than this many years of open time is a broken calendar, not a wait. */
const MAX_BLOCKS_SCANNED = 60;

/**
 * One UTC year of open time: merged, sorted intervals as instants, with the open time that came
 * before each, so any question about the year is a binary search rather than a walk.
 */
interface Block {
  start: number;
  end: number;
  starts: Float64Array;
  ends: Float64Array;
  openBefore: Float64Array;
  /** The local day whose hours each interval came from (for explanations). */
  days: Int32Array;
  total: number;
}

export interface OpenInterval {
  start: number;
  end: number;
  /** The local day (days since 1970-01-01 in the calendar's zone) whose hours this interval belongs to. */
  day: number;
}

/**
 * A calendar compiled for arithmetic in business time. 24/7 is plain addition; business hours are
 * precomputed per UTC year (lazily, on first use) with every DST shift and holiday already applied,
 * so the minutes counted are the ones that really elapse.
 */
export class BusinessCalendar {
  readonly alwaysOpen: boolean;
  private readonly blocks = new Map<number, Block>();
  private readonly holidayHours = new Map<number, readonly Interval[]>();
  private lastBlock: Block | null = null;

  constructor(readonly spec: CalendarSpec) {
    this.alwaysOpen = spec.hours === '24/7';
    for (const holiday of spec.holidays) {
      if (typeof holiday === 'string') this.holidayHours.set(dayOfLocalDate(holiday), []);
      else this.holidayHours.set(dayOfLocalDate(holiday.date), holiday.hours);
    }
  }

  get timeZone(): string {
    return this.spec.timeZone;
  }

  /** The instant `ms` of open time after `startMs`. Zero from a closed moment is that moment. */
  addOpenMs(startMs: number, ms: number): number {
    if (this.alwaysOpen || ms <= 0) return startMs + Math.max(0, ms);
    let block = this.blockAt(startMs);
    let target = this.openBeforeIn(block, startMs) + ms;
    for (let scanned = 0; scanned < MAX_BLOCKS_SCANNED; scanned++) {
      if (target <= block.total && block.starts.length > 0) return instantAt(block, target);
      target -= block.total;
      block = this.blockFor(block.end);
    }
    throw new Error(`calendar has no open time for ${MAX_BLOCKS_SCANNED} years after ${new Date(startMs).toISOString()}`);
  }

  /** Open time between two instants (negative when `toMs` is earlier). */
  openMsBetween(fromMs: number, toMs: number): number {
    if (toMs < fromMs) return -this.openMsBetween(toMs, fromMs);
    if (this.alwaysOpen) return toMs - fromMs;
    const first = this.blockAt(fromMs);
    if (toMs < first.end) return this.openBeforeIn(first, toMs) - this.openBeforeIn(first, fromMs);
    let total = first.total - this.openBeforeIn(first, fromMs);
    let block = this.blockFor(first.end);
    while (toMs >= block.end) {
      total += block.total;
      block = this.blockFor(block.end);
    }
    return total + this.openBeforeIn(block, toMs);
  }

  addBusinessMinutes(startMs: number, minutes: number): number {
    return this.addOpenMs(startMs, minutes * MINUTE_MS);
  }

  businessMinutesBetween(fromMs: number, toMs: number): number {
    return this.openMsBetween(fromMs, toMs) / MINUTE_MS;
  }

  isOpen(instantMs: number): boolean {
    if (this.alwaysOpen) return true;
    const block = this.blockAt(instantMs);
    const index = lastStartAtOrBefore(block.starts, instantMs);
    return index >= 0 && instantMs < block.ends[index]!;
  }

  /** The open intervals overlapping [fromMs, toMs), clipped to it: what an explanation lists. */
  openIntervals(fromMs: number, toMs: number): OpenInterval[] {
    if (this.alwaysOpen) return fromMs < toMs ? [{ start: fromMs, end: toMs, day: localDayOf(this.timeZone, fromMs) }] : [];
    const result: OpenInterval[] = [];
    for (let block = this.blockAt(fromMs); block.start < toMs; block = this.blockFor(block.end)) {
      for (let i = Math.max(0, lastStartAtOrBefore(block.starts, fromMs)); i < block.starts.length; i++) {
        const start = Math.max(block.starts[i]!, fromMs);
        const end = Math.min(block.ends[i]!, toMs);
        if (block.starts[i]! >= toMs) break;
        if (end > start) result.push({ start, end, day: block.days[i]! });
      }
    }
    return result;
  }

  /** The hours that apply to a local day: a holiday's own hours (or none), else the weekday's. */
  hoursOfDay(day: number): readonly Interval[] {
    if (this.spec.hours === '24/7') return [['00:00', '24:00']];
    const holiday = this.holidayHours.get(day);
    if (holiday) return holiday;
    return this.spec.hours[weekdays[(((day + 4) % 7) + 7) % 7]!];
  }

  isHoliday(day: number): boolean {
    return this.holidayHours.has(day);
  }

  private blockAt(instantMs: number): Block {
    const last = this.lastBlock;
    if (last && instantMs >= last.start && instantMs < last.end) return last;
    return this.blockFor(instantMs);
  }

  private blockFor(instantMs: number): Block {
    const year = new Date(instantMs).getUTCFullYear();
    let block = this.blocks.get(year);
    if (!block) {
      block = this.buildBlock(year);
      this.blocks.set(year, block);
    }
    this.lastBlock = block;
    return block;
  }

  private openBeforeIn(block: Block, instantMs: number): number {
    const index = lastStartAtOrBefore(block.starts, instantMs);
    if (index < 0) return 0;
    return block.openBefore[index]! + Math.min(instantMs, block.ends[index]!) - block.starts[index]!;
  }

  private buildBlock(year: number): Block {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const zone = this.timeZone;
    // Local days reaching a little past both edges: a zone far from UTC, or a shift crossing midnight,
    // puts part of a neighbouring day's hours inside this UTC year.
    const firstDay = Math.floor(start / DAY_MS) - 2;
    const lastDay = Math.floor(end / DAY_MS) + 1;
    const raw: OpenInterval[] = [];
    for (let day = firstDay; day <= lastDay; day++) {
      for (const [from, to] of this.hoursOfDay(day)) {
        const fromMinutes = minutesOfDay(from);
        let toMinutes = minutesOfDay(to);
        if (toMinutes <= fromMinutes) toMinutes += 24 * 60;
        const openAt = instantOfLocal(zone, day * DAY_MS + fromMinutes * MINUTE_MS);
        const closeAt = instantOfLocal(zone, day * DAY_MS + toMinutes * MINUTE_MS);
        const clippedStart = Math.max(openAt, start);
        const clippedEnd = Math.min(closeAt, end);
        if (clippedEnd > clippedStart) raw.push({ start: clippedStart, end: clippedEnd, day });
      }
    }
    const merged = mergeOverlapping(raw.sort((a, b) => a.start - b.start));
    const starts = new Float64Array(merged.length);
    const ends = new Float64Array(merged.length);
    const openBefore = new Float64Array(merged.length);
    const days = new Int32Array(merged.length);
    let total = 0;
    merged.forEach((interval, i) => {
      starts[i] = interval.start;
      ends[i] = interval.end;
      openBefore[i] = total;
      days[i] = interval.day;
      total += interval.end - interval.start;
    });
    return { start, end, starts, ends, openBefore, days, total };
  }
}

/**
 * Overlapping intervals (a night shift running into the next day's early hours) become one, named
 * after the earlier day. Touching ones stay apart so each day keeps its own name in explanations;
 * the arithmetic does not care.
 */
function mergeOverlapping(sorted: OpenInterval[]): OpenInterval[] {
  const merged: OpenInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start < last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

function lastStartAtOrBefore(starts: Float64Array, instantMs: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! <= instantMs) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The instant at which the block's open time reaches `target` (0 < target <= total). */
function instantAt(block: Block, target: number): number {
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (block.openBefore[middle]! + block.ends[middle]! - block.starts[middle]! >= target) high = middle;
    else low = middle + 1;
  }
  return block.starts[low]! + (target - block.openBefore[low]!);
}
