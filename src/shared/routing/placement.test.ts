import { describe, expect, it } from 'vitest';
import type { Channel } from '../domain/ticket.js';
import { afterAssignment, compareWaiting, placeTicket, type RoutingAgent, type RoutingDesk, type RoutingQueue, type TicketToPlace } from './placement.js';
import { defaultCapacity } from './settings.js';

type AgentSpec = Partial<Omit<RoutingAgent, 'id' | 'name' | 'capacity' | 'load'>> & { capacity?: Partial<Record<Channel, number>>; load?: Partial<Record<Channel, number>> };
type QueueSpec = Partial<Omit<RoutingQueue, 'id' | 'name'>>;

/** A desk of agents (online, on shift, no skills, default capacity, nothing to do) and queues (open, everyone a member). */
function desk(agents: Record<string, AgentSpec>, queues: Record<string, QueueSpec> = { billing: {} }): RoutingDesk {
  return {
    agents: new Map(
      Object.entries(agents).map(([id, spec]) => [
        id,
        { id, name: id, status: 'online', onShift: true, skills: [], lastRoutedSeq: 0, ...spec, capacity: { ...defaultCapacity, ...spec.capacity }, load: spec.load ?? {} },
      ]),
    ),
    queues: new Map(
      Object.entries(queues).map(([id, spec]) => [id, { id, name: id, open: true, skills: [], overflowQueueId: null, memberIds: Object.keys(agents), ...spec }]),
    ),
  };
}

const email = (queueId = 'billing', ruleSkills: TicketToPlace['ruleSkills'] = null): TicketToPlace => ({ queueId, channel: 'email', ruleSkills });
const chat = (queueId = 'billing'): TicketToPlace => ({ queueId, channel: 'chat', ruleSkills: null });

