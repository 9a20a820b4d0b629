import type { Channel, Priority } from '../domain/ticket.js';
import type { SoundCue } from './alert.js';

export type Waveform = 'sine' | 'triangle' | 'square' | 'sawtooth';

/** A short tune for an oscillator: no sound files, and the same score in every host. */
export interface Tone {
  /** Whose tone it is, so the console can apply the agent's escalation-sound setting to it. */
  family: SoundCue['family'];
  wave: Waveform;
  /** 0–1, before the agent's system volume. */
  gain: number;
  notes: { hz: number; atMs: number; ms: number }[];
}

/**
 * The channel is the timbre and pitch, heard before the eyes find the screen: a chat chirps higher
 * than a mail, a monitoring alarm buzzes.
 */
const voices: Record<Channel, { hz: number; wave: Waveform }> = {
  email: { hz: 523.25, wave: 'sine' },
  web: { hz: 587.33, wave: 'sine' },
  chat: { hz: 659.25, wave: 'triangle' },
  phone: { hz: 698.46, wave: 'triangle' },
  social: { hz: 783.99, wave: 'triangle' },
  monitoring: { hz: 880, wave: 'sawtooth' },
};

/** The priority is how many times it sounds: four for critical down to one for low. */
const beats: Record<Priority, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/**
 * An escalation alternates the channel's note with its fifth, like a pager; a notice (a new ticket, a
 * reply) is a soft falling chime. Every family, priority and channel sounds different.
 */
export function toneFor(cue: SoundCue): Tone {
  const voice = voices[cue.channel];
  const count = beats[cue.priority];
  if (cue.family === 'escalation') {
    const notes = Array.from({ length: count * 2 }, (_, index) => ({ hz: index % 2 === 0 ? voice.hz : voice.hz * 1.5, atMs: index * 180, ms: 140 }));
    return { family: cue.family, wave: voice.wave, gain: cue.priority === 'critical' ? 0.45 : 0.35, notes };
  }
  const notes = Array.from({ length: count }, (_, index) => ({ hz: voice.hz * (1 - index * 0.125), atMs: index * 150, ms: 90 }));
  return { family: cue.family, wave: voice.wave, gain: 0.2, notes };
}

/** How long the tone lasts, so a player can keep two from overlapping. */
export function toneLengthMs(tone: Tone): number {
  return Math.max(...tone.notes.map((note) => note.atMs + note.ms));
}
