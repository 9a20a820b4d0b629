import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShiftRotation } from '../../shared/domain/shifts.js';
import { RotaStore } from '../shifts/rota-store.js';
import { buildDesk } from '../testing/routing-desk.js';
import { steppingClock, type SteppingClock } from '../testing/test-clock.js';
import { startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { receiveCustomerMessage } from '../intake/customer-intake.js';
import { formatAnswerTime } from './expected-answer.js';

// Saturday 28 November 2026, 23:40 in Warsaw: the business-hours calendar is closed until Monday 09:00.
const saturdayNight = Date.parse('2026-11-28T22:40:00Z');
let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => saturdayNight }, seed: false });
  // An empty General queue: no backlog ahead of these tickets.
  await server.context.db.insertInto('queues').values({ id: 'general', name: 'General', tier: 1, created_at: new Date(saturdayNight).toISOString() }).execute();
});
afterAll(() => server.stop());

const ticketFrom = async (email: string, priority: 'low' | 'critical') => {
  const { context } = server;
  return context.db.transaction().execute((trx) =>
    receiveCustomerMessage(context, trx, { channel: 'email', from: { email, name: 'Jan', locale: 'pl' }, subject: 'Pytanie', body: 'Pytanie o fakturę', acknowledge: true, priority }),
  );
};

describe('the expected first answer', () => {
  it('tells a standard customer writing on a weekend night that we are closed, and when Monday’s answer comes, in Warsaw time', async () => {
    const { acknowledgement, ticket } = await ticketFrom('jan@example.pl', 'low');
    expect(acknowledgement?.kind).toBe('ack.closed');
    const answerBy = Date.parse(acknowledgement!.answerBy);
    // Counting starts at Monday 09:00 Warsaw (08:00 UTC); an empty queue answers within the first quarter hour.
    expect(answerBy).toBeGreaterThan(Date.parse('2026-11-30T08:00:00Z'));
    expect(answerBy).toBeLessThanOrEqual(Date.parse('2026-11-30T08:15:00Z'));
    expect(answerBy).toBeLessThanOrEqual(Date.parse(ticket.sla!.clocks.find((c) => c.kind === 'firstResponse')!.dueAt!));
    expect(acknowledgement!.body).toContain('poza godzinami pracy');
    expect(acknowledgement!.body).toContain(formatAnswerTime(answerBy, 'Europe/Warsaw', 'pl'));
    expect(acknowledgement!.body).toMatch(/poniedziałek, 30 listopada 09:15/);
  });

  it('runs a critical ticket round the clock: open now, and the answer promised within its SLA target', async () => {
    const { acknowledgement, ticket } = await ticketFrom('ewa@example.pl', 'critical');
    expect(acknowledgement?.kind).not.toBe('ack.closed');
    const due = Date.parse(ticket.sla!.clocks.find((c) => c.kind === 'firstResponse')!.dueAt!);
    expect(Date.parse(acknowledgement!.answerBy)).toBeLessThanOrEqual(Math.ceil(due / 300_000) * 300_000);
    expect(Date.parse(acknowledgement!.answerBy)).toBeLessThan(saturdayNight + 3_600_000);
  });
});

describe('the expected first answer on a desk with a rota', () => {
  let desk: RunningTestServer;
  let clock: SteppingClock;
  // Tier 1 works General on Sundays 10:00–18:00 and weekdays 08:00–16:00, in Warsaw.
  const rotation: ShiftRotation = {
    id: 'tier1',
    name: 'Tier 1',
    tier: 1,
    queueIds: ['general'],
    shifts: [
      { id: 'sunday', name: 'Sunday', timeZone: 'Europe/Warsaw', start: '10:00', end: '18:00', weekdays: ['sun'], memberIds: ['ana'] },
      { id: 'weekday', name: 'Weekday', timeZone: 'Europe/Warsaw', start: '08:00', end: '16:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], memberIds: ['ana', 'cyd'] },
    ],
  };

  beforeAll(async () => {
    clock = steppingClock(saturdayNight);
    desk = await startTestServer({ clock, seed: false });
    await buildDesk(desk, { queues: { general: {} }, people: [{ id: 'ana', name: 'Ana', queues: ['general'] }, { id: 'ben', name: 'Ben' }, { id: 'cyd', name: 'Cyd', queues: ['general'] }] });
    await saveRotation(rotation, 'create');
  });
  afterAll(() => desk.stop());

  async function saveRotation(saved: ShiftRotation, mode: 'create' | 'replace') {
    const { db, feed, shifts } = desk.context;
    const rota = new RotaStore(db, clock, feed, shifts);
    await rota.write((trx) => rota.saveShiftRotation(trx, { id: 'ana' }, saved, mode));
  }

  const write = (priority: 'medium' | 'critical', acknowledge = true) =>
    desk.context.db.transaction().execute((trx) =>
      receiveCustomerMessage(desk.context, trx, { channel: 'email', from: { email: 'jan@example.pl', name: 'Jan', locale: 'pl' }, subject: 'Pytanie', body: 'Pytanie o fakturę', acknowledge, priority }),
    );

  it('out of hours tells the customer the next shift’s start (Sunday 10:00), not the SLA calendar’s Monday', async () => {
    const { acknowledgement } = await write('medium');
    expect(acknowledgement?.kind).toBe('ack.closed');
    // Counting from the Sunday shift's start in Warsaw (09:00 UTC): one ticket, a quarter of an hour.
    expect(acknowledgement!.answerBy).toBe('2026-11-29T09:15:00.000Z');
    expect(acknowledgement!.body).toMatch(/niedziela, 29 listopada 10:15/);
  });

  it('out of hours keeps a critical ticket’s SLA promise: the on-call engineer is paged for it', async () => {
    const { acknowledgement } = await write('critical');
    expect(Date.parse(acknowledgement!.answerBy)).toBeLessThan(saturdayNight + 3_600_000);
  });

  it('shares the backlog among the agents on shift, not all the queue’s members', async () => {
    // Monday 12:00 Warsaw: Ana and Cyd are on the weekday shift; Ben, who joins General and is in no rotation, counts as on shift too.
    await desk.context.db.insertInto('queue_members').values({ queue_id: 'general', user_id: 'ben' }).execute();
    clock.advance(Date.parse('2026-11-30T11:00:00Z') - clock.now());
    expect([...(await desk.context.shifts.onShiftAgentIds(desk.context.db, new Date(clock.now())))].sort()).toEqual(['ana', 'ben', 'cyd']);
    // Two tickets from before and six more: eight ahead among three on shift.
    for (let i = 0; i < 6; i++) await write('medium', false);
    expect((await write('medium')).acknowledgement?.kind).toBe('ack.open');
    // Cyd moves to the Sunday shift (still in the queue): nine ahead among two is busy; among all three members it would not be.
    await saveRotation({ ...rotation, shifts: rotation.shifts.map((shift) => ({ ...shift, memberIds: shift.id === 'sunday' ? ['ana', 'cyd'] : ['ana'] })) }, 'replace');
    expect((await write('medium')).acknowledgement?.kind).toBe('ack.busy');
  });
});
