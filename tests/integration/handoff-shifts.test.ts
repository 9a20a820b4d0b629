import { describe, expect, it } from 'vitest';
import type { HandoffPage } from '../../src/shared/api/rest.js';
import type { HandoffNote } from '../../src/shared/domain/handoff.js';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { steppingClock } from '../../src/server/testing/test-clock.js';
import { loginAs, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { deskHarness } from '../support/desk-harness.js';
import { listedTickets } from '../support/listed-tickets.js';

const { server, core, folder, openCore } = deskHarness('shiftdesk-handoff-shifts-');

/** The demo rota in winter: Riga day (Olga, Jānis) ends 14:00 UTC and hands over to Marta's Warsaw evening. */
const rigaDayEnd = Date.parse('2026-11-23T14:00:00.000Z');
const MINUTE = 60_000;

async function settled(desk: DeskCore): Promise<void> {
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
  await expect.poll(async () => (await desk.api['outbox.get']({})).waiting, { timeout: 15_000 }).toBe(0);
}

async function signedIn(desk: DeskCore, email: string): Promise<void> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await settled(desk);
  // The rota arrives with the shared scope; the shift questions need it.
  await expect.poll(async () => (await desk.api['handoffs.list']({})).length, { timeout: 15_000 }).toBeGreaterThan(0);
}

async function serverNote(running: RunningTestServer, id: string): Promise<HandoffNote | undefined> {
  const token = await loginAs(running.url, 'admin@demo');
  const page = (await (await fetch(`${running.url}/api/v1/handoffs?pageSize=200`, { headers: { authorization: `Bearer ${token}` } })).json()) as HandoffPage;
  return page.items.find((note) => note.id === id);
}

