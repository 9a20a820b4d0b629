import { toneFor } from '../../../../shared/alerts/tones.js';
import { webAudioPlayer, type ToneContext } from './tone-player.js';

/** A Web Audio context that records the oscillators a tone asks for. */
function listeningContext(state: 'running' | 'suspended' = 'running') {
  const notes: { type: string; hz: number; start: number; stop: number }[] = [];
  const context = {
    currentTime: 10,
    state,
    destination: 'speakers',
    resumed: 0,
    resume() {
      context.resumed++;
      context.state = 'running';
      return Promise.resolve();
    },
    createOscillator() {
      const oscillator = {
        type: 'sine',
        frequency: { value: 0 },
        connect: () => undefined,
        start: (at: number) => notes.push({ type: oscillator.type, hz: oscillator.frequency.value, start: at, stop: NaN }),
        stop: (at: number) => (notes.at(-1)!.stop = at),
      };
      return oscillator;
    },
    createGain: () => ({ gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined }, connect: () => undefined }),
  };
  return { context, notes };
}

describe('the tone player', () => {
  it('plays a tone as oscillator notes at the score’s pitches and times', () => {
    const { context, notes } = listeningContext();
    const player = webAudioPlayer(() => context as ToneContext, new EventTarget());
    player.play(toneFor({ family: 'escalation', priority: 'high', channel: 'monitoring' }));

    expect(notes.map((note) => [note.type, Math.round(note.hz)])).toEqual([
      ['sawtooth', 880],
      ['sawtooth', 1320],
      ['sawtooth', 880],
      ['sawtooth', 1320],
      ['sawtooth', 880],
      ['sawtooth', 1320],
    ]);
    expect(notes[1]!.start - notes[0]!.start).toBeCloseTo(0.18);
    expect(notes[0]!.stop - notes[0]!.start).toBeCloseTo(0.14);
  });

  it('never piles a tone on one still sounding', () => {
    const { context, notes } = listeningContext();
    const player = webAudioPlayer(() => context as ToneContext, new EventTarget());
    const tone = toneFor({ family: 'notice', priority: 'low', channel: 'email' });
    player.play(tone);
    player.play(tone);
    expect(notes).toHaveLength(1);
    context.currentTime = 11;
    player.play(tone);
    expect(notes).toHaveLength(2);
  });

  it('a context the browser holds until someone interacts starts at the first key press', () => {
    const { context } = listeningContext('suspended');
    const page = new EventTarget();
    const player = webAudioPlayer(() => context as ToneContext, page);
    player.play(toneFor({ family: 'notice', priority: 'low', channel: 'email' }));
    const before = context.resumed;
    page.dispatchEvent(new Event('keydown'));
    expect(context.resumed).toBe(before + 1);
    page.dispatchEvent(new Event('keydown'));
    expect(context.resumed).toBe(before + 1);
  });

  it('without Web Audio it stays silent rather than fail', () => {
    expect(() => webAudioPlayer(() => null, new EventTarget()).play(toneFor({ family: 'notice', priority: 'low', channel: 'email' }))).not.toThrow();
  });
});
