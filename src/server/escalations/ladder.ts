import type { EscalationPolicies, PolicyLevel } from '../../shared/escalations/settings.js';

/**
 * The ladder an escalation climbs, copied from its policy when it starts: a policy edited meanwhile
 * changes the next escalations, never one half-way up.
 */
export interface Ladder {
  policyId: string | null;
  policyName: string | null;
  levels: PolicyLevel[];
  /** The ladder is climbed this many times (the policy's repeat + 1). */
  roundCount: number;
}

/** Where on the ladder an escalation is; both 1-based, as consoles show them. */
export interface Position {
  level: number;
  round: number;
}

/** How long a queue paged without a policy has to answer before the supervisors are told. */
export const FALLBACK_TIMEOUT_MINUTES = 15;

/**
 * The policy that covers the queue an escalation goes to; without one, the queue's agents on shift
 * are paged once, and the supervisors are told if nobody answers.
 */
export function ladderFor(policies: EscalationPolicies, queueId: string): Ladder {
  const policy = policies.policies.find((candidate) => candidate.queueIds.includes(queueId));
  if (!policy) return { policyId: null, policyName: null, levels: [{ targets: [{ kind: 'queue', queueId }], ackTimeoutMinutes: FALLBACK_TIMEOUT_MINUTES }], roundCount: 1 };
  return { policyId: policy.id, policyName: policy.name, levels: policy.levels, roundCount: policy.repeat + 1 };
}

/** The step after `position`: the next level, or the first level of the next round; null past the last round. */
export function nextPosition(ladder: Ladder, position: Position): Position | null {
  if (position.level < ladder.levels.length) return { level: position.level + 1, round: position.round };
  if (position.round < ladder.roundCount) return { level: 1, round: position.round + 1 };
  return null;
}

export function levelAt(ladder: Ladder, position: Position): PolicyLevel {
  const level = ladder.levels[position.level - 1];
  if (!level) throw new Error(`the ladder has no level ${position.level}`);
  return level;
}
