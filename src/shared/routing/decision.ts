import { z } from 'zod';
import { AgentStatusSchema } from '../domain/people.js';
import { ChannelSchema, IsoDateTimeSchema } from '../domain/ticket.js';
import { routingMatchFields } from './rules.js';

/**
 * Why a candidate did or did not get the ticket, in the order they are checked: presence first, then
 * the shift, the skills, and room on the ticket's channel. `eligible`: could have, but someone else
 * was less loaded (or next in turn).
 */
export const candidateVerdicts = ['chosen', 'eligible', 'offline', 'away', 'off_shift', 'missing_skills', 'full'] as const;
export type CandidateVerdict = (typeof candidateVerdicts)[number];

export const CandidateViewSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  status: AgentStatusSchema,
  onShift: z.boolean(),
  /** Their tickets of the ticket's channel still to work (new or open) at that moment, and how many they take. */
  load: z.number().int().min(0),
  capacity: z.number().int().min(0),
  missingSkills: z.array(z.string()),
  verdict: z.enum(candidateVerdicts),
});
export type CandidateView = z.infer<typeof CandidateViewSchema>;

/** One queue tried: the ticket's own, then its overflow queues in turn. A closed queue lists nobody. */
export const QueueStepSchema = z.object({
  queueId: z.string(),
  queueName: z.string(),
  open: z.boolean(),
  requiredSkills: z.array(z.string()),
  candidates: z.array(CandidateViewSchema),
});
export type QueueStep = z.infer<typeof QueueStepSchema>;

export const placementOutcomes = ['assigned', 'overflowed', 'waiting'] as const;
export type PlacementOutcome = (typeof placementOutcomes)[number];

/**
 * What started a decision. The console translates these; a cause from elsewhere (an escalation's
 * "escalated to tier 2: …") is shown as written.
 */
export const routingCauses = ['ticket.new', 'capacity.freed', 'agent.offline', 'placement.requested'] as const;
export type RoutingCause = (typeof routingCauses)[number];

/** How the queue was chosen: by a rule, by the default for no rule, by the intake naming it, or already there. */
export const queueChoices = ['rule', 'default', 'intake', 'current'] as const;

/** One routing decision as a ticket's history keeps it, and as "Why here" shows it. */
export const RoutingDecisionSchema = z.object({
  at: IsoDateTimeSchema,
  cause: z.string(),
  /** Who asked for it; null: the desk itself. */
  actorName: z.string().nullable(),
  channel: ChannelSchema,
  queueChoice: z.enum(queueChoices),
  rule: z.object({ id: z.string(), name: z.string(), version: z.number().int().min(0) }).nullable(),
  reasons: z.array(z.object({ field: z.enum(routingMatchFields), value: z.string(), oneOf: z.array(z.string()) })),
  steps: z.array(QueueStepSchema),
  outcome: z.enum(placementOutcomes),
  queueId: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
});
export type RoutingDecision = z.infer<typeof RoutingDecisionSchema>;

export const TicketRoutingReplySchema = z.object({
  /** Newest first. */
  decisions: z.array(RoutingDecisionSchema),
});
export type TicketRoutingReply = z.infer<typeof TicketRoutingReplySchema>;
