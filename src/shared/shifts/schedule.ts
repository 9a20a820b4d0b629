import type { OnCallRotation, ShiftOverride, ShiftRotation, ShiftSwap } from '../domain/shifts.js';
import type { SupportTier } from '../domain/people.js';
import { DAY_MS } from '../sla/zoned-time.js';
import { onCallTurns, shiftOccurrences, type Duty } from './duties.js';
import { dutyStints, swapOverrides, timed, type Stint, type TimedOverride } from './stints.js';

/** Everything the rota says, as stored: rotations, on-call rotations, overrides and swaps. */
export interface RotaFacts {
  rotations: readonly ShiftRotation[];
  onCallRotations: readonly OnCallRotation[];
  overrides: readonly ShiftOverride[];
  swaps: readonly ShiftSwap[];
}

/** How far ahead "the next shift" is looked for; a queue unstaffed for four weeks has no next shift. */
const LOOKAHEAD_DAYS = 28;

/**
 * The rota compiled for questions about instants. Pure: the same answers on the server, in the
 * desktop core offline and in the console, given the same facts and the same instant.
 */
export class Schedule {
  private readonly overrides: TimedOverride[];
  /** Users who belong to some shift rotation; everyone else is never off shift. */
  readonly rosteredUserIds: ReadonlySet<string>;

  constructor(readonly facts: RotaFacts) {
    this.overrides = timed([...facts.overrides, ...facts.swaps.flatMap(swapOverrides)]);
    this.rosteredUserIds = new Set(facts.rotations.flatMap((rotation) => rotation.shifts.flatMap((shift) => shift.memberIds)));
  }

  /** The overrides in force, swaps expanded, in the order they apply. */
  get effectiveOverrides(): ShiftOverride[] {
    return this.overrides.map((entry) => entry.override);
  }

  /** Shift stints (not on-call turns) of the given rotations that overlap [fromMs, toMs). */
  shiftStints(fromMs: number, toMs: number, rotations: readonly ShiftRotation[] = this.facts.rotations): Stint[] {
    return this.stintsOf(rotations.flatMap((rotation) => shiftOccurrences(rotation, fromMs, toMs))).filter((s) => s.start < toMs && s.end > fromMs);
  }

  /**
   * On-call stints of the given rotations that overlap [fromMs, toMs). A person whose turn is followed
   * by their own next one (a rotation of one, or an override that hands them the next turn early)
   * holds the pager throughout: their turns are one stint, within four weeks either side of the window.
   */
  onCallStints(fromMs: number, toMs: number, rotations: readonly OnCallRotation[] = this.facts.onCallRotations): Stint[] {
    const reach = LOOKAHEAD_DAYS * DAY_MS;
    const turns = rotations.flatMap((rotation) => onCallTurns(rotation, fromMs - reach, toMs + reach));
    return joinTouching(this.stintsOf(turns)).filter((s) => s.start < toMs && s.end > fromMs);
  }

  /** Everyone working a shift at the instant, with the stint they are in. */
  onShift(at: number): Stint[] {
    return this.shiftStints(at, at + 1);
  }

  /** The shift a person works at the instant; null when off shift (or in no rotation). */
  shiftOf(userId: string, at: number): Stint | null {
    return this.onShift(at).find((stint) => stint.userId === userId) ?? null;
  }

  /** Whether someone counts as on shift: working one now, or belonging to no shift rotation at all. */
  isOnShift(userId: string, at: number): boolean {
    return !this.rosteredUserIds.has(userId) || this.shiftOf(userId, at) !== null;
  }

  /** Who holds the pager of an on-call rotation at the instant; null for an unknown or not yet started rotation. */
  onCall(rotationId: string, at: number): Stint | null {
    const rotation = this.facts.onCallRotations.find((r) => r.id === rotationId);
    return rotation ? (this.onCallStints(at, at + 1, [rotation])[0] ?? null) : null;
  }

  /** The on-call stint for a tier: the first of its rotations (by id) that has someone on call. */
  onCallForTier(tier: SupportTier, at: number): Stint | null {
    const rotations = this.facts.onCallRotations.filter((r) => r.tier === tier).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const rotation of rotations) {
      const stint = this.onCall(rotation.id, at);
      if (stint) return stint;
    }
    return null;
  }

  /**
   * When the queue is next staffed: `at` itself when someone covering it is on shift, else the start
   * of the next stint of a rotation covering it. Null when no rotation covers the queue (it keeps no
   * hours of its own) or none is staffed in the next four weeks.
   */
  nextShiftStart(queueId: string, at: number): number | null {
    const rotations = this.facts.rotations.filter((rotation) => rotation.queueIds.includes(queueId));
    return rotations.length === 0 ? null : this.nextStaffedAt(rotations, at);
  }

  /** `nextShiftStart` for the rotations of a tier. */
  nextShiftStartForTier(tier: SupportTier, at: number): number | null {
    const rotations = this.facts.rotations.filter((rotation) => rotation.tier === tier);
    return rotations.length === 0 ? null : this.nextStaffedAt(rotations, at);
  }

  /** Shift stints that end in (fromMs, toMs]: who is about to hand over, for handoff drafts. */
  shiftEnds(fromMs: number, toMs: number): Stint[] {
    return this.shiftStints(fromMs, toMs + 1)
      .filter((stint) => stint.end > fromMs && stint.end <= toMs)
      .sort((a, b) => a.end - b.end);
  }

  /**
   * The next instant after `at` at which anyone of the rotations starts or stops working or holding
   * the pager: the next hand-over. Null when nothing changes in the next four weeks.
   */
  nextHandover(at: number, rotations: { shift: readonly ShiftRotation[]; onCall: readonly OnCallRotation[] }): number | null {
    for (let from = at; from < at + LOOKAHEAD_DAYS * DAY_MS; from += DAY_MS) {
      const stints = [...this.shiftStints(from, from + DAY_MS, rotations.shift), ...this.onCallStints(from, from + DAY_MS, rotations.onCall)];
      const changes = stints.flatMap((stint) => [stint.start, stint.end]).filter((instant) => instant > at && instant < from + DAY_MS);
      if (changes.length > 0) return Math.min(...changes);
    }
    return null;
  }

  private nextStaffedAt(rotations: readonly ShiftRotation[], at: number): number | null {
    for (let from = at; from < at + LOOKAHEAD_DAYS * DAY_MS; from += DAY_MS) {
      const starts = this.shiftStints(from, from + DAY_MS, rotations).map((stint) => Math.max(stint.start, at));
      if (starts.length > 0) return Math.min(...starts);
    }
    return null;
  }

  private stintsOf(duties: readonly Duty[]): Stint[] {
    return duties.flatMap((duty) => dutyStints(duty, this.overrides));
  }
}

/** One person's stints in one rotation that meet end to start become one. */
function joinTouching(stints: readonly Stint[]): Stint[] {
  const joined: Stint[] = [];
  const last = new Map<string, Stint>();
  for (const stint of [...stints].sort((a, b) => a.start - b.start)) {
    const key = `${stint.rotationId}\u0000${stint.userId}`;
    const previous = last.get(key);
    if (previous && previous.end === stint.start) previous.end = stint.end;
    else {
      const copy = { ...stint };
      joined.push(copy);
      last.set(key, copy);
    }
  }
  return joined;
}
