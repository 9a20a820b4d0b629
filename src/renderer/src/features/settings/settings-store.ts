import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Tone } from '../../../../shared/alerts/tones.js';
import type { AlertOutput } from '../escalation/alert-output.js';
import { readSettings, writeSettings, type ConsoleSettings } from './settings.js';

export interface SettingsState {
  /** Whose settings these are; null before sign-in (the last ones used on this machine). */
  userId: string | null;
  settings: ConsoleSettings;
  /** Switches to this agent's settings (at sign-in and sign-out). */
  useFor(userId: string | null): void;
  change(change: Partial<ConsoleSettings>): void;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(storage: Pick<Storage, 'getItem' | 'setItem'>): SettingsStore {
  return createStore<SettingsState>()((set, get) => ({
    userId: null,
    settings: readSettings(storage, null),
    useFor(userId) {
      if (userId === get().userId) return;
      // Signing out keeps the look the agent had, so the sign-in screen does not flash to another theme.
      const settings = userId ? readSettings(storage, userId) : get().settings;
      writeSettings(storage, userId, settings);
      set({ userId, settings });
    },
    change(change) {
      const settings = { ...get().settings, ...change };
      writeSettings(storage, get().userId, settings);
      set({ settings });
    },
  }));
}

/**
 * Alerts heard as the agent set them: escalation tones only when they are on, every tone at their
 * volume. Other sounds are the alert policy's (off unless the agent turns ticket sounds on).
 */
export function withSoundSettings(output: AlertOutput, settings: SettingsStore): AlertOutput {
  return {
    ...output,
    player: {
      play(tone: Tone) {
        const { escalationSounds, volume } = settings.getState().settings;
        if (volume === 0 || (tone.family === 'escalation' && !escalationSounds)) return;
        output.player.play({ ...tone, gain: (tone.gain * volume) / 100 });
      },
    },
  };
}
