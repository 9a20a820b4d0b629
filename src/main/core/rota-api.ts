import { z } from 'zod';
import type { DeskApi } from '../../shared/desk-api/contract.js';
import type { MyShift, rotaMethods } from '../../shared/desk-api/rota-methods.js';
import { OnCallRotationSchema, ShiftOverrideSchema, ShiftRotationSchema, ShiftSwapSchema } from '../../shared/domain/shifts.js';
import { onCallBoard, rotaStint } from '../../shared/shifts/board.js';
import type { Schedule } from '../../shared/shifts/schedule.js';
import type { Stint } from '../../shared/shifts/stints.js';
import { DAY_MS } from '../../shared/sla/zoned-time.js';
import { requestJson } from './sync/server-api.js';
import type { ServerSession } from './channels/channel-api.js';

type RotaMethod = keyof typeof rotaMethods;

/** How far ahead "your next shift" and "your next turn on call" are looked for. */
const NEXT_SHIFT_DAYS = 14;
const NEXT_ON_CALL_DAYS = 60;

export interface RotaApiDeps {
  /** The rota as the replica holds it. */
  schedule(): Schedule;
  /** Names of the desk's people, from the replica. */
  names(): ReadonlyMap<string, string>;
  userId(): string;
  now(): number;
  /** The signed-in session, for the admin writes; throws when nobody is signed in. */
  session(): ServerSession;
}

/**
 * The console's rota: who is on shift and on call, and the agent's own shifts, worked out from the
 * replicated rota with the same Schedule the server uses, so they are right offline. Admins' changes
 * go to the server's REST routes and come back to every console through sync.
 */
export function rotaApi(deps: RotaApiDeps): Pick<DeskApi, RotaMethod> {
  const json = <T extends z.ZodType>(path: string, reply: T, init: { method?: 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {}) => requestJson({ ...deps.session(), path, ...init, reply });
  const rotationPath = (kind: 'shift-rotations' | 'on-call-rotations', mode: 'create' | 'replace', id: string) =>
    mode === 'create' ? `/api/v1/${kind}` : `/api/v1/${kind}/${encodeURIComponent(id)}`;

  function myShift(schedule: Schedule, stint: Stint, names: ReadonlyMap<string, string>): MyShift {
    const rotation = schedule.facts.rotations.find((r) => r.id === stint.rotationId);
    const shift = rotation?.shifts.find((s) => s.id === stint.shiftId);
    return { ...rotaStint(stint, names), shiftName: shift?.name ?? String(stint.shiftId), rotationName: rotation?.name ?? stint.rotationId, timeZone: shift?.timeZone ?? 'UTC' };
  }

  const firstStarting = (stints: readonly Stint[], userId: string, after: number) =>
    stints.filter((s) => s.userId === userId && s.start > after).sort((a, b) => a.start - b.start)[0] ?? null;

  return {
    'rota.get': async () => {
      const { facts } = deps.schedule();
      const now = deps.now();
      const inForce = (entry: { end: string }) => Date.parse(entry.end) > now;
      const swapInForce = (swap: (typeof facts.swaps)[number]) => inForce(swap.first) || inForce(swap.second);
      return { rotations: [...facts.rotations], onCallRotations: [...facts.onCallRotations], overrides: facts.overrides.filter(inForce), swaps: facts.swaps.filter(swapInForce) };
    },
    'rota.onCallNow': async () => onCallBoard(deps.schedule(), deps.now(), deps.names()),
    'rota.mine': async () => {
      const schedule = deps.schedule();
      const [userId, now, names] = [deps.userId(), deps.now(), deps.names()];
      const current = schedule.shiftOf(userId, now);
      const next = firstStarting(schedule.shiftStints(now, now + NEXT_SHIFT_DAYS * DAY_MS), userId, now);
      const onCall = schedule.onCallStints(now, now + 1).find((s) => s.userId === userId) ?? null;
      const nextOnCall = firstStarting(schedule.onCallStints(now, now + NEXT_ON_CALL_DAYS * DAY_MS), userId, now);
      return {
        rostered: schedule.rosteredUserIds.has(userId),
        current: current && myShift(schedule, current, names),
        next: next && myShift(schedule, next, names),
        onCall: onCall && rotaStint(onCall, names),
        nextOnCall: nextOnCall && rotaStint(nextOnCall, names),
      };
    },
    'admin.rota.saveShiftRotation': ({ rotation: { id, ...body }, mode }) =>
      json(rotationPath('shift-rotations', mode, id), ShiftRotationSchema, { method: mode === 'create' ? 'POST' : 'PUT', body: mode === 'create' ? { id, ...body } : body }),
    'admin.rota.removeShiftRotation': ({ id }) => json(`/api/v1/shift-rotations/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
    'admin.rota.saveOnCallRotation': ({ rotation: { id, ...body }, mode }) =>
      json(rotationPath('on-call-rotations', mode, id), OnCallRotationSchema, { method: mode === 'create' ? 'POST' : 'PUT', body: mode === 'create' ? { id, ...body } : body }),
    'admin.rota.removeOnCallRotation': ({ id }) => json(`/api/v1/on-call-rotations/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
    'admin.rota.addOverride': (body) => json('/api/v1/shift-overrides', ShiftOverrideSchema, { body }),
    'admin.rota.removeOverride': ({ id }) => json(`/api/v1/shift-overrides/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
    'admin.rota.addSwap': (body) => json('/api/v1/shift-swaps', ShiftSwapSchema, { body }),
    'admin.rota.removeSwap': ({ id }) => json(`/api/v1/shift-swaps/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
  };
}
