import { describe, expect, it } from 'vitest';
import type { SlaEvent, SlaFacts } from './clocks.js';
import { compilePolicy, evaluateSla, nextWakeUp } from './engine.js';
import { explainSla } from './explain.js';
import { SlaPolicySchema, type TicketAttributes } from './policy.js';

const at = (isoText: string) => Date.parse(isoText);
const nineToFive: [string, string][] = [['09:00', '17:00']];

const compiled = compilePolicy(
  SlaPolicySchema.parse({
    calendars: {
      always: { timeZone: 'UTC', hours: '24/7' },
      warsaw: { timeZone: 'Europe/Warsaw', hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }, holidays: ['2026-12-24'] },
    },
    rules: [
      { id: 'premium-critical', name: 'Premium critical', match: { customerTier: 'premium', priority: 'critical' }, targets: { firstResponse: 15, nextReply: 30, periodicUpdate: 60, resolution: 240 }, calendar: 'always', warnAtPercent: 80, pauseResolutionOnHold: true },
      { id: 'business', name: 'Business hours', match: { channel: ['email', 'web'] }, targets: { firstResponse: 60, resolution: 8 * 60 }, calendar: 'warsaw' },
      { id: 'default', name: 'Everything else', targets: { firstResponse: 120, resolution: 24 * 60 }, calendar: 'always' },
    ],
  }),
);

const premiumCritical: TicketAttributes = { customerTier: 'premium', priority: 'critical', channel: 'chat', type: 'incident' };
const start = at('2026-11-23T02:00:00Z');
const minutes = (m: number) => start + m * 60_000;
const status = (m: number, to: SlaEvent & { kind: 'status' } extends infer E ? E extends { status: infer S } ? S : never : never): SlaEvent => ({ kind: 'status', at: minutes(m), status: to });
const customer = (m: number): SlaEvent => ({ kind: 'message', at: minutes(m), authorKind: 'customer', isPublic: true });
const agentReply = (m: number): SlaEvent => ({ kind: 'message', at: minutes(m), authorKind: 'agent', isPublic: true });
const agentNote = (m: number): SlaEvent => ({ kind: 'message', at: minutes(m), authorKind: 'agent', isPublic: false });

function clocks(events: SlaEvent[], nowMinutes: number, attributes = premiumCritical, createdAt = start) {
  const facts: SlaFacts = { createdAt, events };
  const evaluation = evaluateSla(compiled, attributes, facts, minutes(nowMinutes));
  if (!evaluation) throw new Error('no rule matched');
  return Object.fromEntries(evaluation.snapshot.clocks.map((c) => [c.kind, c]));
}

