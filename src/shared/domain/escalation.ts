import { z } from 'zod';
import { ChannelSchema, CustomerTierSchema, IsoDateTimeSchema, PrioritySchema, type Ticket } from './ticket.js';
import { seesAllQueues, SupportTierSchema, type Queue, type SupportTier, type User } from './people.js';

/**
 * What set an escalation off: an agent's button (manual) or one of the admins' trigger rules. The
 * console names each in the agent's language; `detail` says which clock or keyword.
 */
export const escalationTriggers = ['manual', 'sla_warning', 'sla_breach', 'critical', 'premium', 'keyword'] as const;
export const EscalationTriggerSchema = z.enum(escalationTriggers);
export type EscalationTrigger = z.infer<typeof EscalationTriggerSchema>;

/**
 * - paging: the ladder runs; someone is being paged and must acknowledge.
 * - acknowledged: someone took it; the ladder stopped.
 * - exhausted: every level of every round went unanswered; the supervisors were told.
 * - resolved: the ticket was solved or closed before anyone acknowledged.
 * - superseded: a later escalation of the same ticket (to another tier, say) took over its ladder.
 * A decline is not a state: it pages the next target at once, and the ladder runs on.
 */
export const escalationStates = ['paging', 'acknowledged', 'exhausted', 'resolved', 'superseded'] as const;
export const EscalationStateSchema = z.enum(escalationStates);
export type EscalationState = z.infer<typeof EscalationStateSchema>;

export function isLadderRunning(escalation: Pick<Escalation, 'state'>): boolean {
  return escalation.state === 'paging';
}

/** Nobody has taken it yet: its ladder runs, or ran out and it waits for a supervisor or the queue. */
export function awaitsAcknowledgement(escalation: Pick<Escalation, 'state'>): boolean {
  return escalation.state === 'paging' || escalation.state === 'exhausted';
}

/** Where an agent sends a ticket: the queue of a higher tier, or a named queue. */
export const EscalationTargetSchema = z.union([
  z.object({ tier: z.union([z.literal(2), z.literal(3)]) }).strict(),
  z.object({ queueId: z.string().trim().min(1).max(200) }).strict(),
]);
export type EscalationTarget = z.infer<typeof EscalationTargetSchema>;

/** Why the agent escalates: mandatory, so the engineer paged at 3 a.m. knows what they wake up to. */
export const ESCALATION_REASON_MAX = 2_000;
export const EscalationReasonSchema = z.string().trim().min(1, 'a reason is required').max(ESCALATION_REASON_MAX);

/** A person, or the system (userId null) for automatic triggers and timeouts. */
export const EscalationActorSchema = z.object({ userId: z.string().nullable(), name: z.string() });
export type EscalationActor = z.infer<typeof EscalationActorSchema>;

export const EscalationEndSchema = z.object({ tier: SupportTierSchema, queueId: z.string(), queueName: z.string() });

/** Someone paged: a colleague (who acknowledges in the console) or a vendor's support desk (mailed). */
export const PagedTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('vendor'), name: z.string(), email: z.string() }),
]);
export type PagedTarget = z.infer<typeof PagedTargetSchema>;

/** One step of the ladder as it happened: who was paged at which level and round. */
export const EscalationPageSchema = z.object({
  at: IsoDateTimeSchema,
  level: z.number().int().positive(),
  round: z.number().int().positive(),
  targets: z.array(PagedTargetSchema),
});
export type EscalationPage = z.infer<typeof EscalationPageSchema>;

export const EscalationDeclineSchema = z.object({
  userId: z.string(),
  name: z.string(),
  reason: EscalationReasonSchema,
  at: IsoDateTimeSchema,
});
export type EscalationDecline = z.infer<typeof EscalationDeclineSchema>;

