import { z } from 'zod';
import { slaCountdown } from '../sla/countdown.js';
import { awaitsAcknowledgement, type Escalation } from './escalation.js';
import { PrioritySchema, TicketStatusSchema, IsoDateTimeSchema, type Ticket } from './ticket.js';

/** How far ahead a handoff draft lists SLA targets: the incoming shift's first hours. */
export const HANDOFF_SLA_HORIZON_MS = 4 * 3_600_000;

/** Where the draft's lists stop, so a desk on fire still gets a note that fits (the rest is counted). */
export const HANDOFF_FACTS_MAX_LINES = 30;

const TicketLine = {
  ticketId: z.uuid(),
  number: z.number().int().positive(),
  subject: z.string(),
};

/** A ticket of the outgoing agent's that is not finished. */
export const HandoffOpenTicketSchema = z.object({ ...TicketLine, status: TicketStatusSchema, priority: PrioritySchema });
export type HandoffOpenTicket = z.infer<typeof HandoffOpenTicketSchema>;

/** A customer-facing SLA target of the agent's queues that falls due (or fell due) before the horizon. */
export const HandoffSlaDueSchema = z.object({
  ...TicketLine,
  target: z.enum(['firstResponse', 'nextReply', 'resolution']),
  dueAt: IsoDateTimeSchema,
  assigneeId: z.string().nullable(),
  /** So the draft can say whose it is; null when unassigned (or the colleague is unknown here). */
  assigneeName: z.string().nullable(),
});
export type HandoffSlaDue = z.infer<typeof HandoffSlaDueSchema>;

/** An escalation of the agent's queues (or theirs) still waiting for someone, or taken over during their shift. */
export const HandoffEscalationSchema = z.object({
  escalationId: z.uuid(),
  ...TicketLine,
  toQueueName: z.string(),
  state: z.enum(['paging', 'exhausted', 'acknowledged']),
  level: z.number().int().positive(),
  levelCount: z.number().int().positive(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: IsoDateTimeSchema.nullable(),
});
export type HandoffEscalation = z.infer<typeof HandoffEscalationSchema>;

const listOf = <T extends z.ZodType>(line: T) => z.object({ lines: z.array(line), more: z.number().int().min(0) });

/** What a handoff draft is filled with, read from the replica (so offline too) at one instant. */
export const HandoffFactsSchema = z.object({
  at: IsoDateTimeSchema,
  openTickets: listOf(HandoffOpenTicketSchema),
  slaDue: listOf(HandoffSlaDueSchema),
  escalations: listOf(HandoffEscalationSchema),
});
export type HandoffFacts = z.infer<typeof HandoffFactsSchema>;

const unfinished = new Set<Ticket['status']>(['new', 'open', 'pending', 'on_hold']);
const priorityRank = { critical: 0, high: 1, medium: 2, low: 3 } as const;

function capped<T>(lines: readonly T[]): { lines: T[]; more: number } {
  return { lines: lines.slice(0, HANDOFF_FACTS_MAX_LINES), more: Math.max(0, lines.length - HANDOFF_FACTS_MAX_LINES) };
}

export interface HandoffFactsInput {
  tickets: readonly Ticket[];
  escalations: readonly Escalation[];
  /** The outgoing agent and the queues they work in. */
  agent: { id: string; queueIds: readonly string[] };
  at: number;
  /** When the shift being handed over began: escalations taken over since then are still news. */
  since: number;
  /** Colleagues' names by id, to say whose a ticket is. */
  names: ReadonlyMap<string, string>;
}

/**
 * The lists a handoff draft starts with: the agent's unfinished tickets (most urgent first); the SLA
 * targets of their queues (anyone's tickets: the next shift inherits the queue) that run out within
 * four hours or already have, soonest first; and the escalations in flight from, to or by them —
 * still waiting for someone (paging, or run out of levels), or acknowledged during the shift, oldest
 * first. A countdown is read from the ticket's snapshot, as the queue shows it, so the draft agrees
 * with what the agent sees.
 */
export function handoffFacts({ tickets, escalations, agent, at, since, names }: HandoffFactsInput): HandoffFacts {
  const open = tickets
    .filter((ticket) => ticket.assigneeId === agent.id && unfinished.has(ticket.status))
    .sort((a, b) => priorityRank[a.priority] - priorityRank[b.priority] || a.number - b.number)
    .map((ticket) => ({ ticketId: ticket.id, number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority }));
  const due = tickets
    .filter((ticket) => unfinished.has(ticket.status) && (agent.queueIds.includes(ticket.queueId) || ticket.assigneeId === agent.id))
    .flatMap((ticket) => {
      const countdown = slaCountdown(ticket, at);
      if (countdown.state !== 'running' && countdown.state !== 'breached') return [];
      if (countdown.dueMs > at + HANDOFF_SLA_HORIZON_MS) return [];
      const assigneeName = ticket.assigneeId === null ? null : (names.get(ticket.assigneeId) ?? null);
      return [{ ticketId: ticket.id, number: ticket.number, subject: ticket.subject, target: countdown.target, dueAt: new Date(countdown.dueMs).toISOString(), assigneeId: ticket.assigneeId, assigneeName }];
    })
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.number - b.number);
  const involves = (escalation: Escalation) =>
    escalation.escalatedBy.userId === agent.id || agent.queueIds.includes(escalation.from.queueId) || agent.queueIds.includes(escalation.to.queueId);
  const inFlight = escalations
    .filter((escalation) => involves(escalation) && (awaitsAcknowledgement(escalation) || (escalation.state === 'acknowledged' && escalation.acknowledgedAt !== null && Date.parse(escalation.acknowledgedAt) >= since)))
    .sort((a, b) => Date.parse(a.escalatedAt) - Date.parse(b.escalatedAt))
    .map((escalation) => ({
      escalationId: escalation.id,
      ticketId: escalation.ticketId,
      number: escalation.ticketNumber,
      subject: escalation.ticketSubject,
      toQueueName: escalation.to.queueName,
      state: escalation.state as HandoffEscalation['state'],
      level: escalation.level,
      levelCount: escalation.levelCount,
      acknowledgedBy: escalation.acknowledgedBy?.name ?? null,
      acknowledgedAt: escalation.acknowledgedAt,
    }));
  return { at: new Date(at).toISOString(), openTickets: capped(open), slaDue: capped(due), escalations: capped(inFlight) };
}
