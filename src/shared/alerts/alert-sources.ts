import type { LocalEscalation } from '../desk-api/contract.js';
import { isPagingUser } from '../domain/escalation.js';
import type { User } from '../domain/people.js';
import type { Message, Ticket } from '../domain/ticket.js';
import type { Alert } from './alert.js';

type EscalationFacts = Pick<
  LocalEscalation,
  | 'id' | 'ticketId' | 'ticketNumber' | 'ticketSubject' | 'priority' | 'channel' | 'customerTier' | 'reason' | 'escalatedBy' | 'state'
  | 'paged' | 'pages' | 'acknowledgedBy' | 'acknowledgedAt' | 'declines' | 'updatedAt' | 'acknowledgementPending' | 'declinePending'
>;

function aboutEscalation(escalation: EscalationFacts): Omit<Alert, 'id' | 'kind' | 'at' | 'actor' | 'reason'> {
  const { ticketId, ticketNumber, ticketSubject, priority, channel, customerTier } = escalation;
  return { ticketId, ticketNumber, ticketSubject, priority, channel, customerTier, escalationId: escalation.id };
}

/**
 * Whether the escalation pages the user now and waits on them: paged, and not answered here already
 * (an acknowledgement or decline still on its way counts as answered, so the ringing stops at once).
 */
export function pagesAwaitingAnswer(escalation: EscalationFacts, userId: string): boolean {
  return isPagingUser(escalation, userId) && !escalation.acknowledgementPending && !escalation.declinePending;
}

/**
 * Every event of these escalations the user is told of: the page they are answering now (a new id per
 * page, so the next level or round is news again), and for escalations they made, who acknowledged,
 * who declined and why, and a ladder that ran out.
 */
export function escalationAlerts(escalations: readonly EscalationFacts[], userId: string): Alert[] {
  return escalations.flatMap((escalation): Alert[] => {
    const about = aboutEscalation(escalation);
    const alerts: Alert[] = [];
    if (pagesAwaitingAnswer(escalation, userId)) {
      const page = escalation.pages.at(-1);
      alerts.push({ ...about, id: `page:${escalation.id}:${escalation.pages.length}`, kind: 'page', at: page?.at ?? escalation.updatedAt, actor: escalation.escalatedBy.name, reason: escalation.reason });
    }
    if (escalation.escalatedBy.userId !== userId) return alerts;
    const { acknowledgedBy, acknowledgedAt } = escalation;
    if (acknowledgedBy && acknowledgedAt && acknowledgedBy.userId !== userId) {
      alerts.push({ ...about, id: `acknowledged:${escalation.id}`, kind: 'acknowledged', at: acknowledgedAt, actor: acknowledgedBy.name, reason: null });
    }
    escalation.declines.forEach((decline, index) => {
      if (decline.userId === userId) return;
      alerts.push({ ...about, id: `declined:${escalation.id}:${index}`, kind: 'declined', at: decline.at, actor: decline.name, reason: decline.reason });
    });
    if (escalation.state === 'exhausted') alerts.push({ ...about, id: `exhausted:${escalation.id}`, kind: 'exhausted', at: escalation.updatedAt, actor: null, reason: null });
    return alerts;
  });
}

/**
 * News of one ticket since `since`: it arrived in one of the user's own queues (unassigned or theirs),
 * or, assigned to them, its customer wrote. The message a ticket opens with is the arrival, not a reply.
 */
export function ticketAlerts(ticket: Ticket, messages: readonly Message[], user: Pick<User, 'id' | 'queueIds'>, since: string): Alert[] {
  const about = {
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    ticketSubject: ticket.subject,
    priority: ticket.priority,
    channel: ticket.channel,
    customerTier: ticket.customerTier,
    escalationId: null,
    reason: null,
  };
  const after = (iso: string) => Date.parse(iso) > Date.parse(since);
  const alerts: Alert[] = [];
  const arrived = after(ticket.createdAt) && user.queueIds.includes(ticket.queueId) && (ticket.assigneeId === null || ticket.assigneeId === user.id);
  if (arrived) alerts.push({ ...about, id: `newTicket:${ticket.id}`, kind: 'newTicket', at: ticket.createdAt, actor: ticket.requesterName });
  if (ticket.assigneeId === user.id) {
    for (const message of messages) {
      if (message.authorKind !== 'customer' || !after(message.createdAt) || Date.parse(message.createdAt) <= Date.parse(ticket.createdAt)) continue;
      alerts.push({ ...about, id: `customerReply:${message.id}`, kind: 'customerReply', at: message.createdAt, actor: message.authorName });
    }
  }
  return alerts;
}