/** An escalation as every console involved sees it (and as REST returns it). */
export const EscalationSchema = z.object({
  /** Minted by whoever escalates (a console offline too), so a retried escalation is the same one. */
  id: z.uuid(),
  ticketId: z.uuid(),
  ticketNumber: z.number().int().positive(),
  ticketSubject: z.string(),
  priority: PrioritySchema,
  channel: ChannelSchema,
  customerTier: CustomerTierSchema,
  from: EscalationEndSchema,
  to: EscalationEndSchema,
  trigger: EscalationTriggerSchema,
  /** The agent's words for a manual escalation; the trigger rule's name for an automatic one. */
  reason: z.string(),
  /** Which SLA clock (firstResponse, …) or which keyword set it off; null for manual, critical, premium. */
  detail: z.string().nullable(),
  escalatedBy: EscalationActorSchema,
  /** When the server took it (an offline escalation counts from its arrival, like a reply). */
  escalatedAt: IsoDateTimeSchema,
  state: EscalationStateSchema,
  /** The policy whose ladder pages; null when none applies (then the target queue's agents are paged once). */
  policyId: z.string().nullable(),
  policyName: z.string().nullable(),
  /** 1-based; with the totals, so a console can say "level 2 of 3, round 1 of 2". */
  level: z.number().int().positive(),
  levelCount: z.number().int().positive(),
  round: z.number().int().positive(),
  roundCount: z.number().int().positive(),
  /** Who is being paged now; empty once the ladder stopped. */
  paged: z.array(PagedTargetSchema),
  /** Every page so far, oldest first. */
  pages: z.array(EscalationPageSchema),
  acknowledgedBy: EscalationActorSchema.nullable(),
  acknowledgedAt: IsoDateTimeSchema.nullable(),
  declines: z.array(EscalationDeclineSchema),
  /** When the current level times out unacknowledged; null once the ladder stopped. */
  nextTimeoutAt: IsoDateTimeSchema.nullable(),
  updatedAt: IsoDateTimeSchema,
});
export type Escalation = z.infer<typeof EscalationSchema>;

/** Whether the user is among those paged now (and so may acknowledge or decline). */
export function isPagingUser(escalation: Pick<Escalation, 'state' | 'paged'>, userId: string): boolean {
  return isLadderRunning(escalation) && escalation.paged.some((target) => target.kind === 'user' && target.userId === userId);
}

/**
 * Who may take an escalation: anyone paged now, any agent of the queue it went to, and supervisors
 * (who are told when a ladder runs out), until someone has. Declining is for those paged only: it
 * says "not me".
 */
export function mayAcknowledge(escalation: Pick<Escalation, 'state' | 'paged' | 'to'>, user: Pick<User, 'id' | 'role' | 'queueIds'>): boolean {
  if (!awaitsAcknowledgement(escalation)) return false;
  return isPagingUser(escalation, user.id) || user.queueIds.includes(escalation.to.queueId) || seesAllQueues(user);
}

/** Everyone an escalation concerns personally: it reaches their consoles whatever their queues. */
export function involvedUserIds(escalation: Pick<Escalation, 'escalatedBy' | 'pages' | 'declines' | 'acknowledgedBy'>): string[] {
  const ids = new Set<string>();
  if (escalation.escalatedBy.userId) ids.add(escalation.escalatedBy.userId);
  for (const page of escalation.pages) for (const target of page.targets) if (target.kind === 'user') ids.add(target.userId);
  for (const decline of escalation.declines) ids.add(decline.userId);
  if (escalation.acknowledgedBy?.userId) ids.add(escalation.acknowledgedBy.userId);
  return [...ids];
}

/**
 * The queue a tier escalation lands in when the admins name none for that tier: the tier's first
 * queue by name (the console shows the same guess until the server's answer arrives).
 */
export function firstQueueOfTier<Q extends Pick<Queue, 'id' | 'name' | 'tier'>>(queues: readonly Q[], tier: SupportTier): Q | null {
  return [...queues].filter((queue) => queue.tier === tier).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))[0] ?? null;
}

/** What an escalation starts from; its ladder (policy, levels, rounds) is the server's to say. */
export interface EscalationOpening {
  id: string;
  ticket: Pick<Ticket, 'id' | 'number' | 'subject' | 'priority' | 'channel' | 'customerTier'>;
  from: Pick<Queue, 'id' | 'name' | 'tier'>;
  to: Pick<Queue, 'id' | 'name' | 'tier'>;
  trigger: EscalationTrigger;
  reason: string;
  detail: string | null;
  escalatedBy: EscalationActor;
  at: string;
  ladder: Pick<Escalation, 'policyId' | 'policyName' | 'levelCount' | 'roundCount'>;
}

/** An escalation as it starts, at level 1 of round 1 with nobody paged yet: the server's, and a console's pending one. */
export function openingEscalation({ id, ticket, from, to, trigger, reason, detail, escalatedBy, at, ladder }: EscalationOpening): Escalation {
  const end = (queue: EscalationOpening['from']) => ({ tier: queue.tier, queueId: queue.id, queueName: queue.name });
  return {
    id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    ticketSubject: ticket.subject,
    priority: ticket.priority,
    channel: ticket.channel,
    customerTier: ticket.customerTier,
    from: end(from),
    to: end(to),
    trigger,
    reason,
    detail,
    escalatedBy,
    escalatedAt: at,
    state: 'paging',
    ...ladder,
    level: 1,
    round: 1,
    paged: [],
    pages: [],
    acknowledgedBy: null,
    acknowledgedAt: null,
    declines: [],
    nextTimeoutAt: null,
    updatedAt: at,
  };
}
