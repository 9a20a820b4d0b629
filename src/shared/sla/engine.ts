import { BusinessCalendar } from './business-calendar.js';
import { computeClocks, type ClockTrace, type SlaFacts } from './clocks.js';
import { matchRule, type RuleMatch, type SlaPolicy, type TicketAttributes } from './policy.js';
import type { SlaSnapshot } from './snapshot.js';

/** A policy with its calendars compiled once; calendars cache their years, so keep this around. */
export interface CompiledPolicy {
  policy: SlaPolicy;
  calendars: ReadonlyMap<string, BusinessCalendar>;
}

export function compilePolicy(policy: SlaPolicy): CompiledPolicy {
  return { policy, calendars: new Map(Object.entries(policy.calendars).map(([id, spec]) => [id, new BusinessCalendar(spec)])) };
}

export interface SlaEvaluation {
  match: RuleMatch;
  calendar: BusinessCalendar;
  traces: ClockTrace[];
  snapshot: SlaSnapshot;
}

/**
 * The ticket's clocks under its current attributes. A priority or tier change therefore re-targets
 * from the original start: the counted time stays, the rule (and so the targets) follow the ticket.
 */
export function evaluateSla(compiled: CompiledPolicy, attributes: TicketAttributes, facts: SlaFacts, now: number): SlaEvaluation | null {
  const match = matchRule(compiled.policy, attributes);
  if (!match) return null;
  const calendar = compiled.calendars.get(match.rule.calendar);
  if (!calendar) throw new Error(`rule ${match.rule.id} names a missing calendar ${match.rule.calendar}`);
  const traces = computeClocks(facts, match.rule, calendar, now);
  return {
    match,
    calendar,
    traces,
    snapshot: {
      ruleId: match.rule.id,
      ruleName: match.rule.name,
      calendarId: match.rule.calendar,
      computedAt: new Date(now).toISOString(),
      clocks: traces.map((t) => t.report),
    },
  };
}

/** The earliest instant any clock of the snapshot changes state or warning: when to look again. */
export function nextWakeUp(snapshot: SlaSnapshot | null): string | null {
  const instants = (snapshot?.clocks ?? []).map((c) => c.nextChangeAt).filter((t): t is string => t !== null).sort();
  return instants[0] ?? null;
}
