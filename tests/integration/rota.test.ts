import { describe, expect, it } from 'vitest';
import type { DeskCore } from '../../src/main/core/desk-core.js';
import { DeskError } from '../../src/shared/desk-api/errors.js';
import { steppingClock } from '../../src/server/testing/test-clock.js';
import { nextEvent } from '../support/desk-events.js';
import { deskHarness } from '../support/desk-harness.js';

const { server, core } = deskHarness('shiftdesk-rota-');

/** Monday 23 November 2026, 10:00 UTC: noon in Riga, the demo's Riga day at work. */
const mondayNoonRiga = Date.parse('2026-11-23T10:00:00.000Z');
const HOUR = 3_600_000;

async function signedIn(desk: DeskCore, email: string): Promise<void> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
  // The rota comes with the shared scope.
  await expect.poll(async () => (await desk.api['rota.get']({})).rotations.length, { timeout: 15_000 }).toBe(1);
}

const onShift = async (desk: DeskCore) => (await desk.api['rota.onCallNow']({})).tiers.map((tier) => [tier.tier, tier.onShift.map((s) => s.name), tier.onCall.map((s) => s.name)]);

describe('the rota in the console', () => {
  it('knows who is on shift and on call, and the agent’s own shifts, from the replica — offline too', async () => {
    const clock = steppingClock(mondayNoonRiga);
    const running = await server({ clock });
    const olga = core(running.url, undefined, clock);
    await signedIn(olga, 'agent3@demo');

    expect(await onShift(olga)).toEqual([
      [1, ['Jānis Bērziņš', 'Olga Smirnova'], []],
      [2, [], ['Piotr Zieliński']],
      [3, [], ['Sam Carter']],
    ]);
    const mine = await olga.api['rota.mine']({});
    expect(mine.rostered).toBe(true);
    expect(mine.current).toMatchObject({ shiftName: 'Riga day', rotationName: 'Tier 1 — follow the sun', timeZone: 'Europe/Riga', start: '2026-11-23T06:00:00.000Z', end: '2026-11-23T14:00:00.000Z' });
    // Tomorrow Marta covers 08:00–10:00 UTC of Olga's day (the demo's dentist override), so her next stint stops at 08:00.
    expect(mine.next).toMatchObject({ shiftId: 'riga-day', start: '2026-11-24T06:00:00.000Z', end: '2026-11-24T08:00:00.000Z' });
    expect([mine.onCall, mine.nextOnCall]).toEqual([null, null]);

    const rota = await olga.api['rota.get']({});
    expect(rota.onCallRotations.map((r) => r.id)).toEqual(['tier2-on-call', 'tier3-on-call']);
    expect(rota.overrides.map((o) => [o.replacedUserId, o.replacementUserId])).toEqual([['u-agent3', 'u-agent']]);
    expect(rota.swaps.map((s) => [s.first.userId, s.second.userId])).toEqual([['u-agent2', 'u-agent']]);

    await running.stop({ keepData: true });
    await expect.poll(async () => (await olga.api['connection.get']({})).status, { timeout: 15_000 }).toBe('offline');
    // Night in Europe: the New York shift is vacant, so tier 1 waits for tomorrow's Riga day.
    clock.advance(13.5 * HOUR);
    const night = await olga.api['rota.onCallNow']({});
    expect(night.tiers[0]).toMatchObject({ onShift: [], nextShiftStart: '2026-11-24T06:00:00.000Z' });
    expect(night.tiers[1]!.onCall.map((s) => s.name)).toEqual(['Piotr Zieliński']);
    expect((await olga.api['rota.mine']({})).current).toBeNull();
  });

  it('an admin’s override reaches every console, which says the rota changed', async () => {
    const clock = steppingClock(mondayNoonRiga);
    const running = await server({ clock });
    const [admin, jaanis] = [core(running.url, undefined, clock), core(running.url, undefined, clock)];
    await signedIn(admin, 'admin@demo');
    await signedIn(jaanis, 'agent2@demo');

    const changed = nextEvent(jaanis, 'rota.changed');
    const override = await admin.api['admin.rota.addOverride']({
      rotationId: 'tier1-follow-the-sun',
      replacedUserId: 'u-agent2',
      replacementUserId: 'u-supervisor',
      start: '2026-11-23T11:00:00Z',
      end: '2026-11-23T14:00:00Z',
      reason: 'Jānis leaves early for a training',
    });
    await changed;
    expect((await jaanis.api['rota.mine']({})).current?.end).toBe('2026-11-23T11:00:00.000Z');
    clock.advance(1.5 * HOUR);
    expect((await onShift(jaanis))[0]).toEqual([1, ['Olga Smirnova', 'Ewa Wiśniewska'], []]);

    await admin.api['admin.rota.removeOverride']({ id: override.id });
    await expect.poll(async () => (await onShift(jaanis))[0]).toEqual([1, ['Jānis Bērziņš', 'Olga Smirnova'], []]);
  });

  it('only admins change the rota, online only, and the server’s refusal names the field', async () => {
    const clock = steppingClock(mondayNoonRiga);
    const running = await server({ clock });
    const [admin, olga] = [core(running.url, undefined, clock), core(running.url, undefined, clock)];
    await signedIn(admin, 'admin@demo');
    await signedIn(olga, 'agent3@demo');
    const rotation = (await olga.api['rota.get']({})).onCallRotations[0]!;

    await expect(olga.api['admin.rota.saveOnCallRotation']({ rotation, mode: 'replace' })).rejects.toMatchObject({ code: 'forbidden' });
    const refused = await admin.api['admin.rota.saveOnCallRotation']({ rotation: { ...rotation, memberIds: ['u-ghost'] }, mode: 'replace' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeskError);
    expect(refused).toMatchObject({ code: 'invalid_input', message: 'body.memberIds: no user "u-ghost"' });

    await running.stop({ keepData: true });
    await expect(admin.api['admin.rota.removeOnCallRotation']({ id: rotation.id })).rejects.toMatchObject({ code: 'unavailable' });
  });
});
