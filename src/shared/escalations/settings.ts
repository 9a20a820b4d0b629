import { z } from 'zod';
import { EscalationTargetSchema } from '../domain/escalation.js';
import { SupportTierSchema } from '../domain/people.js';
import { ChannelSchema, CustomerTierSchema, PrioritySchema, type Ticket } from '../domain/ticket.js';
import { CustomerLocaleSchema } from '../notifications/templates.js';
import { clockKinds } from '../sla/snapshot.js';

const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/, 'expected an id of letters, digits and _ . : - (at most 80)');
const NameSchema = z.string().trim().min(1).max(120);
const someOf = <T extends z.ZodType>(schema: T) => z.array(schema).min(1).optional();

/** Which tickets a trigger rule looks at; a field left out matches every ticket. */
export const TriggerMatchSchema = z
  .object({
    priority: someOf(PrioritySchema),
    customerTier: someOf(CustomerTierSchema),
    channel: someOf(ChannelSchema),
    /** The tier of the queue the ticket is in now. */
    queueTier: someOf(SupportTierSchema),
  })
  .strict();
export type TriggerMatch = z.infer<typeof TriggerMatchSchema>;

const ruleFields = {
  id: IdSchema,
  /** Shown to the engineer paged as the escalation's reason. */
  name: NameSchema,
  enabled: z.boolean().default(true),
  match: TriggerMatchSchema.default({}),
  /** Where the ticket goes; the next tier's queue when left out. */
  target: EscalationTargetSchema.optional(),
};

const KeywordSchema = z.string().trim().min(2).max(100);

/**
 * One automatic trigger. Each fires once per ticket and cause (a rule, and for SLA rules the clock),
 * and never while an escalation of the ticket is still paging: its ladder already wakes people.
 * - sla_warning / sla_breach: a clock (of `clocks`, or any) turns to warning or breaches;
 * - critical: the ticket is critical (opened so, or raised to it);
 * - premium: the ticket is a premium customer's (opened so, or the customer became premium);
 * - keyword: the subject or a customer's message holds one of the words or phrases (any case).
 */
export const TriggerRuleSchema = z.discriminatedUnion('trigger', [
  z.object({ ...ruleFields, trigger: z.enum(['sla_warning', 'sla_breach']), clocks: someOf(z.enum(clockKinds)) }).strict(),
  z.object({ ...ruleFields, trigger: z.literal('critical') }).strict(),
  z.object({ ...ruleFields, trigger: z.literal('premium') }).strict(),
  z.object({ ...ruleFields, trigger: z.literal('keyword'), keywords: z.array(KeywordSchema).min(1).max(200) }).strict(),
]);
export type TriggerRule = z.infer<typeof TriggerRuleSchema>;

function duplicateIds(items: readonly { id: string }[], path: string, context: z.RefinementCtx): void {
  const ids = items.map((item) => item.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: [path, index, 'id'], message: `duplicate id "${id}"` });
  });
}

/** The admins' trigger document: where a tier escalation lands, and the automatic rules in order. */
export const EscalationTriggersSchema = z
  .object({
    /** The queue a tier escalation goes to; a tier left out goes to its first queue by name. */
    tierQueues: z.object({ 2: z.string().min(1).optional(), 3: z.string().min(1).optional() }).strict().default({}),
    rules: z.array(TriggerRuleSchema).max(200),
  })
  .strict()
  .superRefine((document, context) => duplicateIds(document.rules, 'rules', context));
export type EscalationTriggers = z.infer<typeof EscalationTriggersSchema>;

/**
 * Who a level pages:
 * - onCall: whoever holds the pager of an on-call rotation at that moment;
 * - queue: the queue's agents who are on shift (by the rota) at that moment;
 * - users: these people, on shift or not;
 * - vendor: an outside support desk, mailed with the ticket's [#number] so its answer threads back.
 */
export const PolicyTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('onCall'), rotationId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('queue'), queueId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('users'), userIds: z.array(z.string().min(1)).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('vendor'), name: NameSchema, email: z.email(), locale: CustomerLocaleSchema.default('en') }).strict(),
]);
export type PolicyTarget = z.infer<typeof PolicyTargetSchema>;

export const PolicyLevelSchema = z
  .object({
    targets: z.array(PolicyTargetSchema).min(1).max(20),
    /** How long the level's people have to acknowledge before the next level is paged. */
    ackTimeoutMinutes: z.number().int().min(1).max(24 * 60),
  })
  .strict();
export type PolicyLevel = z.infer<typeof PolicyLevelSchema>;

/** A ladder in the manner of PagerDuty: levels in order, the whole ladder `repeat` more times, then exhausted. */
export const EscalationPolicySchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    /** Escalations into these queues follow this ladder. */
    queueIds: z.array(z.string().min(1)).min(1),
    levels: z.array(PolicyLevelSchema).min(1).max(10),
    repeat: z.number().int().min(0).max(9).default(0),
  })
  .strict();
export type EscalationPolicy = z.infer<typeof EscalationPolicySchema>;

export const EscalationPoliciesSchema = z
  .object({ policies: z.array(EscalationPolicySchema).max(100) })
  .strict()
  .superRefine((document, context) => {
    duplicateIds(document.policies, 'policies', context);
    const owner = new Map<string, string>();
    document.policies.forEach((policy, index) => {
      for (const queueId of policy.queueIds) {
        const first = owner.get(queueId);
        if (first !== undefined) context.addIssue({ code: 'custom', path: ['policies', index, 'queueIds'], message: `queue "${queueId}" already follows policy "${first}"` });
        else owner.set(queueId, policy.id);
      }
    });
  });
export type EscalationPolicies = z.infer<typeof EscalationPoliciesSchema>;

/** Whether a rule looks at this ticket (in a queue of `queueTier`). */
export function matchesTrigger(match: TriggerMatch, ticket: Pick<Ticket, 'priority' | 'customerTier' | 'channel'>, queueTier: number): boolean {
  return (
    (match.priority?.includes(ticket.priority) ?? true) &&
    (match.customerTier?.includes(ticket.customerTier) ?? true) &&
    (match.channel?.includes(ticket.channel) ?? true) &&
    (match.queueTier?.some((tier) => tier === queueTier) ?? true)
  );
}

/** A document as stored: versioned, never edited. Version 0 is the empty one of a desk nobody configured. */
const stored = <T extends z.ZodType>(document: T) =>
  z.object({ version: z.number().int().min(0), document, updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });
export const StoredTriggersSchema = stored(EscalationTriggersSchema);
export const StoredPoliciesSchema = stored(EscalationPoliciesSchema);
export type StoredTriggers = z.infer<typeof StoredTriggersSchema>;
export type StoredPolicies = z.infer<typeof StoredPoliciesSchema>;
