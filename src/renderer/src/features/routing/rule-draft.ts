import type { Channel, CustomerTier, Priority, TicketType } from '../../../../shared/domain/ticket.js';
import type { RoutingRule, RoutingRulesInput } from '../../../../shared/routing/rules.js';

/** A rule as the form holds it: free text where the admin types a list, so nothing typed is lost before saving. */
export interface RuleDraft {
  /** The form's own key: a rule's id may be edited. */
  key: string;
  id: string;
  name: string;
  queueId: string;
  skills: string;
  channel: Channel[];
  type: TicketType[];
  priority: Priority[];
  customerTier: CustomerTier[];
  organisation: string;
  keywords: string;
}

/** "a, b ,, c" → ["a", "b", "c"]: what the admin meant by a list typed with commas. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function toDraft(rule: RoutingRule, key: string): RuleDraft {
  return {
    key,
    id: rule.id,
    name: rule.name,
    queueId: rule.queueId,
    skills: rule.skills.join(', '),
    channel: rule.match.channel ?? [],
    type: rule.match.type ?? [],
    priority: rule.match.priority ?? [],
    customerTier: rule.match.customerTier ?? [],
    organisation: (rule.match.organisation ?? []).join(', '),
    keywords: (rule.match.keywords ?? []).join(', '),
  };
}

type RuleInput = RoutingRulesInput['rules'][number];

/** The rule as the server takes it: a field left empty is left out, so it matches any ticket. */
export function fromDraft(draft: RuleDraft): RuleInput {
  const lists = {
    channel: draft.channel,
    type: draft.type,
    priority: draft.priority,
    customerTier: draft.customerTier,
    // Skills and domains are compared in lower case; a skill typed twice is one skill.
    organisation: splitList(draft.organisation).map((domain) => domain.toLowerCase().replace(/^@/, '')),
    keywords: splitList(draft.keywords),
  };
  const match = Object.fromEntries(Object.entries(lists).filter(([, values]) => values.length > 0));
  return { id: draft.id.trim(), name: draft.name.trim(), match, queueId: draft.queueId, skills: [...new Set(splitList(draft.skills).map((skill) => skill.toLowerCase()))] };
}

/** An id not yet taken by another rule of the form: `rule-1`, `rule-2`, … */
export function freshRuleId(drafts: readonly RuleDraft[]): string {
  const taken = new Set(drafts.map((draft) => draft.id));
  let n = drafts.length + 1;
  while (taken.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}
