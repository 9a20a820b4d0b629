import type { OnCallBoard, RotaStint } from '../domain/shifts.js';
import type { SupportTier } from '../domain/people.js';
import type { Schedule } from './schedule.js';
import type { Stint } from './stints.js';

const tiers: readonly SupportTier[] = [1, 2, 3];
const iso = (ms: number) => new Date(ms).toISOString();

export function rotaStint(stint: Stint, names: ReadonlyMap<string, string>): RotaStint {
  return { userId: stint.userId, name: names.get(stint.userId) ?? stint.userId, rotationId: stint.rotationId, shiftId: stint.shiftId, start: iso(stint.start), end: iso(stint.end) };
}

/** "On call now": per tier, who works a shift, who holds each pager, and when that next changes. */
export function onCallBoard(schedule: Schedule, at: number, names: ReadonlyMap<string, string>): OnCallBoard {
  const { rotations, onCallRotations } = schedule.facts;
  return {
    at: iso(at),
    tiers: tiers.map((tier) => {
      const shift = rotations.filter((r) => r.tier === tier);
      const onCall = onCallRotations.filter((r) => r.tier === tier);
      const nextShiftStart = schedule.nextShiftStartForTier(tier, at);
      const nextHandover = schedule.nextHandover(at, { shift, onCall });
      return {
        tier,
        onShift: schedule.shiftStints(at, at + 1, shift).map((s) => rotaStint(s, names)),
        onCall: schedule.onCallStints(at, at + 1, onCall).map((s) => rotaStint(s, names)),
        nextShiftStart: nextShiftStart === null ? null : iso(nextShiftStart),
        nextHandover: nextHandover === null ? null : iso(nextHandover),
      };
    }),
  };
}
