import { describe, expect, it } from 'vitest';
import { AgentRoutingSchema, QueueRoutingSchema, queueOpenAt, queueOpensAt } from './settings.js';

describe('routing settings', () => {
  it('fill the channels an admin left out with the defaults: chat 2, email 6', () => {
    expect(AgentRoutingSchema.parse({ capacity: { chat: 1, phone: 0 } }).capacity).toEqual({ email: 6, web: 6, chat: 1, phone: 0, social: 4, monitoring: 6 });
    expect(AgentRoutingSchema.parse({}).capacity.chat).toBe(2);
  });

  it('refuse a capacity that is not a whole number of tickets, naming the channel', () => {
    const result = AgentRoutingSchema.safeParse({ capacity: { chat: 1.5 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['capacity', 'chat']);
  });

  // Billing takes tickets on weekdays 08:00–18:00 in Warsaw: Saturday 28 November 2026 is closed.
  const billing = QueueRoutingSchema.parse({ calendar: { timeZone: 'Europe/Warsaw', hours: { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']], fri: [['08:00', '18:00']] } } });

  it('know when a queue with a calendar takes tickets, and when it next opens', () => {
    const saturdayNoon = Date.parse('2026-11-28T11:00:00Z');
    expect(queueOpenAt(billing, saturdayNoon)).toBe(false);
    expect(new Date(queueOpensAt(billing, saturdayNoon)).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    const mondayNine = Date.parse('2026-11-30T08:00:00Z');
    expect(queueOpenAt(billing, mondayNine)).toBe(true);
    expect(queueOpensAt(billing, mondayNine)).toBe(mondayNine);
  });

  it('take a queue without a calendar to be always open', () => {
    const always = QueueRoutingSchema.parse({});
    expect(always).toEqual({ skills: [], calendar: null, overflowQueueId: null });
    expect(queueOpenAt(always, 0)).toBe(true);
  });
});
