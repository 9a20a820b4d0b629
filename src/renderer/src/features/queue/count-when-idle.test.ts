import { queueRowOf, type QueueRow } from '../../../../shared/queue/queue-row.js';
import { makeTicket } from '../../testing/fake-desk.js';
import { countWhenIdle } from './count-when-idle.js';

/** The window's idle callbacks, run by the test one at a time. */
function idleCallbacks() {
  const pending = new Map<number, IdleRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => (pending.set(next, callback), next++));
  vi.stubGlobal('cancelIdleCallback', (handle: number) => pending.delete(handle));
  return {
    get count() {
      return pending.size;
    },
    /** Runs the waiting callback as an idle period with `remainingMs` left would. */
    run(remainingMs: number) {
      const [handle, callback] = [...pending][0]!;
      pending.delete(handle);
      callback({ didTimeout: remainingMs === 0, timeRemaining: () => remainingMs });
    },
  };
}

const tickets: QueueRow[] = Array.from({ length: 3500 }, (_, index) => queueRowOf(makeTicket({ number: index + 1, priority: index % 5 === 0 ? 'critical' : 'low' })));
const critical = (ticket: QueueRow) => ticket.priority === 'critical';
const everyOne = () => true;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('counting in idle time', () => {
  it('counts a slice per idle period and answers once every ticket was seen', () => {
    const idle = idleCallbacks();
    // Every look at the clock finds 10 ms gone: each slice ends at its first check, a thousand tickets in.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    const done = vi.fn();
    countWhenIdle(tickets, [critical, everyOne], done);

    for (let slice = 0; slice < 3; slice++) {
      idle.run(10);
      expect(done).not.toHaveBeenCalled();
      expect(idle.count).toBe(1);
    }
    idle.run(10);
    expect(done).toHaveBeenCalledWith([700, 3500]);
    expect(idle.count).toBe(0);
  });

  it('still counts for a few milliseconds in a slice forced by its timeout, with no idle time left', () => {
    const idle = idleCallbacks();
    // A millisecond per look at the clock: the least slice (4 ms) ends at the third check, 3,000 tickets in.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
    const done = vi.fn();
    countWhenIdle(tickets, [critical], done);
    idle.run(0);
    expect(done).not.toHaveBeenCalled();
    idle.run(0);
    expect(done).toHaveBeenCalledWith([700]);
  });

  it('stops when asked, between slices', () => {
    const idle = idleCallbacks();
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    const done = vi.fn();
    const stop = countWhenIdle(tickets, [critical], done);
    idle.run(10);
    stop();
    expect(idle.count).toBe(0);
    expect(done).not.toHaveBeenCalled();
  });
});
