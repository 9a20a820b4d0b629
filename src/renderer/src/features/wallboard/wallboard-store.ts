import { createStore } from 'zustand/vanilla';

export interface WallboardOpening {
  /** Null: closed. */
  opened: { kiosk: boolean } | null;
  show(kiosk?: boolean): void;
  hide(): void;
}

/**
 * Whether the wallboard is on screen. The button that opens it sits under the top bar's "More", which
 * is hidden while closed, so the wallboard itself is drawn elsewhere (WallboardHost) and both meet here.
 * One per window, like the window itself.
 */
export const wallboardOpening = createStore<WallboardOpening>()((set) => ({
  opened: null,
  show: (kiosk = false) => set({ opened: { kiosk } }),
  hide: () => set({ opened: null }),
}));

/**
 * `#wallboard` opens the wallboard at once (a bookmark on a supervisor's second screen), and
 * `#wallboard/kiosk` in kiosk mode (a TV in the browser host); anything else opens nothing.
 */
export function openingFromHash(hash: string): { kiosk: boolean } | null {
  if (hash === '#wallboard') return { kiosk: false };
  if (hash === '#wallboard/kiosk') return { kiosk: true };
  return null;
}

/** Alt+Shift+W, by the key's place so it works on every keyboard layout (on a Mac Alt+Shift+W types „). */
export function isWallboardShortcut(event: Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): boolean {
  return event.code === 'KeyW' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
}
export const WALLBOARD_SHORTCUT = 'Alt+Shift+W';
