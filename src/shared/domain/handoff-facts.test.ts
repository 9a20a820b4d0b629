import { describe, expect, it } from 'vitest';
import { makeEscalation } from '../alerts/fixtures.js';
import type { Escalation } from './escalation.js';
import { handoffFacts, HANDOFF_FACTS_MAX_LINES } from './handoff-facts.js';
import type { Ticket } from './ticket.js';

const at = Date.parse('2026-11-23T13:30:00.000Z');
const since = Date.parse('2026-11-23T06:00:00.000Z');
const minutes = (n: number) => new Date(at + n * 60_000).toISOString();
const olga = { id: 'u-agent3', queueIds: ['billing'] };

let number = 1000;
function ticket(overrides: Partial<Ticket> & { dueIn?: number } = {}): Ticket {
  const { dueIn = 600, ...rest } = overrides;
  return {
    id: crypto.randomUUID(),
    number: number++,
    subject: 'Invoice wrong',
    requesterName: 'Laura Ozola',
    requesterEmail: 'laura@example.test',
    channel: 'email',
    priority: 'medium',
    customerTier: 'standard',
    type: 'question',
    status: 'open',
    queueId: 'billing',
    assigneeId: null,
    createdAt: minutes(-60),
    updatedAt: minutes(-30),
    firstRespondedAt: null,
    solvedAt: null,
    tags: [],
    sla: {
      ruleId: 'r',
      ruleName: 'Standard',
      calendarId: '24x7',
      computedAt: minutes(-1),
      clocks: [
        { kind: 'firstResponse', state: 'running', targetMinutes: 60, startedAt: minutes(-60), dueAt: minutes(dueIn), warnAt: null, stoppedAt: null, pausedBy: null, elapsedMinutes: 60, remainingMinutes: dueIn, warning: false, nextChangeAt: minutes(dueIn), breaches: 0 },
      ],
    },
    ...rest,
  };
}

/** Marta's escalation of the fixtures, from Olga's queue and with a ticket of its own. */
const escalation = (overrides: Partial<Escalation> = {}): Escalation =>
  makeEscalation({ id: crypto.randomUUID(), ticketNumber: number++, from: { tier: 1, queueId: 'billing', queueName: 'Billing' }, escalatedAt: minutes(-120), ...overrides });

const facts = (input: { tickets?: Ticket[]; escalations?: Escalation[] }) =>
  handoffFacts({ tickets: input.tickets ?? [], escalations: input.escalations ?? [], agent: olga, at, since, names: new Map([['u-agent', 'Marta Nowak']]) });

describe('what a handoff draft is filled with', () => {
  it('lists the agent’s unfinished tickets, most urgent first, and none of anyone else’s or finished', () => {
    const low = ticket({ assigneeId: 'u-agent3', priority: 'low' });
    const critical = ticket({ assigneeId: 'u-agent3', priority: 'critical', status: 'pending' });
    const onHold = ticket({ assigneeId: 'u-agent3', status: 'on_hold' });
    const listed = facts({ tickets: [low, critical, onHold, ticket({ assigneeId: 'u-agent3', status: 'solved' }), ticket({ assigneeId: 'u-agent' })] }).openTickets;
    expect(listed.lines.map((line) => line.number)).toEqual([critical.number, onHold.number, low.number]);
  });

  it('lists the queue’s SLA targets due within 4 hours or overdue, soonest first, saying whose they are', () => {
    const overdue = ticket({ dueIn: -20, assigneeId: 'u-agent' });
    const soon = ticket({ dueIn: 30 });
    const edge = ticket({ dueIn: 240 });
    const later = ticket({ dueIn: 241 });
    const otherQueue = ticket({ dueIn: 10, queueId: 'general' });
    const paused = ticket({ dueIn: 10, sla: null });
    const { slaDue } = facts({ tickets: [later, edge, soon, overdue, otherQueue, paused] });
    expect(slaDue.lines.map((line) => [line.number, line.target, line.assigneeName])).toEqual([
      [overdue.number, 'firstResponse', 'Marta Nowak'],
      [soon.number, 'firstResponse', null],
      [edge.number, 'firstResponse', null],
    ]);
  });

  it('lists the escalations in flight of the agent’s queues: waiting for someone, or taken over during the shift', () => {
    const paging = escalation({ escalatedAt: minutes(-30), level: 2 });
    const exhausted = escalation({ state: 'exhausted', escalatedAt: minutes(-200) });
    const takenOver = escalation({ state: 'acknowledged', acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, acknowledgedAt: minutes(-60), escalatedAt: minutes(-90) });
    const yesterday = escalation({ state: 'acknowledged', acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, acknowledgedAt: minutes(-9 * 60) });
    const resolved = escalation({ state: 'resolved' });
    const elsewhere = escalation({ from: { tier: 1, queueId: 'general', queueName: 'General' } });
    const byOlga = escalation({ from: { tier: 1, queueId: 'general', queueName: 'General' }, escalatedBy: { userId: 'u-agent3', name: 'Olga Smirnova' }, escalatedAt: minutes(-10) });
    const { escalations } = facts({ escalations: [paging, exhausted, takenOver, yesterday, resolved, elsewhere, byOlga] });
    expect(escalations.lines.map((line) => [line.number, line.state, line.acknowledgedBy])).toEqual([
      [exhausted.ticketNumber, 'exhausted', null],
      [takenOver.ticketNumber, 'acknowledged', 'Piotr Zieliński'],
      [paging.ticketNumber, 'paging', null],
      [byOlga.ticketNumber, 'paging', null],
    ]);
  });

  it('stops each list at 30 lines and counts the rest', () => {
    const many = Array.from({ length: HANDOFF_FACTS_MAX_LINES + 7 }, () => ticket({ assigneeId: 'u-agent3' }));
    const { openTickets } = facts({ tickets: many });
    expect([openTickets.lines.length, openTickets.more]).toEqual([30, 7]);
  });
});
