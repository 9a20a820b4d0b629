import type { Transaction } from 'kysely';
import type { SupportTier } from '../../shared/domain/people.js';
import type { OnCallBoard } from '../../shared/domain/shifts.js';
import { onCallBoard } from '../../shared/shifts/board.js';
import { Schedule, type RotaFacts } from '../../shared/shifts/schedule.js';
import type { Stint } from '../../shared/shifts/stints.js';
import { DAY_MS } from '../../shared/sla/zoned-time.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { onCallRotationFromRow, overrideFromRow, shiftRotationFromRow, swapFromRow } from './rows.js';

type Reader = ServerDb | Transaction<Database>;

/** A stint as the rest of the server speaks of time. */
export interface ShiftStint {
  userId: string;
  rotationId: string;
  shiftId: string;
  start: Date;
  end: Date;
}

/**
 * An override that ended this long before the instant asked about can no longer change the answer:
 * it would have to overlap a duty still running, and the longest duty is a 28-day on-call turn.
 */
const OVERRIDE_REACH_MS = 29 * DAY_MS;

function shiftStint(stint: Stint): ShiftStint {
  // Only on-call turns lack a shift id, and these are shift stints.
  return { userId: stint.userId, rotationId: stint.rotationId, shiftId: stint.shiftId as string, start: new Date(stint.start), end: new Date(stint.end) };
}

/**
 * The rota as routing, escalation and handoff ask about it. Every method reads through the database or
 * transaction it is handed, so a caller deciding inside a transaction sees the rota as that
 * transaction does; the answers come from the pure Schedule the console computes too.
 */
export class ShiftDirectory {
  /** The stored rota, with the overrides and swaps that can still matter at or after `since`. */
  async facts(db: Reader, since: Date): Promise<RotaFacts> {
    const reach = new Date(since.getTime() - OVERRIDE_REACH_MS).toISOString();
    const [rotations, onCallRotations, overrides, swaps] = await Promise.all([
      db.selectFrom('shift_rotations').selectAll().orderBy('id').execute(),
      db.selectFrom('on_call_rotations').selectAll().orderBy('id').execute(),
      db.selectFrom('shift_overrides').selectAll().where('ends_at', '>', reach).execute(),
      db.selectFrom('shift_swaps').selectAll().where('ends_at', '>', reach).execute(),
    ]);
    return {
      rotations: rotations.map(shiftRotationFromRow),
      onCallRotations: onCallRotations.map(onCallRotationFromRow),
      overrides: overrides.map(overrideFromRow),
      swaps: swaps.map(swapFromRow),
    };
  }

  async schedule(db: Reader, since: Date): Promise<Schedule> {
    return new Schedule(await this.facts(db, since));
  }

  /** Users working a shift now, and every user who belongs to no shift rotation (a desk without rotas still works). */
  async onShiftAgentIds(db: Reader, at: Date): Promise<Set<string>> {
    const schedule = await this.schedule(db, at);
    const users = await db.selectFrom('users').select('id').execute();
    const working = new Set(schedule.onShift(at.getTime()).map((stint) => stint.userId));
    return new Set(users.map((u) => u.id).filter((id) => !schedule.rosteredUserIds.has(id) || working.has(id)));
  }

  /** Who holds the pager of an on-call rotation; null for an unknown rotation or before it starts. */
  async onCall(db: Reader, rotationId: string, at: Date): Promise<string | null> {
    return (await this.schedule(db, at)).onCall(rotationId, at.getTime())?.userId ?? null;
  }

  async onCallForTier(db: Reader, tier: 1 | 2 | 3, at: Date): Promise<string | null> {
    return (await this.schedule(db, at)).onCallForTier(tier as SupportTier, at.getTime())?.userId ?? null;
  }

  /** `at` itself while someone covering the queue is on shift; null when no rotation covers the queue. */
  async nextShiftStart(db: Reader, queueId: string, at: Date): Promise<Date | null> {
    const start = (await this.schedule(db, at)).nextShiftStart(queueId, at.getTime());
    return start === null ? null : new Date(start);
  }

  /** The shift the user works at `at`; null when off shift or in no rotation. */
  async shiftOf(db: Reader, userId: string, at: Date): Promise<{ rotationId: string; shiftId: string; start: Date; end: Date } | null> {
    const stint = (await this.schedule(db, at)).shiftOf(userId, at.getTime());
    if (!stint) return null;
    const { rotationId, shiftId, start, end } = shiftStint(stint);
    return { rotationId, shiftId, start, end };
  }

  /** Shift stints ending in (from, to], earliest first: who is about to hand over. */
  async shiftEnds(db: Reader, from: Date, to: Date): Promise<ShiftStint[]> {
    return (await this.schedule(db, from)).shiftEnds(from.getTime(), to.getTime()).map(shiftStint);
  }

  /** Per tier: who is on shift and on call at `at`, and when that next changes. */
  async board(db: Reader, at: Date): Promise<OnCallBoard> {
    const schedule = await this.schedule(db, at);
    const users = await db.selectFrom('users').select(['id', 'name']).execute();
    return onCallBoard(schedule, at.getTime(), new Map(users.map((u) => [u.id, u.name])));
  }
}
