import type { EscalationTarget, EscalationTrigger } from '../../shared/domain/escalation.js';
import { matchesTrigger, type TriggerRule } from '../../shared/escalations/settings.js';
import type { Message, Ticket } from '../../shared/domain/ticket.js';
import type { ClockReport } from '../../shared/sla/snapshot.js';

/** An automatic trigger that fired: which rule, why, and the cause it may fire for only once per ticket. */
export interface FiredTrigger {
  ruleId: string;
  ruleName: string;
  trigger: Exclude<EscalationTrigger, 'manual'>;
  /** The SLA clock or the keyword; null for critical and premium. */
  detail: string | null;
  /** `rule` or `rule:clock`: an escalation per ticket and cause, however often it is noticed. */
  cause: string;
  target: EscalationTarget | null;
}

const warned = (clock: ClockReport) => clock.warning || clock.state === 'breached';
const breached = (clock: ClockReport) => clock.state === 'breached';

/** The clocks that newly reached the condition between the two snapshots. */
function clocksNewly(before: Ticket | null, after: Ticket, condition: (clock: ClockReport) => boolean): ClockReport['kind'][] {
  const earlier = new Map((before?.sla?.clocks ?? []).map((clock) => [clock.kind, clock]));
  return (after.sla?.clocks ?? []).filter((clock) => {
    const was = earlier.get(clock.kind);
    return condition(clock) && !(was && condition(was));
  }).map((clock) => clock.kind);
}

/** Lower case, letters and digits only, single-spaced and padded: a phrase is then found whole ("down" not in "download"). */
function normalised(text: string): string {
  return ` ${text.normalize('NFKC').toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function keywordIn(keywords: readonly string[], texts: readonly string[]): string | null {
  const haystacks = texts.map(normalised);
  return keywords.find((keyword) => {
    const needle = normalised(keyword);
    return needle.trim() !== '' && haystacks.some((haystack) => haystack.includes(needle));
  }) ?? null;
}

/**
 * The rules, in the admins' order, that fire for this change of a ticket (`before` null: the ticket
 * was just opened). Rules fire on transitions only — a clock that breaches, a priority raised to
 * critical, a customer message with a keyword — so noticing the same state twice fires nothing.
 */
export function firedTriggers(rules: readonly TriggerRule[], before: Ticket | null, after: Ticket, newMessages: readonly Message[], queueTier: number): FiredTrigger[] {
  const fired: FiredTrigger[] = [];
  for (const rule of rules) {
    if (!rule.enabled || !matchesTrigger(rule.match, after, queueTier)) continue;
    const fire = (detail: string | null, cause = rule.id) => fired.push({ ruleId: rule.id, ruleName: rule.name, trigger: rule.trigger, detail, cause, target: rule.target ?? null });
    switch (rule.trigger) {
      case 'sla_warning':
      case 'sla_breach': {
        const clocks = clocksNewly(before, after, rule.trigger === 'sla_warning' ? warned : breached).filter((kind) => rule.clocks?.includes(kind) ?? true);
        for (const kind of clocks) fire(kind, `${rule.id}:${kind}`);
        break;
      }
      case 'critical':
        if (after.priority === 'critical' && before?.priority !== 'critical') fire(null);
        break;
      case 'premium':
        if (after.customerTier === 'premium' && before?.customerTier !== 'premium') fire(null);
        break;
      case 'keyword': {
        const texts = [...(before === null ? [after.subject] : []), ...newMessages.filter((message) => message.authorKind === 'customer').map((message) => message.body)];
        const keyword = texts.length > 0 ? keywordIn(rule.keywords, texts) : null;
        if (keyword !== null) fire(keyword);
        break;
      }
    }
  }
  return fired;
}
