import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
