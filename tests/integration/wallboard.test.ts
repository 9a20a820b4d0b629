import { describe, expect, it } from 'vitest';
import type { DeskCore } from '../../src/main/core/desk-core.js';
import { DeskError } from '../../src/shared/desk-api/errors.js';
import type { WallboardSnapshot } from '../../src/shared/wallboard/snapshot.js';
import { steppingClock } from '../../src/server/testing/test-clock.js';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { deskHarness } from '../support/desk-harness.js';

const { server, core } = deskHarness('shiftdesk-wallboard-');

async function signedIn(desk: DeskCore, email: string): Promise<void> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
}

const waitingIn = (snapshot: WallboardSnapshot | null, queueId: string) => snapshot?.queues.find((queue) => queue.queueId === queueId)?.waiting;

describe('the wallboard in the console', () => {
  it("answers a supervisor's console, relays the server's pushes as wallboard.changed, and keeps the last figures offline", async () => {
    const clock = steppingClock(Date.parse('2026-11-23T10:00:00.000Z'));
    const running = await server({ clock });
    const ewa = core(running.url, undefined, clock);
    await signedIn(ewa, 'supervisor@demo');
    const first = await ewa.api['wallboard.get']({ timeZone: 'Europe/Warsaw' });
    expect(first?.today.timeZone).toBe('Europe/Warsaw');
    const before = waitingIn(first, 'general')!;

    const pushed: WallboardSnapshot[] = [];
    ewa.onEvent((event, payload) => {
      if (event === 'wallboard.changed') pushed.push(payload as WallboardSnapshot);
    });
    const token = await loginAs(running.url, 'agent@demo');
    const created = await callApi(running.url, '/api/v1/tickets', {
      method: 'POST',
      token,
      body: { subject: 'Card reader offline', body: 'Payments fail', requesterName: 'Anna', requesterEmail: 'anna@example.com', queueId: 'general' },
    });
    expect(created.status).toBe(201);
    await expect.poll(() => waitingIn(pushed.at(-1) ?? null, 'general'), { timeout: 2_000, interval: 50 }).toBe(before + 1);

    await running.stop({ keepData: true });
    await expect.poll(async () => (await ewa.api['connection.get']({})).status, { timeout: 15_000 }).toBe('offline');
    expect(waitingIn(await ewa.api['wallboard.get']({ timeZone: 'Europe/Warsaw' }), 'general')).toBe(before + 1);
  });

  it('is refused to an agent by the core itself', async () => {
    const clock = steppingClock(Date.parse('2026-11-23T10:00:00.000Z'));
    const running = await server({ clock });
    const marta = core(running.url, undefined, clock);
    await signedIn(marta, 'agent@demo');
    await expect(marta.api['wallboard.get']({ timeZone: 'Europe/Warsaw' })).rejects.toEqual(new DeskError('forbidden', 'The wallboard is for supervisors and admins'));
  });
});
