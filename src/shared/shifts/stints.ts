import type { ShiftOverride, ShiftSwap } from '../domain/shifts.js';
import type { Duty } from './duties.js';

/**
 * A stretch one person actually works (or holds the pager), after overrides: what "on shift until
 * 16:00" and "shortly before your shift ends" mean.
 */
export interface Stint {
  userId: string;
  rotationId: string;
  /** Null for an on-call turn. */
  shiftId: string | null;
  start: number;
  end: number;
}

/**
 * A swap is stored as itself (history says "swap"), and the schedule reads it as two overrides: each
 * person stands in for the other during the window the other gives away.
 */
export function swapOverrides(swap: ShiftSwap): ShiftOverride[] {
  const common = { rotationId: swap.rotationId, reason: swap.reason, swapId: swap.id, createdBy: swap.createdBy, createdAt: swap.createdAt };
  return [
    { ...common, id: `${swap.id}:first`, replacedUserId: swap.first.userId, replacementUserId: swap.second.userId, start: swap.first.start, end: swap.first.end },
    { ...common, id: `${swap.id}:second`, replacedUserId: swap.second.userId, replacementUserId: swap.first.userId, start: swap.second.start, end: swap.second.end },
  ];
}

/** Overrides apply in the order they were made, so a later one can re-cover an earlier replacement. */
export function byCreation(a: ShiftOverride, b: ShiftOverride): number {
  return a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1;
}

/** A pre-parsed override, so instants are compared as numbers. */
export interface TimedOverride {
  override: ShiftOverride;
  start: number;
  end: number;
}

export function timed(overrides: readonly ShiftOverride[]): TimedOverride[] {
  return [...overrides].sort(byCreation).map((override) => ({ override, start: Date.parse(override.start), end: Date.parse(override.end) }));
}

function appliesTo(entry: TimedOverride, duty: Duty): boolean {
  const { rotationId, shiftId } = entry.override;
  return rotationId === duty.rotationId && (shiftId === undefined || shiftId === duty.shiftId) && entry.start < duty.end && entry.end > duty.start;
}

/** Who works the duty at an instant: the rota's members with every override active then applied in turn. */
function staffAt(duty: Duty, overrides: readonly TimedOverride[], at: number): string[] {
  let staff = [...duty.memberIds];
  for (const { override, start, end } of overrides) {
    if (at < start || at >= end || !staff.includes(override.replacedUserId)) continue;
    staff = staff.filter((id) => id !== override.replacedUserId);
    if (!staff.includes(override.replacementUserId)) staff.push(override.replacementUserId);
  }
  return staff;
}

/**
 * The stints of one duty: the duty is cut wherever an override begins or ends inside it, each piece
 * staffed on its own, and a person's consecutive pieces joined again. Someone covering two hours of
 * a shift so gets a two-hour stint, and the person they cover two stints around it.
 */
export function dutyStints(duty: Duty, overrides: readonly TimedOverride[]): Stint[] {
  const relevant = overrides.filter((entry) => appliesTo(entry, duty));
  const cuts = new Set<number>([duty.start, duty.end]);
  for (const { start, end } of relevant) {
    if (start > duty.start && start < duty.end) cuts.add(start);
    if (end > duty.start && end < duty.end) cuts.add(end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const stints: Stint[] = [];
  const open = new Map<string, Stint>();
  for (let i = 0; i < bounds.length - 1; i++) {
    const [from, to] = [bounds[i]!, bounds[i + 1]!];
    const staff = staffAt(duty, relevant, from);
    for (const userId of open.keys()) {
      if (!staff.includes(userId)) open.delete(userId);
    }
    for (const userId of staff) {
      const stint = open.get(userId);
      if (stint) stint.end = to;
      else {
        const fresh: Stint = { userId, rotationId: duty.rotationId, shiftId: duty.shiftId, start: from, end: to };
        open.set(userId, fresh);
        stints.push(fresh);
      }
    }
  }
  return stints;
}
