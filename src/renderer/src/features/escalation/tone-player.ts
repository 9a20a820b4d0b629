import { toneLengthMs, type Tone } from '../../../../shared/alerts/tones.js';

/** The few parts of the Web Audio API a tone needs, so a test can listen in. */
export interface ToneContext {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): { type: string; frequency: { value: number }; connect(node: unknown): unknown; start(at: number): void; stop(at: number): void };
  createGain(): { gain: { setValueAtTime(value: number, at: number): unknown; linearRampToValueAtTime(value: number, at: number): unknown }; connect(node: unknown): unknown };
}

export interface TonePlayer {
  /** Plays a tone, unless one is still sounding (tones never pile up into noise). */
  play(tone: Tone): void;
}

/** A few milliseconds of fade in and out, so a beep does not click. */
const FADE_S = 0.01;

/**
 * Tones from oscillators: no sound files to ship or load. The context starts on first use; where the
 * browser holds it until the person interacts (autoplay rules), the first key or click lets it play.
 */
export function webAudioPlayer(createContext: () => ToneContext | null, target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = document): TonePlayer {
  let context: ToneContext | null = null;
  let busyUntil = 0;

  function ready(): ToneContext | null {
    if (context) return context;
    context = createContext();
    if (context?.state === 'suspended') {
      const unlock = () => {
        void context?.resume().catch(() => undefined);
        target.removeEventListener('pointerdown', unlock);
        target.removeEventListener('keydown', unlock);
      };
      target.addEventListener('pointerdown', unlock);
      target.addEventListener('keydown', unlock);
      void context.resume().catch(() => undefined);
    }
    return context;
  }

  return {
    play(tone) {
      const audio = ready();
      if (!audio || audio.currentTime < busyUntil) return;
      const start = audio.currentTime + 0.02;
      for (const note of tone.notes) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        const from = start + note.atMs / 1000;
        const to = from + note.ms / 1000;
        oscillator.type = tone.wave;
        oscillator.frequency.value = note.hz;
        gain.gain.setValueAtTime(0, from);
        gain.gain.linearRampToValueAtTime(tone.gain, from + FADE_S);
        gain.gain.setValueAtTime(tone.gain, to - FADE_S);
        gain.gain.linearRampToValueAtTime(0, to);
        oscillator.connect(gain);
        gain.connect(audio.destination);
        oscillator.start(from);
        oscillator.stop(to);
      }
      busyUntil = start + toneLengthMs(tone) / 1000;
    },
  };
}

/** The host's own audio: the window's AudioContext, or silence where there is none (tests, old hosts). */
export function hostTonePlayer(): TonePlayer {
  const AudioContextClass = typeof window === 'undefined' ? undefined : (window as { AudioContext?: new () => ToneContext }).AudioContext;
  return webAudioPlayer(() => (AudioContextClass ? new AudioContextClass() : null));
}
