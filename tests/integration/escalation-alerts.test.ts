import { describe, expect, it } from 'vitest';
import type { AlertRing, AlertStatus } from '../../src/shared/alerts/alert.js';
import type { DeskCore } from '../../src/main/core/desk-core.js';
import { steppingClock } from '../../src/server/testing/test-clock.js';
import { deskHarness } from '../support/desk-harness.js';
import { nextEvent } from '../support/desk-events.js';
import { listedTickets } from '../support/listed-tickets.js';

const { server, core } = deskHarness('shiftdesk-escalation-alerts-');

async function signedIn(desk: DeskCore, email: string): Promise<void> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
  await expect.poll(async () => (await listedTickets(desk)).length, { timeout: 15_000 }).toBeGreaterThan(0);
}

function rings(desk: DeskCore): AlertRing[] {
  const heard: AlertRing[] = [];
  desk.onEvent((event, payload) => {
    if (event === 'alerts.ring') heard.push(payload as AlertRing);
  });
  return heard;
}

describe('escalation alerts between consoles, by the rota', () => {
  it('at 3 a.m. the on-call engineer is rung at once, in Polish, and the ringing stops when he acknowledges; the agent off shift is not woken and finds who took it in her digest', async () => {
    // Tuesday 03:00 in Warsaw: Marta's evening shift (15:00–23:00) is over; Piotr holds the tier-2 pager all week.
    const clock = steppingClock(Date.parse('2026-11-24T02:00:00.000Z'));
    const running = await server({ clock });
    const marta = core(running.url, undefined, clock);
    const piotr = core(running.url, undefined, clock);
    await signedIn(marta, 'agent@demo');
    await signedIn(piotr, 'tier2@demo');
    const martaHeard = rings(marta);
    const ticket = (await listedTickets(marta, { queueId: 'general' })).find((t) => t.status === 'new' || t.status === 'open')!;

    const paged = nextEvent(piotr, 'alerts.ring', (ring: AlertRing) => ring.alerts.some((alert) => alert.ticketId === ticket.id)) as Promise<AlertRing>;
    const { id } = await marta.api['escalations.escalate']({ ticketId: ticket.id, target: { tier: 2 }, reason: 'Uplink down at the Riga office.' });
    const ring = await paged;
    expect(ring.locale).toBe('pl');
    expect(ring.alerts).toEqual([
      expect.objectContaining({ kind: 'page', escalationId: id, ticketNumber: ticket.number, actor: 'Marta Nowak', reason: 'Uplink down at the Riga office.', repeat: false, sound: { family: 'escalation', priority: ticket.priority, channel: ticket.channel } }),
    ]);
    expect(await piotr.api['alerts.status']({})).toMatchObject({ duty: { onCall: true }, quiet: [], ringing: 1 });

    const stopped = nextEvent(piotr, 'alerts.changed', (status: AlertStatus) => status.ringing === 0);
    await piotr.api['escalations.acknowledge']({ id });
    await stopped;

    await expect.poll(async () => (await marta.api['alerts.status']({})).held.map((alert) => `${alert.kind} ${alert.actor}`), { timeout: 10_000 }).toEqual(['acknowledged Piotr Zieliński']);
    expect(await marta.api['alerts.status']({})).toMatchObject({ quiet: ['offShift'], duty: { onShift: false, onCall: false }, nextChangeAt: '2026-11-24T14:00:00.000Z' });
    // Held: no sound, no notification for her at 3 a.m.
    expect(martaHeard.flatMap((heard) => heard.alerts).filter((alert) => alert.escalationId === id)).toEqual([]);
  }, 60_000);
});
