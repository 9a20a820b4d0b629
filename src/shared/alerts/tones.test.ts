import { describe, expect, it } from 'vitest';
import { channels, priorities } from '../domain/ticket.js';
import { toneFor, toneLengthMs } from './tones.js';

describe('alert tones', () => {
  const cues = (['escalation', 'notice'] as const).flatMap((family) => priorities.flatMap((priority) => channels.map((channel) => ({ family, priority, channel }))));

  it('every family, priority and channel sounds different', () => {
    const scores = new Set(cues.map((cue) => JSON.stringify(toneFor(cue))));
    expect(scores.size).toBe(cues.length);
  });

  it('a critical escalation beeps more, and louder, than a low one; a notice is softer than any escalation', () => {
    const critical = toneFor({ family: 'escalation', priority: 'critical', channel: 'email' });
    const low = toneFor({ family: 'escalation', priority: 'low', channel: 'email' });
    const notice = toneFor({ family: 'notice', priority: 'critical', channel: 'email' });
    expect(critical.notes.length).toBeGreaterThan(low.notes.length);
    expect(critical.gain).toBeGreaterThan(low.gain);
    expect(notice.gain).toBeLessThan(low.gain);
  });

  it('the longest tone ends within two seconds, well before a page rings again', () => {
    expect(Math.max(...cues.map((cue) => toneLengthMs(toneFor(cue))))).toBeLessThan(2_000);
  });
});
