import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../domain/ticket.js';
import type { SlaEvent, SlaFacts } from './clocks.js';
import { compilePolicy, evaluateSla } from './engine.js';
import { SlaPolicySchema, type TicketAttributes } from './policy.js';
import type { SlaSnapshot } from './snapshot.js';
import { clocksAfterStatusChange } from './status-change.js';

const nineToFive: [string, string][] = [['09:00', '17:00']];
const compiled = compilePolicy(
  SlaPolicySchema.parse({
    calendars: {
      always: { timeZone: 'UTC', hours: '24/7' },
      warsaw: { timeZone: 'Europe/Warsaw', hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive } },
    },
    rules: [
      { id: 'premium', name: 'Premium', match: { customerTier: 'premium' }, targets: { firstResponse: 15, nextReply: 30, periodicUpdate: 60, resolution: 240 }, calendar: 'always', warnAtPercent: 80, pauseResolutionOnHold: true },
      { id: 'business', name: 'Business hours', targets: { firstResponse: 60, periodicUpdate: 120, resolution: 8 * 60 }, calendar: 'warsaw' },
    ],
  }),
);
const premium: TicketAttributes = { customerTier: 'premium', priority: 'high', channel: 'chat', type: 'incident' };
const standard: TicketAttributes = { customerTier: 'standard', priority: 'low', channel: 'email', type: 'question' };

// Monday 16:20 in Warsaw: the business calendar closes 40 minutes later.
const start = Date.parse('2026-11-23T15:20:00Z');
const minutes = (m: number) => start + m * 60_000;

function snapshotAt(attributes: TicketAttributes, events: SlaEvent[], nowMinutes: number): SlaSnapshot {
  const facts: SlaFacts = { createdAt: start, events };
  return evaluateSla(compiled, attributes, facts, minutes(nowMinutes))!.snapshot;
}

/**
 * The console's answer for a status change it made offline at `changeAt`, from the server's snapshot
 * taken at `snapshotMinutes`, must be what the server itself computes once it has the change.
 */
function expectLikeServer(attributes: TicketAttributes, history: SlaEvent[], snapshotMinutes: number, change: { from: TicketStatus; to: TicketStatus; atMinutes: number }) {
  const snapshot = snapshotAt(attributes, history, snapshotMinutes);
  const rule = compiled.policy.rules.find((r) => r.id === snapshot.ruleId)!;
  const offline = clocksAfterStatusChange(snapshot, { from: change.from, to: change.to, at: minutes(change.atMinutes) }, rule, compiled.calendars.get(rule.calendar)!);
  const server = snapshotAt(attributes, [...history, { kind: 'status', at: minutes(change.atMinutes), status: change.to }], change.atMinutes);
  const rounded = (s: SlaSnapshot) => s.clocks.map((c) => ({ ...c, elapsedMinutes: Math.round(c.elapsedMinutes * 1000) / 1000, remainingMinutes: Math.round(c.remainingMinutes * 1000) / 1000 }));
  expect(rounded(offline)).toEqual(rounded(server));
  return offline;
}

const customer = (m: number): SlaEvent => ({ kind: 'message', at: minutes(m), authorKind: 'customer', isPublic: true });
const reply = (m: number): SlaEvent => ({ kind: 'message', at: minutes(m), authorKind: 'agent', isPublic: true });
const status = (m: number, to: TicketStatus): SlaEvent => ({ kind: 'status', at: minutes(m), status: to });

describe('a status change made offline', () => {
  it('pauses the customer-facing clocks at once, and only those', () => {
    const paused = expectLikeServer(premium, [status(1, 'open')], 3, { from: 'open', to: 'pending', atMinutes: 5 });
    const byKind = Object.fromEntries(paused.clocks.map((c) => [c.kind, c]));
    expect(byKind.firstResponse).toMatchObject({ state: 'paused', pausedBy: 'pending', dueAt: null, remainingMinutes: 10 });
    expect(byKind.periodicUpdate).toMatchObject({ state: 'running' });
  });

  it('resumes paused clocks from where they stood', () => {
    expectLikeServer(premium, [status(1, 'open'), status(5, 'pending')], 20, { from: 'pending', to: 'open', atMinutes: 40 });
  });

  it('pauses resolution on hold only where the rule says so', () => {
    expectLikeServer(premium, [status(1, 'open'), reply(4)], 30, { from: 'open', to: 'on_hold', atMinutes: 50 });
    expectLikeServer(standard, [status(1, 'open'), reply(4)], 30, { from: 'open', to: 'on_hold', atMinutes: 50 });
  });

  it('counts only open business time between the snapshot and the change', () => {
    // Snapshot Monday 16:30 Warsaw; pending set Tuesday 11:00: 16:20–17:00 and 09:00–11:00 were open.
    const offline = expectLikeServer(standard, [status(1, 'open')], 10, { from: 'open', to: 'pending', atMinutes: 18 * 60 + 40 });
    expect(offline.clocks.find((c) => c.kind === 'firstResponse')).toMatchObject({ state: 'breached', elapsedMinutes: 160 });
  });

  it('marks a breach reached while offline, and stops the clocks when solved', () => {
    expectLikeServer(premium, [status(1, 'open'), customer(2)], 5, { from: 'open', to: 'solved', atMinutes: 45 });
    expectLikeServer(premium, [status(1, 'open'), reply(3)], 5, { from: 'open', to: 'solved', atMinutes: 10 });
  });

  it('starts the clocks again when a solved ticket is reopened', () => {
    expectLikeServer(premium, [status(1, 'open'), reply(3), status(10, 'solved')], 12, { from: 'solved', to: 'open', atMinutes: 30 });
  });
});