describe('which agent a ticket goes to inside its queue', () => {
  it.each<{ rule: string; agents: Record<string, AgentSpec>; ticket: TicketToPlace; chosen: string | null }>([
    { rule: 'the least loaded on the ticket’s channel', agents: { ana: { load: { email: 3 } }, ben: { load: { email: 1 } }, cyd: { load: { email: 2 } } }, ticket: email(), chosen: 'ben' },
    { rule: 'load on other channels does not count', agents: { ana: { load: { email: 1, chat: 0 } }, ben: { load: { chat: 2, email: 0 } } }, ticket: email(), chosen: 'ben' },
    { rule: 'load as a share of capacity: 1 of 3 chats is less than 1 of 2', agents: { ana: { load: { chat: 1 } }, ben: { load: { chat: 1 }, capacity: { chat: 3 } } }, ticket: chat(), chosen: 'ben' },
    { rule: 'among equals, whoever routing served longest ago', agents: { ana: { lastRoutedSeq: 7 }, ben: { lastRoutedSeq: 9 }, cyd: { lastRoutedSeq: 8 } }, ticket: email(), chosen: 'ana' },
    { rule: 'someone never served goes first among equals', agents: { ana: { lastRoutedSeq: 3 }, ben: {} }, ticket: email(), chosen: 'ben' },
    { rule: 'never an offline agent, however idle', agents: { ana: { status: 'offline' }, ben: { load: { email: 5 } } }, ticket: email(), chosen: 'ben' },
    { rule: 'never an away agent', agents: { ana: { status: 'away' }, ben: { load: { email: 5 } } }, ticket: email(), chosen: 'ben' },
    { rule: 'never an agent off shift', agents: { ana: { onShift: false }, ben: { load: { email: 4 } } }, ticket: email(), chosen: 'ben' },
    { rule: 'never an agent at capacity on the channel', agents: { ana: { load: { chat: 2 } }, ben: { load: { chat: 1 } } }, ticket: chat(), chosen: 'ben' },
    { rule: 'a capacity of 0 takes none of that channel', agents: { ana: { capacity: { chat: 0 } }, ben: { load: { chat: 1 } } }, ticket: chat(), chosen: 'ben' },
    { rule: 'the rule’s skills are required in the rule’s queue', agents: { ana: {}, ben: { skills: ['russian'], load: { email: 5 } } }, ticket: email('billing', { queueId: 'billing', skills: ['russian'] }), chosen: 'ben' },
    { rule: 'the rule’s skills do not follow the ticket to another queue', agents: { ana: {}, ben: { skills: ['russian'], load: { email: 5 } } }, ticket: email('billing', { queueId: 'general', skills: ['russian'] }), chosen: 'ana' },
    { rule: 'everyone full: nobody, the ticket waits', agents: { ana: { load: { email: 6 } }, ben: { load: { email: 7 } } }, ticket: email(), chosen: null },
    { rule: 'nobody online: the ticket waits', agents: { ana: { status: 'offline' }, ben: { status: 'away' } }, ticket: email(), chosen: null },
  ])('$rule', ({ agents, ticket, chosen }) => {
    const placement = placeTicket(desk(agents), ticket);
    expect(placement.agentId).toBe(chosen);
    expect(placement.outcome).toBe(chosen ? 'assigned' : 'waiting');
    expect(placement.queueId).toBe('billing');
  });

  it('asks the queue’s own skills of everyone, and records why each candidate did or did not get it with their load at that moment', () => {
    const agents = {
      ana: { skills: ['billing'], status: 'offline' as const },
      ben: { skills: ['billing'], status: 'away' as const },
      cyd: { skills: ['billing'], onShift: false },
      dan: { skills: [] },
      eve: { skills: ['billing'], load: { email: 6 } },
      fay: { skills: ['billing'], load: { email: 2 } },
      gus: { skills: ['billing'], load: { email: 4 } },
    };
    const { steps, agentId } = placeTicket(desk(agents, { billing: { skills: ['billing'] } }), email());
    expect(agentId).toBe('fay');
    expect(steps).toHaveLength(1);
    expect(steps[0]!.requiredSkills).toEqual(['billing']);
    expect(steps[0]!.candidates.map((c) => [c.agentId, c.verdict, c.load, c.capacity])).toEqual([
      ['ana', 'offline', 0, 6],
      ['ben', 'away', 0, 6],
      ['cyd', 'off_shift', 0, 6],
      ['dan', 'missing_skills', 0, 6],
      ['eve', 'full', 6, 6],
      ['fay', 'chosen', 2, 6],
      ['gus', 'eligible', 4, 6],
    ]);
    expect(steps[0]!.candidates.find((c) => c.agentId === 'dan')!.missingSkills).toEqual(['billing']);
  });

  it('goes round robin among equals: each one in turn, then the first again', () => {
    let current = desk({ ana: {}, ben: {}, cyd: {} });
    const order: (string | null)[] = [];
    for (let seq = 1; seq <= 4; seq++) {
      const { agentId } = placeTicket(current, chat());
      order.push(agentId);
      // Each one also carries a chat now; the fourth finds them all at 1 of 2 and goes by turn.
      current = afterAssignment(current, agentId!, 'chat', seq);
    }
    expect(order).toEqual(['ana', 'ben', 'cyd', 'ana']);
    // Ana now has two chats of two: the next chat goes to the next in turn, and after Cyd nobody has room.
    expect(placeTicket(current, chat()).agentId).toBe('ben');
  });
});

