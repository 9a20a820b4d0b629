import type { Server as SocketServer } from 'socket.io';
import { seesAllQueues, type User } from '../../shared/domain/people.js';
import { WallboardWatchSchema, wallboardSocketEvents, type WallboardSnapshot } from '../../shared/wallboard/snapshot.js';
import type { ServerContext } from '../context.js';
import { realTimers, type Timers } from '../scheduling/deadline-loop.js';
import { answer, SocketRefusal } from '../sync/socket.js';
import { readWallboard } from './read-wallboard.js';

/** How long after a commit the wallboard is read again: commits in a burst (a sweep, an import) fold into one read. */
export const WALLBOARD_SETTLE_MS = 200;
/** Even when the clock changes nothing, a fresh snapshot now and then (a missed change, another node's write). */
const WALLBOARD_MAX_QUIET_MS = 30_000;

const room = (timeZone: string) => `wallboard:${timeZone}`;

export interface WallboardPush {
  /** Reads and sends now (tests, and the first snapshot of a watcher). */
  publish(): Promise<void>;
  stop(): void;
}

/**
 * Sends the wallboard to the supervisors' and admins' consoles that watch it, one room per time zone
 * (only "today" differs between them): read again shortly after any commit, and when the clock alone
 * moves a figure (a warning or due time passing, a due time entering a breach window, midnight).
 * Nothing is read while nobody watches.
 */
export function attachWallboard(io: SocketServer, context: Pick<ServerContext, 'db' | 'clock' | 'feed' | 'shifts'>, timers: Timers = realTimers): WallboardPush {
  const { db, clock, feed, shifts } = context;
  const watchers = new Map<string, string>();
  let timer: unknown = null;
  let timerDueMs = Infinity;
  let reading: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const zones = () => [...new Set(watchers.values())];

  async function read(): Promise<void> {
    do {
      again = false;
      if (watchers.size === 0) return;
      const { snapshots, nextChangeMs } = await readWallboard(db, shifts, clock.now(), zones());
      for (const [zone, snapshot] of snapshots) io.to(room(zone)).emit(wallboardSocketEvents.snapshot, snapshot);
      wakeAt(Math.min(nextChangeMs - clock.now(), WALLBOARD_MAX_QUIET_MS));
    } while (again && !stopped);
  }

  function publish(): Promise<void> {
    if (reading) {
      again = true;
      return reading;
    }
    reading = read()
      .catch((error: unknown) => console.error('shiftdesk: reading the wallboard failed', error))
      .finally(() => {
        reading = null;
      });
    return reading;
  }

  /** Brings the next read forward to `delayMs` from now, never back: a steady stream of commits cannot put it off. */
  function wakeAt(delayMs: number): void {
    if (stopped || watchers.size === 0) return;
    const dueMs = clock.now() + Math.max(delayMs, WALLBOARD_SETTLE_MS);
    if (timer !== null && timerDueMs <= dueMs) return;
    if (timer !== null) timers.clearTimeout(timer);
    timerDueMs = dueMs;
    timer = timers.setTimeout(() => {
      timer = null;
      void publish();
    }, dueMs - clock.now());
  }

  const unsubscribe = feed.subscribe(() => wakeAt(WALLBOARD_SETTLE_MS));

  io.on('connection', (socket) => {
    const user = (socket.data as { user?: User }).user;
    if (!user) return;
    socket.on(wallboardSocketEvents.watch, (raw: unknown, ack: unknown) =>
      answer(raw, ack, WallboardWatchSchema, async ({ timeZone }): Promise<WallboardSnapshot> => {
        if (!seesAllQueues(user)) throw new SocketRefusal('forbidden', 'the wallboard is for supervisors and admins');
        const before = watchers.get(socket.id);
        if (before !== undefined && before !== timeZone) await socket.leave(room(before));
        watchers.set(socket.id, timeZone);
        await socket.join(room(timeZone));
        const { snapshots, nextChangeMs } = await readWallboard(db, shifts, clock.now(), [timeZone]);
        wakeAt(Math.min(nextChangeMs - clock.now(), WALLBOARD_MAX_QUIET_MS));
        return snapshots.get(timeZone)!;
      }),
    );
    const unwatch = () => {
      const zone = watchers.get(socket.id);
      if (zone === undefined) return;
      watchers.delete(socket.id);
      void socket.leave(room(zone));
    };
    socket.on(wallboardSocketEvents.unwatch, (_raw: unknown, ack: unknown) => {
      unwatch();
      if (typeof ack === 'function') (ack as (reply: unknown) => void)({ ok: true, value: {} });
    });
    socket.on('disconnect', unwatch);
  });

  return {
    publish,
    stop() {
      stopped = true;
      unsubscribe();
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
