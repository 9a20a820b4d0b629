import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppingClock } from '../testing/test-clock.js';
import { startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { DeadlineLoop } from '../scheduling/deadline-loop.js';
import { enqueueOutbound, outboundDeliveries, PermanentDeliveryError, type OutboundItem } from './outbound-queue.js';

const clock = steppingClock(Date.parse('2026-11-24T03:00:00Z'));
const idle = { setTimeout: () => 0, clearTimeout: () => undefined };
let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer({ clock, seed: false, timers: idle });
});
afterAll(() => server.stop());

const item = (to: string) => ({ ticketId: null, kind: 'portal.link', channel: 'email' as const, to, subject: 'Link', body: 'Hello', headers: { messageId: `${to}@shiftdesk.local` } });
const row = (id: string) => server.context.db.selectFrom('outbound_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('outbound queue', () => {
  it('retries a failing relay with growing waits, delivers once it answers, and gives up at once on a permanent refusal', async () => {
    const { db } = server.context;
    const attempts: string[] = [];
    let relayUp = false;
    const deliverer = {
      async deliver(outgoing: OutboundItem) {
        attempts.push(outgoing.to);
        if (outgoing.to === 'nobody@example.com') throw new PermanentDeliveryError('550 no such user');
        if (!relayUp) throw new Error('connect ECONNREFUSED');
      },
    };
    const loop = new DeadlineLoop(outboundDeliveries(db, clock, { email: deliverer }), clock, server.context.feed, idle);
    const at = new Date(clock.now()).toISOString();
    const [ok, refused] = await db.transaction().execute(async (trx) => [await enqueueOutbound(trx, item('ok@example.com'), at), await enqueueOutbound(trx, item('nobody@example.com'), at)]);

    await loop.runDue();
    expect(await row(refused!)).toMatchObject({ status: 'failed', attempts: 1, last_error: '550 no such user' });
    expect(await row(ok!)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'connect ECONNREFUSED' });
    // Not due yet: the first wait is a minute.
    await loop.runDue();
    expect((await row(ok!)).attempts).toBe(1);
    clock.advance(61_000);
    await loop.runDue();
    const second = await row(ok!);
    expect(second.attempts).toBe(2);
    expect(Date.parse(second.next_attempt_at) - clock.now()).toBeGreaterThan(4 * 60_000);

    relayUp = true;
    clock.advance(5 * 60_000 + 1000);
    await loop.runDue();
    expect(await row(ok!)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(attempts.filter((a) => a === 'nobody@example.com')).toHaveLength(1);
    loop.stop();
  });

  it('keeps mail queued, not lost, while no deliverer exists for its channel', async () => {
    const { db } = server.context;
    const loop = new DeadlineLoop(outboundDeliveries(db, clock, {}), clock, server.context.feed, idle);
    const id = await db.transaction().execute((trx) => enqueueOutbound(trx, item('later@example.com'), new Date(clock.now()).toISOString()));
    await loop.runDue();
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0 });
    loop.stop();
  });
});
