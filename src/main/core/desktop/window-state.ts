import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Timers } from '../alerts/alerter.js';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const Pixels = z.number().int().min(-100_000).max(100_000);

/** Where the window was: its normal (not maximised) bounds, and whether it was maximised or full screen. */
export const WindowStateSchema = z.object({
  bounds: z.object({ x: Pixels, y: Pixels, width: z.number().int().min(1).max(100_000), height: z.number().int().min(1).max(100_000) }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** Enough of the title bar on a screen to grab it with the mouse: below that the window is lost. */
const VISIBLE_TITLE_BAR = { width: 100, height: 30 };

export interface RestoredWindow {
  /** Bounds to open at; without x and y the system centres the window. */
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
  fullScreen: boolean;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where to open the window, given what was saved and the displays connected now (their work areas).
 * The saved place is used only if its title bar is still on a display (a laptop undocked from a
 * second monitor must not open its console off-screen); the size shrinks to that display. Otherwise
 * the window opens centred at its default size (shrunk to the first display if that is smaller),
 * still maximised or full screen if it was.
 */
export function restoreWindow(saved: WindowState | null, workAreas: readonly Rectangle[], defaults: { width: number; height: number }): RestoredWindow {
  const fits = (area: Rectangle | undefined) => (area ? { width: Math.min(defaults.width, area.width), height: Math.min(defaults.height, area.height) } : defaults);
  if (!saved) return { bounds: fits(workAreas[0]), maximized: false, fullScreen: false };
  const { bounds } = saved;
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: VISIBLE_TITLE_BAR.height };
  const home = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= Math.min(VISIBLE_TITLE_BAR.width, bounds.width) && seen.height >= Math.min(VISIBLE_TITLE_BAR.height, bounds.height);
  });
  const state = { maximized: saved.maximized, fullScreen: saved.fullScreen };
  if (!home) return { bounds: fits(workAreas[0]), ...state };
  const width = Math.min(bounds.width, home.width);
  const height = Math.min(bounds.height, home.height);
  // Shrunk to the display, it is also moved back inside it, so the whole window can be seen.
  const x = Math.min(Math.max(bounds.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(bounds.y, home.y), home.y + home.height - height);
  return { bounds: { x, y, width, height }, ...state };
}

/** Windows are moved and resized in bursts of events: one write after they stop. */
export const WINDOW_STATE_SAVE_MS = 1000;

/**
 * The window's state in a JSON file in the app's data folder. Saving is debounced, and written to a
 * temporary file first, so a crash mid-write leaves the previous state rather than half a file.
 */
export class WindowStateFile {
  private pending: WindowState | null = null;
  private timer: unknown = null;

  constructor(
    private readonly file: string,
    private readonly timers: Timers,
  ) {}

  /** The saved state, or null when there is none or it cannot be read (then the defaults apply). */
  load(): WindowState | null {
    try {
      const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  save(state: WindowState): void {
    this.pending = state;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.flush(), WINDOW_STATE_SAVE_MS);
  }

  /** Writes what is waiting now: when the window closes, the last move must not be lost. */
  flush(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const state = this.pending;
    this.pending = null;
    if (!state) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(`${this.file}.tmp`, JSON.stringify(WindowStateSchema.parse(state)));
      renameSync(`${this.file}.tmp`, this.file);
    } catch (error) {
      // The window still works; it only opens at its default place next time.
      console.error('shiftdesk: could not save the window state', error);
    }
  }
}
