import { z } from 'zod';

export const themeChoices = ['system', 'dark', 'light'] as const;
export const densities = ['comfortable', 'compact'] as const;
export type ThemeChoice = (typeof themeChoices)[number];
export type Theme = Exclude<ThemeChoice, 'system'>;
export type Density = (typeof densities)[number];

/**
 * An agent's console settings on this machine. Parsed field by field, so one unreadable value (an old
 * version's, a hand edit) falls back to its default without losing the others.
 */
export const ConsoleSettingsSchema = z.object({
  theme: z.enum(themeChoices).catch('system'),
  density: z.enum(densities).catch('comfortable'),
  /** Escalation tones (pages, their news); other sounds are the Alerts panel's "ticket sounds". */
  escalationSounds: z.boolean().catch(true),
  /** 0–100 % of the tones as designed (shared/alerts/tones.ts), on top of the system's volume. */
  volume: z.number().int().min(0).max(100).catch(100),
  /** The zone times are shown in; null: the agent's profile's. */
  timeZone: z.string().min(1).nullable().catch(null),
});
export type ConsoleSettings = z.infer<typeof ConsoleSettingsSchema>;

export const defaultSettings: ConsoleSettings = ConsoleSettingsSchema.parse({});

type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Each agent's own settings under their id; the last ones applied also without an id, so the sign-in
 * screen looks like the console the last agent left (a night shift does not want a white flash).
 */
const lastUsedKey = 'shiftdesk.settings';
const keyFor = (userId: string | null) => (userId ? `${lastUsedKey}.${userId}` : lastUsedKey);

export function readSettings(storage: SettingsStorage, userId: string | null): ConsoleSettings {
  try {
    const raw = storage.getItem(keyFor(userId));
    if (raw === null) return defaultSettings;
    const parsed = ConsoleSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultSettings;
  } catch {
    return defaultSettings; // storage disabled or not JSON: the defaults, as on a new machine
  }
}

export function writeSettings(storage: SettingsStorage, userId: string | null, settings: ConsoleSettings): void {
  const text = JSON.stringify(settings);
  try {
    storage.setItem(lastUsedKey, text);
    if (userId) storage.setItem(keyFor(userId), text);
  } catch {
    // storage can be disabled; the settings then last until the window closes
  }
}

/** The theme on screen: the agent's choice, or the system's when they follow it. */
export function resolveTheme(choice: ThemeChoice, systemPrefersLight: boolean): Theme {
  if (choice !== 'system') return choice;
  return systemPrefersLight ? 'light' : 'dark';
}
