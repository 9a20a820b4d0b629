import { describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../domain/ticket.js';
import { escalationAlerts, ticketAlerts } from './alert-sources.js';
import { makeEscalation, people } from './fixtures.js';

const { piotr, sam } = people;
const escalation = makeEscalation;

const ids = (alerts: { id: string }[]) => alerts.map((alert) => alert.id);

describe('alerts from escalations', () => {
  it('the engineer paged hears of the page, with who escalated and why', () => {
    const [alert] = escalationAlerts([escalation()], 'u-tier2');
    expect(alert).toMatchObject({ kind: 'page', id: 'page:0c6a1d2e-1111-4c4c-8c8c-2d2d2d2d2d2d:1', actor: 'Marta Nowak', reason: 'Tunnel keeps dropping after the firmware update', at: '2026-11-24T02:00:01.000Z', priority: 'high', channel: 'chat' });
  });

  it('each new page (the next level, a decline passing it on) is news again', () => {
    const second = escalation({ paged: [sam, piotr], pages: [...escalation().pages, { at: '2026-11-24T02:05:01.000Z', level: 2, round: 1, targets: [sam, piotr] }] });
    expect(ids(escalationAlerts([second], 'u-tier2'))).toEqual(['page:0c6a1d2e-1111-4c4c-8c8c-2d2d2d2d2d2d:2']);
  });

  it('an answer on its way, or a page of someone else, rings nothing', () => {
    expect(escalationAlerts([escalation({ acknowledgementPending: true })], 'u-tier2')).toEqual([]);
    expect(escalationAlerts([escalation({ declinePending: true })], 'u-tier2')).toEqual([]);
    expect(escalationAlerts([escalation()], 'u-tier3')).toEqual([]);
  });

  it('the agent who escalated hears who acknowledged, who declined and why, and a ladder that ran out', () => {
    const answered = escalation({
      state: 'acknowledged',
      paged: [],
      acknowledgedBy: { userId: 'u-tier3', name: 'Sam Carter' },
      acknowledgedAt: '2026-11-24T02:07:00.000Z',
      declines: [{ userId: 'u-tier2', name: 'Piotr Zieliński', reason: 'On another outage', at: '2026-11-24T02:03:00.000Z' }],
    });
    expect(escalationAlerts([answered], 'u-agent').map(({ kind, actor, reason, at }) => ({ kind, actor, reason, at }))).toEqual([
      { kind: 'acknowledged', actor: 'Sam Carter', reason: null, at: '2026-11-24T02:07:00.000Z' },
      { kind: 'declined', actor: 'Piotr Zieliński', reason: 'On another outage', at: '2026-11-24T02:03:00.000Z' },
    ]);
    expect(ids(escalationAlerts([escalation({ state: 'exhausted', paged: [] })], 'u-agent'))).toEqual(['exhausted:0c6a1d2e-1111-4c4c-8c8c-2d2d2d2d2d2d']);
  });

  it('nobody is told of their own acknowledgement or decline', () => {
    const own = escalation({ escalatedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, state: 'acknowledged', paged: [], acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, acknowledgedAt: '2026-11-24T02:07:00.000Z' });
    expect(escalationAlerts([own], 'u-tier2')).toEqual([]);
  });
});

describe('alerts from tickets', () => {
  const ticket: Ticket = {
    id: '7b0f2d55-8f8e-4f57-9a53-0d6c1c8d1f3a',
    number: 1042,
    subject: 'Invoice shows the wrong VAT',
    requesterName: 'Jan Kowalski',
    requesterEmail: 'jan@example.test',
    channel: 'email',
    priority: 'medium',
    customerTier: 'standard',
    type: 'question',
    status: 'new',
    queueId: 'billing',
    assigneeId: null,
    createdAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
    firstRespondedAt: null,
    solvedAt: null,
    sla: null,
  } as unknown as Ticket;
  const message = (createdAt: string, authorKind: Message['authorKind'] = 'customer'): Message => ({
    id: crypto.randomUUID(),
    ticketId: ticket.id,
    authorKind,
    authorName: 'Jan Kowalski',
    body: 'Any news?',
    isPublic: true,
    createdAt,
  });
  const marta = { id: 'u-agent', queueIds: ['general', 'billing'] };

  it.each([
    ['a ticket arriving unassigned in one of the agent’s queues', ticket, [], '2026-11-24T09:00:00.000Z', ['newTicket']],
    ['a ticket arriving assigned to the agent', { ...ticket, assigneeId: 'u-agent' }, [], '2026-11-24T09:00:00.000Z', ['newTicket']],
    ['a ticket assigned to a colleague', { ...ticket, assigneeId: 'u-agent3' }, [], '2026-11-24T09:00:00.000Z', []],
    ['a ticket in a queue the agent only oversees', { ...ticket, queueId: 'network' }, [], '2026-11-24T09:00:00.000Z', []],
    ['a ticket seen before', ticket, [], '2026-11-24T10:00:00.000Z', []],
    ['the opening message is the arrival, not a reply', { ...ticket, assigneeId: 'u-agent' }, [message('2026-11-24T10:00:00.000Z')], '2026-11-24T09:00:00.000Z', ['newTicket']],
    [
      'a customer writing again on the agent’s ticket; agents’ messages and older ones are not news',
      { ...ticket, assigneeId: 'u-agent', status: 'open' },
      [message('2026-11-24T10:00:00.000Z'), message('2026-11-24T11:00:00.000Z', 'agent'), message('2026-11-24T12:00:00.000Z'), message('2026-11-24T13:00:00.000Z')],
      '2026-11-24T12:30:00.000Z',
      ['customerReply'],
    ],
  ] as const)('%s', (_, subject, messages, since, kinds) => {
    expect(ticketAlerts(subject as Ticket, messages, marta, since).map((alert) => alert.kind)).toEqual(kinds);
  });
});
