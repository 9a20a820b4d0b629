import { z } from 'zod';
import { WallboardSnapshotSchema, WallboardWatchSchema } from '../wallboard/snapshot.js';

/**
 * The supervisors' wallboard (docs/wallboard.md). Live figures, not replicated: the core asks the
 * server, which then pushes every change while the console watches.
 */
export const wallboardMethods = {
  /**
   * Starts watching (supervisors and admins; agents are refused) and answers the current figures, with
   * "today" counted in `timeZone`. Offline: the last figures this console had, or null.
   */
  'wallboard.get': { input: WallboardWatchSchema, output: WallboardSnapshotSchema.nullable() },
  /** Stops the pushes when the wallboard closes. */
  'wallboard.leave': { input: z.object({}).strict(), output: z.object({}).strict() },
} as const;

export const wallboardEvents = {
  /** New figures from the server while the wallboard is watched. */
  'wallboard.changed': WallboardSnapshotSchema,
} as const;