describe('when nobody in the queue can take the ticket', () => {
  const full = { load: { email: 6 } };
  const members = (ids: string[]) => ({ memberIds: ids });

  it.each<{ rule: string; queues: Record<string, QueueSpec>; agents: Record<string, AgentSpec>; outcome: string; queueId: string; agentId: string | null; tried: string[] }>([
    {
      rule: 'the overflow queue takes it when someone there can',
      agents: { ana: full, ben: {} },
      queues: { billing: { ...members(['ana']), overflowQueueId: 'general' }, general: members(['ben']) },
      outcome: 'overflowed',
      queueId: 'general',
      agentId: 'ben',
      tried: ['billing', 'general'],
    },
    {
      rule: 'the overflow queue is full too: it waits in its own queue',
      agents: { ana: full, ben: full },
      queues: { billing: { ...members(['ana']), overflowQueueId: 'general' }, general: members(['ben']) },
      outcome: 'waiting',
      queueId: 'billing',
      agentId: null,
      tried: ['billing', 'general'],
    },
    {
      rule: 'overflow follows the overflow queue’s own overflow',
      agents: { ana: full, ben: full, cyd: {} },
      queues: { billing: { ...members(['ana']), overflowQueueId: 'general' }, general: { ...members(['ben']), overflowQueueId: 'network' }, network: members(['cyd']) },
      outcome: 'overflowed',
      queueId: 'network',
      agentId: 'cyd',
      tried: ['billing', 'general', 'network'],
    },
    {
      rule: 'a loop of overflow queues is tried once round',
      agents: { ana: full, ben: full },
      queues: { billing: { ...members(['ana']), overflowQueueId: 'general' }, general: { ...members(['ben']), overflowQueueId: 'billing' } },
      outcome: 'waiting',
      queueId: 'billing',
      agentId: null,
      tried: ['billing', 'general'],
    },
    {
      rule: 'a closed queue assigns nobody and overflows to an open one',
      agents: { ana: {}, ben: {} },
      queues: { billing: { ...members(['ana']), open: false, overflowQueueId: 'general' }, general: members(['ben']) },
      outcome: 'overflowed',
      queueId: 'general',
      agentId: 'ben',
      tried: ['billing', 'general'],
    },
    {
      rule: 'a closed queue without overflow: it waits for the queue to open',
      agents: { ana: {} },
      queues: { billing: { ...members(['ana']), open: false } },
      outcome: 'waiting',
      queueId: 'billing',
      agentId: null,
      tried: ['billing'],
    },
    {
      rule: 'the rule’s skills are not asked in the overflow queue',
      agents: { ana: { skills: ['russian'], ...full }, ben: {} },
      queues: { billing: { ...members(['ana']), overflowQueueId: 'general' }, general: members(['ben']) },
      outcome: 'overflowed',
      queueId: 'general',
      agentId: 'ben',
      tried: ['billing', 'general'],
    },
  ])('$rule', ({ agents, queues, outcome, queueId, agentId, tried }) => {
    const placement = placeTicket(desk(agents, queues), email('billing', { queueId: 'billing', skills: ['russian'] }));
    expect(placement.outcome).toBe(outcome);
    expect(placement.queueId).toBe(queueId);
    expect(placement.agentId).toBe(agentId);
    expect(placement.steps.map((step) => step.queueId)).toEqual(tried);
  });

  it('shows a closed queue as closed, with nobody judged', () => {
    const { steps } = placeTicket(desk({ ana: {} }, { billing: { open: false } }), email());
    expect(steps).toEqual([{ queueId: 'billing', queueName: 'billing', open: false, requiredSkills: [], candidates: [] }]);
  });
});

describe('the order waiting tickets are placed in', () => {
  it('most urgent first, then oldest first, then by number', () => {
    const waiting = [
      { number: 1, priority: 'low' as const, createdAt: '2026-01-01T08:00:00Z' },
      { number: 2, priority: 'critical' as const, createdAt: '2026-01-01T09:00:00Z' },
      { number: 3, priority: 'high' as const, createdAt: '2026-01-01T07:00:00Z' },
      { number: 5, priority: 'high' as const, createdAt: '2026-01-01T06:00:00Z' },
      { number: 4, priority: 'high' as const, createdAt: '2026-01-01T06:00:00Z' },
    ];
    expect([...waiting].sort(compareWaiting).map((t) => t.number)).toEqual([2, 4, 5, 3, 1]);
  });
});
