import { z } from 'zod';
import { ChannelSchema, CustomerTierSchema, PrioritySchema, TicketTypeSchema, type Channel, type CustomerTier, type Priority, type TicketType } from '../domain/ticket.js';
import { SkillListSchema } from './settings.js';

const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([\p{Ll}\p{N}](-*[\p{Ll}\p{N}])*\.)*[\p{Ll}\p{N}](-*[\p{Ll}\p{N}])*$/u, 'an e-mail domain such as example.com');

const KeywordSchema = z.string().trim().min(1, 'an empty keyword').max(100);
const anyOf = <T extends z.ZodType>(schema: T) => z.array(schema).min(1, 'at least one value, or leave the field out').max(200);

/** Each field absent matches any ticket; a list matches any of its values; all given fields must match. */
export const RoutingMatchSchema = z
  .object({
    channel: anyOf(ChannelSchema).optional(),
    type: anyOf(TicketTypeSchema).optional(),
    priority: anyOf(PrioritySchema).optional(),
    customerTier: anyOf(CustomerTierSchema).optional(),
    /** The requester's e-mail domain; a domain also matches its subdomains (example.com: mail.example.com). */
    organisation: anyOf(DomainSchema).optional(),
    /** Any of them in the subject or the first message, at the start of a word and in any case ("faktur": Faktura, fakturę). */
    keywords: anyOf(KeywordSchema).optional(),
  })
  .strict();
export type RoutingMatch = z.output<typeof RoutingMatchSchema>;

export const RoutingRuleSchema = z
  .object({
    id: z.string().trim().min(1).max(60),
    name: z.string().trim().min(1).max(200),
    match: RoutingMatchSchema.default({}),
    queueId: z.string().min(1),
    /** Asked of the agent besides the queue's own skills, while the ticket is in this rule's queue. */
    skills: SkillListSchema.default([]),
  })
  .strict();
export type RoutingRule = z.output<typeof RoutingRuleSchema>;

/** The rules document: tried in order, the first match wins; a ticket no rule matches goes to the default queue. */
export const RoutingRulesSchema = z
  .object({
    rules: z.array(RoutingRuleSchema).max(500),
    defaultQueueId: z.string().min(1),
  })
  .strict()
  .superRefine((document, context) => {
    const ids = document.rules.map((rule) => rule.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${id}"` });
    });
  });
export type RoutingRules = z.output<typeof RoutingRulesSchema>;
export type RoutingRulesInput = z.input<typeof RoutingRulesSchema>;

/** Every queue a document sends tickets to, with where it says so (for "no queue x" errors that name the field). */
export function queuesNamed(document: RoutingRules): { path: string; queueId: string }[] {
  return [{ path: 'defaultQueueId', queueId: document.defaultQueueId }, ...document.rules.map((rule, index) => ({ path: `rules.${index}.queueId`, queueId: rule.queueId }))];
}

/** What a rule is tried against: the new ticket as its customer wrote it. */
export interface RoutingFacts {
  channel: Channel;
  type: TicketType;
  priority: Priority;
  customerTier: CustomerTier;
  requesterEmail: string;
  subject: string;
  body: string;
}

export const routingMatchFields = ['channel', 'type', 'priority', 'customerTier', 'organisation', 'keywords'] as const;
export type RoutingMatchField = (typeof routingMatchFields)[number];

export interface RuleMatch {
  rule: RoutingRule | null;
  queueId: string;
  skills: string[];
  /** Why it matched, field by field: the ticket's value (the keyword found, the requester's domain) and what the rule accepts. */
  reasons: { field: RoutingMatchField; value: string; oneOf: string[] }[];
  /** Rules tried before it, and the first field each failed on with the ticket's value (empty for keywords not found). */
  skipped: { ruleId: string; field: RoutingMatchField; value: string }[];
}

/** Lower case, composed, and ё read as е: how Russian is often typed. */
function normalised(text: string): string {
  return text.normalize('NFC').toLowerCase().replaceAll('ё', 'е');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first keyword that begins a word of the text. */
export function findKeyword(text: string, keywords: readonly string[]): string | null {
  const haystack = normalised(text);
  return keywords.find((keyword) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(normalised(keyword))}`, 'u').test(haystack)) ?? null;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function domainMatches(domain: string, wanted: string): boolean {
  return domain === wanted || domain.endsWith(`.${wanted}`);
}

/** The ticket's value for a field, and whether the rule accepts it. */
function check(match: RoutingMatch, field: RoutingMatchField, facts: RoutingFacts): { value: string; accepted: boolean; oneOf: string[] } | null {
  switch (field) {
    case 'organisation': {
      if (!match.organisation) return null;
      const domain = emailDomain(facts.requesterEmail);
      return { value: domain, accepted: match.organisation.some((wanted) => domainMatches(domain, wanted)), oneOf: match.organisation };
    }
    case 'keywords': {
      if (!match.keywords) return null;
      const found = findKeyword(`${facts.subject}\n${facts.body}`, match.keywords);
      return { value: found ?? '', accepted: found !== null, oneOf: match.keywords };
    }
    default: {
      const wanted: readonly string[] | undefined = match[field];
      if (!wanted) return null;
      return { value: facts[field], accepted: wanted.includes(facts[field]), oneOf: [...wanted] };
    }
  }
}

/** The first rule whose every given field accepts the ticket; the document's default queue when none does. */
export function matchRoutingRule(document: RoutingRules, facts: RoutingFacts): RuleMatch {
  const skipped: RuleMatch['skipped'] = [];
  for (const rule of document.rules) {
    const reasons: RuleMatch['reasons'] = [];
    let failed: RuleMatch['skipped'][number] | null = null;
    for (const field of routingMatchFields) {
      const result = check(rule.match, field, facts);
      if (!result) continue;
      if (!result.accepted) {
        failed = { ruleId: rule.id, field, value: result.value };
        break;
      }
      reasons.push({ field, value: result.value, oneOf: result.oneOf });
    }
    if (!failed) return { rule, queueId: rule.queueId, skills: rule.skills, reasons, skipped };
    skipped.push(failed);
  }
  return { rule: null, queueId: document.defaultQueueId, skills: [], reasons: [], skipped };
}
