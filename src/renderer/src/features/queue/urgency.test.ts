import { dueIn, makeTicket } from '../../testing/fake-desk.js';
import { compareByUrgency } from './urgency.js';

describe('urgency order', () => {
  it('puts breached first, then least time left, then paused, then no target, solved and closed last', () => {
    const closed = makeTicket({ status: 'closed', firstResponseDueAt: dueIn(-500) });
    const solved = makeTicket({ status: 'solved', firstResponseDueAt: dueIn(-400) });
    const paused = makeTicket({ status: 'pending', firstResponseDueAt: dueIn(-300) });
    const noTarget = makeTicket({ firstResponseDueAt: null });
    const later = makeTicket({ firstResponseDueAt: dueIn(120) });
    const soon = makeTicket({ firstResponseDueAt: dueIn(5) });
    const breachedLongAgo = makeTicket({ firstResponseDueAt: dueIn(-90) });
    const breachedJustNow = makeTicket({ firstResponseDueAt: dueIn(-1) });

    const sorted = [closed, later, paused, breachedJustNow, solved, noTarget, soon, breachedLongAgo].sort(compareByUrgency);

    expect(sorted.map((t) => t.number)).toEqual(
      [breachedLongAgo, breachedJustNow, soon, later, paused, noTarget, closed, solved].map((t) => t.number),
    );
  });

  it('uses the resolution clock once the first response is sent', () => {
    const responded = makeTicket({ firstResponseDueAt: dueIn(-10), firstRespondedAt: dueIn(-20), resolutionDueAt: dueIn(300) });
    const waiting = makeTicket({ firstResponseDueAt: dueIn(60) });

    expect([responded, waiting].sort(compareByUrgency)).toEqual([waiting, responded]);
  });

  it('breaks ties by priority, then by number', () => {
    const due = dueIn(30);
    const low = makeTicket({ priority: 'low', firstResponseDueAt: due });
    const critical = makeTicket({ priority: 'critical', firstResponseDueAt: due });

    expect([low, critical].sort(compareByUrgency)).toEqual([critical, low]);
  });
});