describe('the shift handoff from the console', () => {
  it('offers Olga her draft before the Riga day ends, keeps what she wrote across a restart, and hands the shift over once', async () => {
    const clock = steppingClock(rigaDayEnd - 35 * MINUTE);
    const running = await server({ clock });
    const dataDir = folder();
    const olga = openCore(running.url, dataDir, clock);
    await signedIn(olga, 'agent3@demo');

    const owed = await olga.api['handoffs.shiftEnd']({});
    expect(owed).toEqual({
      shift: { rotationId: 'tier1-follow-the-sun', shiftId: 'riga-day', start: '2026-11-23T06:00:00.000Z', end: '2026-11-23T14:00:00.000Z', shiftName: 'Riga day', rotationName: 'Tier 1 — follow the sun' },
      draftFrom: '2026-11-23T13:30:00.000Z',
      handedOver: false,
    });

    // What the draft is filled with agrees with her replica: her unfinished tickets, and her queue's clocks due within 4 hours.
    const facts = await olga.api['handoffs.facts']({});
    const tickets = await listedTickets(olga);
    const mine = tickets.filter((t) => t.assigneeId === 'u-agent3' && ['new', 'open', 'pending', 'on_hold'].includes(t.status));
    expect(facts.openTickets.lines.length + facts.openTickets.more).toBe(mine.length);
    for (const line of facts.slaDue.lines) expect(Date.parse(line.dueAt)).toBeLessThanOrEqual(clock.now() + 4 * 60 * MINUTE);

    const shift = { rotationId: owed!.shift.rotationId, shiftId: owed!.shift.shiftId, end: owed!.shift.end };
    const saved = await olga.api['handoffs.saveDraft']({ queueId: 'billing', body: 'Three VAT corrections wait on finance.', shift });
    expect(saved).toMatchObject({ queueId: 'billing', body: 'Three VAT corrections wait on finance.', shift });
    await olga.close();

    // The console restarts with the server out of reach: the draft is still hers.
    const restarted = openCore('http://127.0.0.1:9', dataDir, clock);
    expect(await restarted.api['handoffs.draft']({})).toMatchObject({ queueId: 'billing', body: 'Three VAT corrections wait on finance.', shift });
    expect(await restarted.api['handoffs.search']({ query: 'vat finance' })).toEqual([]);
    const { id } = await restarted.api['handoffs.write']({ queueId: 'billing', body: 'Three VAT corrections wait on finance.', shift });
    // Written: the draft is done with, the shift is handed over (waiting to send), and the note is found offline.
    expect(await restarted.api['handoffs.draft']({})).toBeNull();
    expect((await restarted.api['handoffs.shiftEnd']({}))?.handedOver).toBe(true);
    expect((await restarted.api['handoffs.search']({ query: 'vat financ' })).map((note) => [note.id, note.pending])).toEqual([[id, true]]);
    await restarted.close();

    const back = core(running.url, dataDir, clock);
    await settled(back);
    expect((await serverNote(running, id))?.handover).toMatchObject({ ...shift, incomingStart: '2026-11-23T14:00:00.000Z', acknowledgeBy: '2026-11-23T14:30:00.000Z' });
    await expect.poll(async () => (await back.api['handoffs.search']({ query: 'vat financ' }))[0]?.pending, { timeout: 10_000 }).toBe(false);
    expect((await back.api['handoffs.shiftEnd']({}))?.handedOver).toBe(true);
  }, 60_000);

  it('refuses a shift the agent does not work before anything is queued', async () => {
    const clock = steppingClock(rigaDayEnd - 20 * MINUTE);
    const running = await server({ clock });
    const olga = core(running.url, folder(), clock);
    await signedIn(olga, 'agent3@demo');
    await expect(olga.api['handoffs.write']({ queueId: 'billing', body: 'x', shift: { rotationId: 'tier1-follow-the-sun', shiftId: 'warsaw-evening', end: '2026-11-23T22:00:00.000Z' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^shift:/),
    });
    await expect(olga.api['handoffs.saveDraft']({ queueId: 'network', body: 'x', shift: null })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^queueId:/) });
    expect((await olga.api['outbox.get']({})).waiting).toBe(0);
  }, 60_000);

  it('shows Marta the Riga day’s handover to her Warsaw evening until she acknowledges it; not Olga’s own, nor to a supervisor', async () => {
    const clock = steppingClock(rigaDayEnd - 15 * MINUTE);
    const running = await server({ clock });
    const olga = core(running.url, folder(), clock);
    await signedIn(olga, 'agent3@demo');
    const shift = { rotationId: 'tier1-follow-the-sun', shiftId: 'riga-day', end: new Date(rigaDayEnd).toISOString() };
    const { id } = await olga.api['handoffs.write']({ queueId: 'billing', body: 'Card gateway flapped at 12:30; watch for 3-D Secure complaints.', shift });
    await settled(olga);
    // Olga's own handover is not for her to take over; the demo's handover of last night to her Riga day is.
    const olgasIncoming = await olga.api['handoffs.incoming']({});
    expect(olgasIncoming.notes.map((note) => note.id)).not.toContain(id);
    expect(olgasIncoming.notes.map((note) => [note.authorName, note.handover?.incomingStart])).toEqual([['Marta Nowak', '2026-11-23T06:00:00.000Z']]);

    clock.advance(20 * MINUTE);
    const marta = core(running.url, folder(), clock);
    await signedIn(marta, 'agent@demo');
    const incoming = await marta.api['handoffs.incoming']({});
    expect(incoming.shift).toMatchObject({ shiftId: 'warsaw-evening', start: '2026-11-23T14:00:00.000Z', end: '2026-11-23T22:00:00.000Z', shiftName: 'Warsaw evening' });
    expect(incoming.notes.map((note) => note.id)).toEqual([id]);

    await marta.api['handoffs.acknowledge']({ id });
    expect((await marta.api['handoffs.incoming']({})).notes).toEqual([]);
    await settled(marta);
    expect((await serverNote(running, id))?.handover?.acknowledgedAt).toBeDefined();

    const supervisor = core(running.url, folder(), clock);
    await signedIn(supervisor, 'supervisor@demo');
    expect((await supervisor.api['handoffs.incoming']({})).notes).toEqual([]);
  }, 60_000);
});
