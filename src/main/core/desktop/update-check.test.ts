import { describe, expect, it } from 'vitest';
import { fakeTimers } from './fake-timers.js';
import { UpdateCheck, updateFeedUrl, type UpdateCheckOptions } from './update-check.js';

const HOUR = 3_600_000;
const options: UpdateCheckOptions = { firstCheckMs: 30_000, everyMs: 6 * HOUR, retryFirstMs: 5 * 60_000 };

/** An updater that answers as told and records when it was asked, on a clock the test moves. */
function world() {
  const clock = fakeTimers(0);
  const checks: { at: number; feed: string | null }[] = [];
  const ready: string[] = [];
  let feed: string | null = null;
  const state = { online: true, fail: false, serverUrl: 'https://desk.example.com' };
  const check = new UpdateCheck(
    {
      source: {
        setFeed: (url) => void (feed = url),
        check: async () => {
          checks.push({ at: clock.now(), feed });
          if (state.fail) throw new Error('502 Bad Gateway');
        },
      },
      timers: clock.timers,
      serverUrl: () => state.serverUrl,
      online: () => state.online,
      ready: (version) => void ready.push(version),
    },
    options,
  );
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  /** Moves time on timer by timer, letting each awaited check settle (and set its next timer) before the next. */
  const advance = async (ms: number) => {
    const until = clock.now() + ms;
    await settle();
    for (let next = clock.nextAt(); next !== null && next <= until; next = clock.nextAt()) {
      clock.advance(next - clock.now());
      await settle();
    }
    clock.advance(until - clock.now());
  };
  return { clock, checks, ready, state, check, advance };
}

describe('update checks', () => {
  it('checks shortly after start, then every six hours, at the server it is configured for', async () => {
    const { checks, check, advance, state } = world();
    check.start();
    await advance(29_999);
    expect(checks).toEqual([]);
    await advance(1);
    expect(checks).toEqual([{ at: 30_000, feed: 'https://desk.example.com/updates/' }]);
    state.serverUrl = 'https://night.example.com/shiftdesk';
    await advance(6 * HOUR);
    expect(checks.map((c) => c.at)).toEqual([30_000, 30_000 + 6 * HOUR]);
    // The feed follows the server the console now uses.
    expect(checks[1]!.feed).toBe('https://night.example.com/shiftdesk/updates/');
    check.stop();
  });

  it('does not check while offline, and checks as soon as the console is back', async () => {
    const { checks, check, advance, state } = world();
    state.online = false;
    check.start();
    await advance(12 * HOUR);
    expect(checks).toEqual([]);
    state.online = true;
    check.onlineAgain();
    await advance(0);
    expect(checks.map((c) => c.at)).toEqual([12 * HOUR]);
    // Back on its six-hour rhythm from there; coming online again owes nothing.
    check.onlineAgain();
    await advance(6 * HOUR);
    expect(checks.map((c) => c.at)).toEqual([12 * HOUR, 18 * HOUR]);
    check.stop();
  });

  it('backs off after failures, 5 minutes doubling up to the regular interval, and recovers', async () => {
    const { checks, check, advance, state } = world();
    state.fail = true;
    check.start();
    await advance(30_000 + 5 * 60_000 + 10 * 60_000 + 20 * 60_000 + 40 * 60_000);
    const minutes = (at: number) => (at - 30_000) / 60_000;
    expect(checks.map((c) => minutes(c.at))).toEqual([0, 5, 15, 35, 75]);
    await advance(20 * HOUR);
    // 80, 160, 320 minutes, then capped at six hours.
    expect(checks.map((c) => minutes(c.at)).slice(5)).toEqual([155, 315, 635, 995]);
    state.fail = false;
    await advance(6 * HOUR);
    expect(checks).toHaveLength(10);
    await advance(6 * HOUR);
    expect(checks).toHaveLength(11);
    check.stop();
  });

  it('says once that an update is ready and never checks again: it installs when the app quits', async () => {
    const { checks, ready, check, advance } = world();
    check.start();
    await advance(30_000);
    check.updateDownloaded('1.4.0');
    check.updateDownloaded('1.4.0');
    expect(ready).toEqual(['1.4.0']);
    await advance(48 * HOUR);
    check.onlineAgain();
    check.updateFailed();
    await advance(48 * HOUR);
    expect(checks).toHaveLength(1);
  });

  it('one failure reported twice (a rejected check and an error event) is retried once, 5 minutes later', async () => {
    const { checks, check, advance, state } = world();
    state.fail = true;
    check.start();
    await advance(30_000);
    check.updateFailed();
    await advance(5 * 60_000);
    expect(checks.map((c) => c.at)).toEqual([30_000, 30_000 + 5 * 60_000]);
    check.stop();
  });

  it('a failed download is retried later like a failed check', async () => {
    const { checks, check, advance } = world();
    check.start();
    await advance(30_000);
    check.updateFailed();
    await advance(5 * 60_000);
    expect(checks.map((c) => c.at)).toEqual([30_000, 30_000 + 5 * 60_000]);
    check.stop();
    await advance(48 * HOUR);
    expect(checks).toHaveLength(2);
  });
});

describe('update feed address', () => {
  it('is /updates/ under the server, keeping a path prefix and dropping a query', () => {
    expect(updateFeedUrl('http://127.0.0.1:4780')).toBe('http://127.0.0.1:4780/updates/');
    expect(updateFeedUrl('https://desk.example.com/')).toBe('https://desk.example.com/updates/');
    expect(updateFeedUrl('https://example.com/shiftdesk?x=1#y')).toBe('https://example.com/shiftdesk/updates/');
  });
});
