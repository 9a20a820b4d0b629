import type { AgentStatus } from '../domain/people.js';
import type { Schedule } from '../shifts/schedule.js';
import { DAY_MS, instantOfLocal, isValidTimeZone, offsetAt } from '../sla/zoned-time.js';
import type { AlertSettings, Duty } from './alert.js';

const MINUTE_MS = 60_000;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** Whether the instant falls in the daily window (which may run past midnight) in the zone. */
export function inDailyWindow(window: { from: string; to: string }, timeZone: string, at: number): boolean {
  const minute = Math.floor((((at + offsetAt(timeZone, at)) % DAY_MS) + DAY_MS) % DAY_MS / MINUTE_MS);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The next instant after `at` at which the window opens or closes, DST-correct. */
export function nextWindowEdge(window: { from: string; to: string }, timeZone: string, at: number): number {
  const localDay = Math.floor((at + offsetAt(timeZone, at)) / DAY_MS);
  const edges = [localDay, localDay + 1, localDay + 2].flatMap((day) =>
    [window.from, window.to].map((time) => instantOfLocal(timeZone, day * DAY_MS + minutesOf(time) * MINUTE_MS)),
  );
  return Math.min(...edges.filter((edge) => edge > at));
}

export interface DutyAt {
  duty: Duty;
  /** When any of it may next change by the clock (a shift or pager hand-over, the window's edge). */
  nextChangeAt: number | null;
}

/**
 * Where an agent stands at an instant: on shift by the rota (or in no rotation at all), holding an
 * on-call pager, away by their own status, inside their own quiet window.
 */
export function dutyAt(schedule: Schedule, agent: { id: string; timeZone: string }, status: AgentStatus | null, settings: AlertSettings, at: number): DutyAt {
  const { rotations, onCallRotations } = schedule.facts;
  const onCall = onCallRotations.some((rotation) => schedule.onCall(rotation.id, at)?.userId === agent.id);
  const window = settings.quietWindow;
  // A profile with a zone this runtime does not know still gets a window, in UTC, rather than none.
  const timeZone = isValidTimeZone(agent.timeZone) ? agent.timeZone : 'UTC';
  const handover = schedule.nextHandover(at, { shift: rotations, onCall: onCallRotations });
  const edge = window ? nextWindowEdge(window, timeZone, at) : null;
  const candidates = [handover, edge].filter((instant): instant is number => instant !== null);
  return {
    duty: {
      onShift: schedule.isOnShift(agent.id, at),
      onCall,
      away: status === 'away',
      inQuietWindow: window !== null && inDailyWindow(window, timeZone, at),
    },
    nextChangeAt: candidates.length > 0 ? Math.min(...candidates) : null,
  };
}
