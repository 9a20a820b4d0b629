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

/** Far enough ahead for a weekly on-call turn and a fortnight's holiday; beyond it, nothing is known. */
const LOOKAHEAD_DAYS = 28;

function holdsPager(schedule: Schedule, userId: string, at: number): boolean {
  return schedule.facts.onCallRotations.some((rotation) => schedule.onCall(rotation.id, at)?.userId === userId);
}

/**
 * The next instant after `at` at which this person goes on or off shift, or takes or hands over a
 * pager (after overrides and swaps): when their quiet hours may begin or end. Colleagues' hand-overs,
 * and one turn running straight into the next, are no change for them. Null when nothing changes for
 * them in four weeks.
 */
export function nextDutyChange(schedule: Schedule, userId: string, at: number): number | null {
  const state = (instant: number) => `${schedule.isOnShift(userId, instant)} ${holdsPager(schedule, userId, instant)}`;
  for (let from = at; from < at + LOOKAHEAD_DAYS * DAY_MS; from += DAY_MS) {
    const to = from + DAY_MS;
    const stints = [...schedule.shiftStints(from, to), ...schedule.onCallStints(from, to)].filter((stint) => stint.userId === userId);
    const edges = [...new Set(stints.flatMap((stint) => [stint.start, stint.end]))].filter((instant) => instant > at && instant < to).sort((a, b) => a - b);
    const change = edges.find((edge) => state(edge - 1) !== state(edge));
    if (change !== undefined) return change;
  }
  return null;
}

export interface DutyAt {
  duty: Duty;
  /** When any of it next changes by the clock (their shift or pager turn starts or ends, the window's edge). */
  nextChangeAt: number | null;
}

/**
 * Where an agent stands at an instant: on shift by the rota (or in no rotation at all), holding an
 * on-call pager, away by their own status, inside their own quiet window.
 */
export function dutyAt(schedule: Schedule, agent: { id: string; timeZone: string }, status: AgentStatus | null, settings: AlertSettings, at: number): DutyAt {
  const onCall = holdsPager(schedule, agent.id, at);
  const window = settings.quietWindow;
  // A profile with a zone this runtime does not know still gets a window, in UTC, rather than none.
  const timeZone = isValidTimeZone(agent.timeZone) ? agent.timeZone : 'UTC';
  const handover = nextDutyChange(schedule, agent.id, at);
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
