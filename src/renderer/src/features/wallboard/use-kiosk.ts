import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useDeskServices } from '../../services.js';

/** How often kiosk mode may turn to the next panel, in seconds. */
export const rotationChoices = [10, 15, 30, 60] as const;
export type RotationSeconds = (typeof rotationChoices)[number];
const STORAGE_KEY = 'shiftdesk.wallboard.rotationSeconds';
const DEFAULT_SECONDS: RotationSeconds = 15;

export interface Kiosk {
  on: boolean;
  index: number;
  paused: boolean;
  seconds: RotationSeconds;
  start(): void;
  stop(): void;
  setSeconds(seconds: RotationSeconds): void;
  /** What a key does in kiosk mode; true when it was the kiosk's. */
  key(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): boolean;
}

function storedSeconds(storage: Pick<Storage, 'getItem'>): RotationSeconds {
  const stored = Number(storage.getItem(STORAGE_KEY));
  return (rotationChoices as readonly number[]).includes(stored) ? (stored as RotationSeconds) : DEFAULT_SECONDS;
}

/**
 * Kiosk mode: the screen's full width (the Fullscreen API, which the Electron window honours too) and
 * one panel at a time, turning every few seconds. Space pauses and goes on, the arrows turn by hand,
 * any other key pauses (someone is reading); leaving full screen (Esc) leaves kiosk mode.
 */
export function useKiosk(panelCount: number, startOn: boolean): Kiosk {
  const { storage } = useDeskServices();
  const [on, setOn] = useState(startOn);
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const [seconds, setSecondsState] = useState(() => storedSeconds(storage));

  const stop = useCallback(() => {
    setOn(false);
    setPaused(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);

  const start = useCallback(() => {
    setOn(true);
    setPaused(false);
    setIndex(0);
    // Refused without a user's gesture (a TV opened by its address): kiosk mode runs in the window as it is.
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!on || paused || panelCount < 2) return;
    const timer = setTimeout(() => setIndex((shown) => (shown + 1) % panelCount), seconds * 1000);
    return () => clearTimeout(timer);
  }, [on, paused, index, seconds, panelCount]);

  const onFullscreenChange = useEffectEvent(() => {
    if (on && !document.fullscreenElement) stop();
  });
  useEffect(() => {
    let entered = false;
    const listener = () => {
      // Only leaving a full screen kiosk mode itself entered ends it.
      if (document.fullscreenElement) entered = true;
      else if (entered) onFullscreenChange();
    };
    document.addEventListener('fullscreenchange', listener);
    return () => document.removeEventListener('fullscreenchange', listener);
  }, []);

  return {
    on,
    index: on ? Math.min(index, Math.max(panelCount - 1, 0)) : 0,
    paused,
    seconds,
    start,
    stop,
    setSeconds(next) {
      storage.setItem(STORAGE_KEY, String(next));
      setSecondsState(next);
    },
    key(event) {
      if (!on || event.altKey || event.ctrlKey || event.metaKey || ['Shift', 'Control', 'Alt', 'Meta', 'Escape'].includes(event.key)) return false;
      if (event.key === ' ') setPaused((was) => !was);
      else if (event.key === 'ArrowRight') setIndex((shown) => (shown + 1) % panelCount);
      else if (event.key === 'ArrowLeft') setIndex((shown) => (shown - 1 + panelCount) % panelCount);
      else {
        setPaused(true);
        return false;
      }
      return true;
    },
  };
}
