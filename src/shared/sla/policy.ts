import { z } from 'zod';
import { ChannelSchema, CustomerTierSchema, PrioritySchema, TicketTypeSchema, type Channel, type CustomerTier, type Priority, type TicketType } from '../domain/ticket.js';
import { CalendarSpecSchema } from './calendar-spec.js';



const Minutes = z.number().int().positive().max(366 * 24 * 60);
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)]);

export const PolicyRuleSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** Each field absent matches anything; a list matches any of its values. */
    match: z
      .object({
        customerTier: oneOrMany(CustomerTierSchema).optional(),
        channel: oneOrMany(ChannelSchema).optional(),
        priority: oneOrMany(PrioritySchema).optional(),
        type: oneOrMany(TicketTypeSchema).optional(),
      })
      .strict()
      .default({}),
    targets: z
      .object({ firstResponse: Minutes.optional(), nextReply: Minutes.optional(), periodicUpdate: Minutes.optional(), resolution: Minutes.optional() })
      .strict(),
    calendar: z.string().min(1),
    warnAtPercent: z.number().int().min(1).max(99).default(75),
    /** Waiting on a third party stops the resolution clock only where the contract says so. */
    pauseResolutionOnHold: z.boolean().default(false),
  })
  .strict();
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

/** The policy file: named calendars and an ordered rule list, first match wins. */
export const SlaPolicySchema = z
  .object({
    calendars: z.record(z.string().min(1), CalendarSpecSchema),
    rules: z.array(PolicyRuleSchema).min(1),
  })
  .strict()
  .superRefine((policy, context) => {
    policy.rules.forEach((rule, index) => {
      if (!Object.hasOwn(policy.calendars, rule.calendar)) {
        context.addIssue({ code: 'custom', path: ['rules', index, 'calendar'], message: `no calendar "${rule.calendar}" in calendars` });
      }
    });
    const ids = policy.rules.map((r) => r.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${id}"` });
    });
  });
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

/**
 * The policy in force as every console holds it (one row, always `current`): with its calendars and
 * rules a console can stop or restart a countdown for a status change it makes offline.
 */
export const ReplicatedPolicySchema = z.object({ id: z.literal('current'), version: z.number().int().positive(), policy: SlaPolicySchema });
export type ReplicatedPolicy = z.infer<typeof ReplicatedPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;

export interface TicketAttributes {
  customerTier: CustomerTier;
  channel: Channel;
  priority: Priority;
  type: TicketType;
}

const matchFields = ['customerTier', 'channel', 'priority', 'type'] as const;

export interface RuleMatch {
  rule: PolicyRule;
  /** Why it matched, field by field: the ticket's value and the values the rule accepts; empty for a catch-all. */
  reasons: { field: (typeof matchFields)[number]; value: string; oneOf: string[] }[];
  /** Rules tried before it, and the first field each one failed on. */
  skipped: { ruleId: string; field: (typeof matchFields)[number]; value: string }[];
}

export function matchRule(policy: SlaPolicy, ticket: TicketAttributes): RuleMatch | null {
  const skipped: RuleMatch['skipped'] = [];
  for (const rule of policy.rules) {
    const reasons: RuleMatch['reasons'] = [];
    const failed = matchFields.find((field) => {
      const wanted = rule.match[field];
      if (wanted === undefined) return false;
      const values: readonly string[] = Array.isArray(wanted) ? wanted : [wanted];
      if (!values.includes(ticket[field])) return true;
      reasons.push({ field, value: ticket[field], oneOf: [...values] });
      return false;
    });
    if (failed === undefined) return { rule, reasons, skipped };
    skipped.push({ ruleId: rule.id, field: failed, value: ticket[failed] });
  }
  return null;
}
