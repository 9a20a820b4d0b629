import { describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../../shared/domain/ticket.js';
import { TriggerRuleSchema, type TriggerRule } from '../../shared/escalations/settings.js';
import type { ClockReport } from '../../shared/sla/snapshot.js';
import { firedTriggers } from './triggers.js';

const at = '2026-11-23T10:00:00.000Z';
const clock = (kind: ClockReport['kind'], state: ClockReport['state'], warning = false): ClockReport => ({
  kind,
  state,
  targetMinutes: 60,
  startedAt: at,
  dueAt: at,
  warnAt: at,
  stoppedAt: null,
  pausedBy: null,
  elapsedMinutes: 0,
  remainingMinutes: 0,
  warning,
  nextChangeAt: null,
  breaches: state === 'breached' ? 1 : 0,
});
const ticket = (overrides: Partial<Ticket> = {}, clocks: ClockReport[] = []): Ticket => ({
  id: '6f1c1d3e-58c2-4f4b-9a51-0d1c2b6f7a10',
  number: 1042,
  subject: 'Invoice question',
  requesterName: 'Anna Kowalska',
  requesterEmail: 'anna@hurtownia-lux.example',
  channel: 'email',
  priority: 'medium',
  customerTier: 'standard',
  type: 'question',
  status: 'open',
  queueId: 'general',
  assigneeId: null,
  createdAt: at,
  updatedAt: at,
  firstRespondedAt: null,
  solvedAt: null,
  tags: [],
  sla: { ruleId: 'r', ruleName: 'R', calendarId: 'c', computedAt: at, clocks },
  ...overrides,
});
const customerSays = (body: string): Message => ({ id: 'a1b2c3d4-0000-4000-8000-000000000001', ticketId: ticket().id, authorKind: 'customer', authorName: 'Anna', body, isPublic: true, createdAt: at });
const agentSays = (body: string): Message => ({ ...customerSays(body), authorKind: 'agent' });

const rule = (fields: object): TriggerRule => TriggerRuleSchema.parse({ id: 'r1', name: 'Rule', ...fields });
const fired = (rules: TriggerRule[], before: Ticket | null, after: Ticket, messages: Message[] = [], tier = 1) =>
  firedTriggers(rules, before, after, messages, tier).map((f) => [f.trigger, f.detail, f.cause]);

describe('which trigger rules fire for a change of a ticket', () => {
  const breach = rule({ trigger: 'sla_breach', clocks: ['firstResponse'] });
  const warning = rule({ id: 'w', trigger: 'sla_warning' });
  it.each([
    ['a clock that breaches now', breach, ticket({}, [clock('firstResponse', 'running')]), ticket({}, [clock('firstResponse', 'breached')]), [['sla_breach', 'firstResponse', 'r1:firstResponse']]],
    ['a clock that was breached already', breach, ticket({}, [clock('firstResponse', 'breached')]), ticket({}, [clock('firstResponse', 'breached')]), []],
    ['a clock the rule does not watch', breach, ticket({}, [clock('resolution', 'running')]), ticket({}, [clock('resolution', 'breached')]), []],
    ['a warning', warning, ticket({}, [clock('resolution', 'running')]), ticket({}, [clock('resolution', 'running', true)]), [['sla_warning', 'resolution', 'w:resolution']]],
    ['a breach with no warning before it, for a warning rule', warning, ticket({}, [clock('nextReply', 'running')]), ticket({}, [clock('nextReply', 'breached')]), [['sla_warning', 'nextReply', 'w:nextReply']]],
  ])('%s', (_name, theRule, before, after, expected) => {
    expect(fired([theRule], before, after)).toEqual(expected);
  });

  it('fires critical and premium when the ticket becomes so, or opens so, and not again after', () => {
    const critical = rule({ trigger: 'critical' });
    const premium = rule({ id: 'p', trigger: 'premium', match: { priority: ['high', 'critical'] } });
    expect(fired([critical], null, ticket({ priority: 'critical' }))).toEqual([['critical', null, 'r1']]);
    expect(fired([critical], ticket(), ticket({ priority: 'critical' }))).toEqual([['critical', null, 'r1']]);
    expect(fired([critical], ticket({ priority: 'critical' }), ticket({ priority: 'critical', status: 'pending' }))).toEqual([]);
    expect(fired([premium], ticket({ priority: 'high' }), ticket({ priority: 'high', customerTier: 'premium' }))).toEqual([['premium', null, 'p']]);
    expect(fired([premium], null, ticket({ customerTier: 'premium' }))).toEqual([]);
  });

  it('finds keywords and phrases whole, in any case and script, in the subject of a new ticket and in customers’ messages only', () => {
    const words = rule({ trigger: 'keyword', keywords: ['data loss', 'сбой', 'down'] });
    expect(fired([words], null, ticket({ subject: 'DATA LOSS after the upgrade!' }))).toEqual([['keyword', 'data loss', 'r1']]);
    expect(fired([words], ticket(), ticket(), [customerSays('Опять СБОЙ оплаты.')])).toEqual([['keyword', 'сбой', 'r1']]);
    expect(fired([words], null, ticket({ subject: 'Download of the invoice fails' }))).toEqual([]);
    expect(fired([words], ticket(), ticket(), [agentSays('Is the site down for you?')])).toEqual([]);
    // The subject counts once, when the ticket opens.
    expect(fired([words], ticket({ subject: 'Site down' }), ticket({ subject: 'Site down', priority: 'high' }))).toEqual([]);
  });

  it('skips switched-off rules and rules whose match the ticket does not meet, keeping the admins’ order', () => {
    const off = rule({ id: 'off', trigger: 'critical', enabled: false });
    const tierTwoOnly = rule({ id: 't2', trigger: 'critical', match: { queueTier: [2] } });
    const monitoring = rule({ id: 'mon', trigger: 'critical', match: { channel: ['monitoring'] } });
    const any = rule({ id: 'any', trigger: 'critical' });
    const words = rule({ id: 'kw', trigger: 'keyword', keywords: ['outage'] });
    const opened = ticket({ priority: 'critical', subject: 'Outage in Riga' });
    expect(fired([off, tierTwoOnly, monitoring, any, words], null, opened).map(([, , cause]) => cause)).toEqual(['any', 'kw']);
    expect(fired([tierTwoOnly], null, opened, [], 2)).toEqual([['critical', null, 't2']]);
  });
});
