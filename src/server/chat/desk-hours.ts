import type { Transaction } from 'kysely';
import { matchRule } from '../../shared/sla/policy.js';
import type { SlaService } from '../sla/sla-service.js';
import type { Database } from '../storage/schema.js';

/**
 * Whether people answer chats now: the business calendar of the SLA rule an ordinary chat (standard
 * customer, medium priority) falls under, so the assistant's greeting and the acknowledgement agree.
 */
export async function agentsOnDuty(trx: Transaction<Database>, sla: SlaService, now: number): Promise<boolean> {
  const { policy } = await sla.policy(trx);
  const match = matchRule(policy.policy, { customerTier: 'standard', channel: 'chat', priority: 'medium', type: 'question' });
  const calendar = match ? policy.calendars.get(match.rule.calendar) : undefined;
  return calendar ? calendar.isOpen(now) : true;
}