describe('SLA clocks', () => {
  it('first response runs from creation and stops at the first public agent reply', () => {
    const running = clocks([], 5).firstResponse!;
    expect(running).toMatchObject({ state: 'running', elapsedMinutes: 5, remainingMinutes: 10, dueAt: '2026-11-23T02:15:00.000Z' });
    const met = clocks([agentReply(9)], 30).firstResponse!;
    expect(met).toMatchObject({ state: 'met', elapsedMinutes: 9, stoppedAt: '2026-11-23T02:09:00.000Z', nextChangeAt: null });
  });

  it('an internal note does not count as the first response', () => {
    expect(clocks([agentNote(3)], 20).firstResponse).toMatchObject({ state: 'breached', elapsedMinutes: 20, dueAt: '2026-11-23T02:15:00.000Z' });
  });

  it('pending pauses first response but not the internal update clock', () => {
    const c = clocks([status(4, 'pending')], 50);
    expect(c.firstResponse).toMatchObject({ state: 'paused', pausedBy: 'pending', elapsedMinutes: 4, remainingMinutes: 11, dueAt: null, nextChangeAt: null });
    expect(c.periodicUpdate).toMatchObject({ state: 'running', elapsedMinutes: 50 });
  });

  it('a pause that starts this very instant already pauses the clock', () => {
    expect(clocks([status(7, 'pending')], 7).firstResponse).toMatchObject({ state: 'paused', pausedBy: 'pending', elapsedMinutes: 7, nextChangeAt: null });
  });

  it('pause and resume: the clock picks up where it stopped', () => {
    const c = clocks([status(4, 'pending'), status(34, 'open')], 40);
    // 4 minutes before the pause, 6 after it: 5 left, so due 30 paused minutes later than planned.
    expect(c.firstResponse).toMatchObject({ state: 'running', elapsedMinutes: 10, dueAt: '2026-11-23T02:45:00.000Z' });
  });

  it('next reply starts at a customer message that follows an agent reply, and stops at the next reply', () => {
    expect(clocks([agentReply(5), customer(10)], 25).nextReply).toMatchObject({ state: 'running', startedAt: '2026-11-23T02:10:00.000Z', elapsedMinutes: 15 });
    expect(clocks([agentReply(5), customer(10), customer(12)], 25).nextReply?.startedAt).toBe('2026-11-23T02:10:00.000Z');
    expect(clocks([agentReply(5), customer(10), agentReply(20)], 60).nextReply).toMatchObject({ state: 'met', elapsedMinutes: 10 });
    expect(clocks([customer(1)], 25).nextReply).toBeUndefined();
  });

  it('counts every next-reply cycle that breached', () => {
    const c = clocks([agentReply(5), customer(10), agentReply(50), customer(60), agentReply(65)], 70);
    expect(c.nextReply).toMatchObject({ state: 'met', breaches: 1 });
  });

  it('resolution stops at solved and resumes on reopen', () => {
    expect(clocks([agentReply(5), status(100, 'solved')], 200).resolution).toMatchObject({ state: 'met', elapsedMinutes: 100, stoppedAt: '2026-11-23T03:40:00.000Z' });
    expect(clocks([agentReply(5), status(100, 'solved'), status(160, 'open')], 200).resolution).toMatchObject({ state: 'running', elapsedMinutes: 140, stoppedAt: null });
  });

  it('on-hold pauses resolution only when the policy says so', () => {
    const onHold = [agentReply(5), status(10, 'on_hold' as const)];
    expect(clocks(onHold, 70).resolution).toMatchObject({ state: 'paused', pausedBy: 'on_hold', elapsedMinutes: 10 });
    const standard = { ...premiumCritical, customerTier: 'standard' as const };
    expect(clocks(onHold, 70, standard).resolution).toMatchObject({ state: 'running', elapsedMinutes: 70 });
  });

  it('a priority change re-targets from the original start', () => {
    const asHigh = clocks([], 30, { ...premiumCritical, priority: 'high' }).firstResponse!;
    expect(asHigh).toMatchObject({ targetMinutes: 120, state: 'running', elapsedMinutes: 30, dueAt: '2026-11-23T04:00:00.000Z' });
    const raisedToCritical = clocks([], 30).firstResponse!;
    expect(raisedToCritical).toMatchObject({ targetMinutes: 15, state: 'breached', dueAt: '2026-11-23T02:15:00.000Z' });
  });

  it('a ticket created outside business hours starts counting when the calendar opens', () => {
    const email = { ...premiumCritical, priority: 'low' as const, channel: 'email' as const };
    const c = clocks([], 60, email);
    // 03:00 Warsaw on a Monday: nothing counts before 09:00.
    expect(c.firstResponse).toMatchObject({ state: 'running', elapsedMinutes: 0, dueAt: '2026-11-23T09:00:00.000Z' });
  });

  it('a reply written offline counts when it reaches the server', () => {
    const lateReply: SlaEvent = { kind: 'message', at: minutes(20), writtenAt: minutes(8), authorKind: 'agent', isPublic: true };
    const evaluation = evaluateSla(compiled, premiumCritical, { createdAt: start, events: [lateReply] }, minutes(30))!;
    expect(evaluation.snapshot.clocks.find((c) => c.kind === 'firstResponse')).toMatchObject({ state: 'breached', elapsedMinutes: 20 });
    const explanation = explainSla(evaluation, { createdAt: start, events: [lateReply] }, 'always');
    expect(explanation.lateMessages).toEqual([{ writtenAt: '2026-11-23T02:08:00.000Z', receivedAt: '2026-11-23T02:20:00.000Z' }]);
  });

  it('raises the warning at the threshold and names the next instant anything changes', () => {
    const before = clocks([], 10).firstResponse!;
    expect(before).toMatchObject({ warning: false, warnAt: '2026-11-23T02:12:00.000Z', nextChangeAt: '2026-11-23T02:12:00.000Z' });
    const after = clocks([], 13).firstResponse!;
    expect(after).toMatchObject({ warning: true, nextChangeAt: '2026-11-23T02:15:00.000Z' });
  });

  it('schedules one wake-up per ticket: the earliest change of any clock', () => {
    const evaluation = evaluateSla(compiled, premiumCritical, { createdAt: start, events: [] }, minutes(1))!;
    expect(nextWakeUp(evaluation.snapshot)).toBe('2026-11-23T02:12:00.000Z');
  });
});

describe('SLA explanations', () => {
  it('says which rule matched and why, and which rules were passed over', () => {
    const email = { customerTier: 'standard' as const, priority: 'low' as const, channel: 'email' as const, type: 'question' as const };
    const facts = { createdAt: at('2026-12-23T15:00:00Z'), events: [] };
    const evaluation = evaluateSla(compiled, email, facts, at('2026-12-28T09:00:00Z'))!;
    const explanation = explainSla(evaluation, facts, 'warsaw');
    expect(explanation.ruleId).toBe('business');
    expect(explanation.reasons).toEqual([{ field: 'channel', value: 'email', oneOf: ['email', 'web'] }]);
    expect(explanation.skipped).toEqual([{ ruleId: 'premium-critical', field: 'customerTier', value: 'standard' }]);
    const resolution = explanation.clocks.find((c) => c.kind === 'resolution')!;
    // 23 Dec 16:00–17:00 counted, then the Christmas Eve holiday and the weekend are closed.
    expect(resolution.entries[0]).toMatchObject({ kind: 'counted', from: '2026-12-23T15:00:00.000Z', to: '2026-12-23T16:00:00.000Z', minutes: 60, localDate: '2026-12-23' });
    expect(resolution.entries[1]).toMatchObject({ kind: 'closed', holidays: ['2026-12-24'] });
  });

  it('records a DST shift inside a counted interval', () => {
    const allDay: [string, string][] = [['00:00', '24:00']];
    const warsawAllDay = compilePolicy(
      SlaPolicySchema.parse({
        calendars: { warsaw: { timeZone: 'Europe/Warsaw', hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } } },
        rules: [{ id: 'all', name: 'All', targets: { resolution: 24 * 60 }, calendar: 'warsaw' }],
      }),
    );
    // Sunday 29 March 2026: local midnight (23:00Z the day before) to 12:00 local (10:00Z) is 11 real hours.
    const facts = { createdAt: at('2026-03-28T23:00:00Z'), events: [] };
    const evaluation = evaluateSla(warsawAllDay, premiumCritical, facts, at('2026-03-29T10:00:00Z'))!;
    const [counted] = explainSla(evaluation, facts, 'warsaw').clocks[0]!.entries;
    expect(counted).toMatchObject({ kind: 'counted', minutes: 11 * 60, localDate: '2026-03-29', dstShiftMinutes: 60 });
  });
});
