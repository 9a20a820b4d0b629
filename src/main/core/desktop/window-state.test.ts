import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeTimers } from './fake-timers.js';
import { restoreWindow, WINDOW_STATE_SAVE_MS, WindowStateFile, type WindowState } from './window-state.js';

const defaults = { width: 1440, height: 900 };
// Work areas (the screen without taskbars and docks) of the layouts an agent's desk goes through.
const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const monitorRight = { x: 1920, y: 0, width: 2560, height: 1400 };
const monitorLeftHigher = { x: -1280, y: -300, width: 1280, height: 984 };

const state = (x: number, y: number, width = 1200, height = 800, extra: Partial<WindowState> = {}): WindowState => ({ bounds: { x, y, width, height }, maximized: false, fullScreen: false, ...extra });

describe('restoring the window', () => {
  it('opens where it was when that place is still on a display', () => {
    expect(restoreWindow(state(100, 80), [laptop], defaults)).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: false, fullScreen: false });
    expect(restoreWindow(state(2200, 200, 1800, 1100), [laptop, monitorRight], defaults).bounds).toEqual({ x: 2200, y: 200, width: 1800, height: 1100 });
    expect(restoreWindow(state(-1200, -250), [laptop, monitorLeftHigher], defaults).bounds).toEqual({ x: -1200, y: -250, width: 1200, height: 800 });
  });

  it('opens centred at its default size when the monitor it was on is gone', () => {
    // Undocked: the right-hand monitor went with the docking station.
    expect(restoreWindow(state(2200, 200), [laptop], defaults)).toEqual({ bounds: defaults, maximized: false, fullScreen: false });
    expect(restoreWindow(state(-1200, -250, 1200, 800, { maximized: true }), [laptop], defaults)).toEqual({ bounds: defaults, maximized: true, fullScreen: false });
  });

  it('does not count a window whose title bar is off every screen, even if its body shows', () => {
    // Title bar above the top of the laptop's screen: the window could not be dragged back.
    expect(restoreWindow(state(100, -400), [laptop], defaults).bounds).toEqual(defaults);
    // Only a sliver at the left edge of the laptop is visible.
    expect(restoreWindow(state(1880, 100), [laptop], defaults).bounds).toEqual(defaults);
  });

  it('shrinks to a smaller display and moves back inside it', () => {
    const small = { x: 0, y: 0, width: 1366, height: 728 };
    expect(restoreWindow(state(600, 300, 1800, 1100), [small], defaults).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    expect(restoreWindow(state(600, 300, 1000, 600), [small], defaults).bounds).toEqual({ x: 366, y: 128, width: 1000, height: 600 });
  });

  it('keeps maximised and full screen', () => {
    expect(restoreWindow(state(2000, 0, 1200, 800, { maximized: true }), [laptop, monitorRight], defaults)).toMatchObject({ maximized: true, fullScreen: false, bounds: { x: 2000, y: 0 } });
    expect(restoreWindow(state(10, 10, 1200, 800, { fullScreen: true }), [laptop], defaults)).toMatchObject({ fullScreen: true });
  });

  it('opens at the defaults with nothing saved, and fits them to a small screen', () => {
    expect(restoreWindow(null, [laptop], defaults)).toEqual({ bounds: defaults, maximized: false, fullScreen: false });
    expect(restoreWindow(null, [{ x: 0, y: 0, width: 1366, height: 728 }], defaults).bounds).toEqual({ width: 1366, height: 728 });
    expect(restoreWindow(state(5000, 5000), [{ x: 0, y: 0, width: 1280, height: 680 }], defaults).bounds).toEqual({ width: 1280, height: 680 });
  });
});

describe('the window state file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'shiftdesk-window-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes once the window stops moving, and reads back what it wrote', () => {
    const file = join(folder, 'window-state.json');
    const clock = fakeTimers(0);
    const store = new WindowStateFile(file, clock.timers);
    expect(store.load()).toBeNull();
    for (let x = 0; x < 300; x += 10) {
      store.save(state(x, 50));
      clock.advance(16);
    }
    expect(() => readFileSync(file)).toThrow();
    clock.advance(WINDOW_STATE_SAVE_MS);
    expect(store.load()).toEqual(state(290, 50));
    expect(new WindowStateFile(file, clock.timers).load()).toEqual(state(290, 50));
  });

  it('writes at once when the window closes, and ignores a damaged file', () => {
    const file = join(folder, 'closing.json');
    const store = new WindowStateFile(file, fakeTimers(0).timers);
    store.save(state(1, 2, 1000, 700, { maximized: true }));
    store.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state(1, 2, 1000, 700, { maximized: true }));
    writeFileSync(file, '{"bounds": {"x": "left"}');
    expect(store.load()).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false, fullScreen: false }));
    expect(store.load()).toBeNull();
  });
});
