import { toneFor } from '../../../../shared/alerts/tones.js';
import type { Tone } from '../../../../shared/alerts/tones.js';
import { memoryStorage } from '../../testing/render.js';
import type { AlertOutput } from '../escalation/alert-output.js';
import { defaultSettings, readSettings, resolveTheme } from './settings.js';
import { createSettingsStore, withSoundSettings } from './settings-store.js';

describe('theme resolution', () => {
  it('follows the system unless the agent chose a theme', () => {
    expect(resolveTheme('system', true)).toBe('light');
    expect(resolveTheme('system', false)).toBe('dark');
    expect(resolveTheme('dark', true)).toBe('dark');
    expect(resolveTheme('light', false)).toBe('light');
  });
});

describe('settings store', () => {
  it('starts from the defaults on a new machine: the system theme, comfortable, escalation sounds at full volume', () => {
    expect(createSettingsStore(memoryStorage()).getState().settings).toEqual({ theme: 'system', density: 'comfortable', escalationSounds: true, volume: 100, timeZone: null });
  });

  it('keeps each agent their own settings on a shared machine, and the sign-in screen keeps the last look', () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage);
    store.getState().useFor('u-marta');
    store.getState().change({ theme: 'light', density: 'compact' });
    store.getState().useFor(null);
    expect(store.getState().settings.theme).toBe('light');

    store.getState().useFor('u-piotr');
    expect(store.getState().settings).toEqual(defaultSettings);
    store.getState().change({ volume: 30 });

    const again = createSettingsStore(storage);
    // Before sign-in: the last agent's look.
    expect(again.getState().settings.volume).toBe(30);
    again.getState().useFor('u-marta');
    expect(again.getState().settings).toMatchObject({ theme: 'light', density: 'compact', volume: 100 });
  });

  it('reads what it can of damaged settings and the defaults for the rest', () => {
    const storage = memoryStorage({ 'shiftdesk.settings.u1': JSON.stringify({ theme: 'sepia', density: 'compact', volume: 400 }), 'shiftdesk.settings.u2': '{not json' });
    expect(readSettings(storage, 'u1')).toEqual({ ...defaultSettings, density: 'compact' });
    expect(readSettings(storage, 'u2')).toEqual(defaultSettings);
  });
});

describe('sounds', () => {
  function setup() {
    const played: Tone[] = [];
    const output = { player: { play: (tone: Tone) => played.push(tone) } } as unknown as AlertOutput;
    const store = createSettingsStore(memoryStorage());
    return { played, store, player: withSoundSettings(output, store).player };
  }
  const page = toneFor({ family: 'escalation', priority: 'high', channel: 'phone' });
  const notice = toneFor({ family: 'notice', priority: 'high', channel: 'email' });

  it('plays tones at the agent’s volume', () => {
    const { played, store, player } = setup();
    store.getState().change({ volume: 50 });
    player.play(page);
    expect(played).toEqual([{ ...page, gain: page.gain / 2 }]);
  });

  it('silences escalation tones when they are off, and everything at volume 0', () => {
    const { played, store, player } = setup();
    store.getState().change({ escalationSounds: false });
    player.play(page);
    expect(played).toEqual([]);
    // A ticket sound the agent turned on in the Alerts panel is not an escalation's.
    player.play(notice);
    expect(played).toHaveLength(1);
    store.getState().change({ volume: 0 });
    player.play(notice);
    expect(played).toHaveLength(1);
  });
});
