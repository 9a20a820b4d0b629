import { z } from 'zod';
import { firstQueueOfTier } from '../domain/escalation.js';
import { QueueSchema, type Queue } from '../domain/people.js';

/** Where the agent may send a ticket: the tiers above its queue, or any other queue. */
export const EscalationTargetsSchema = z.object({
  /** The ticket's queue now; null when the replica does not know it. */
  from: QueueSchema.nullable(),
  /** Each higher tier that has a queue, with the queue a tier escalation lands in; lowest first. */
  tiers: z.array(z.object({ tier: z.union([z.literal(2), z.literal(3)]), queue: QueueSchema })),
  /** Every queue but the ticket's own, by tier then name. */
  queues: z.array(QueueSchema),
});
export type EscalationTargets = z.infer<typeof EscalationTargetsSchema>;

export const escalationTargetMethods = {
  /** The escalation dialog's choices for a ticket: every queue is replicated, so offline too. */
  'escalations.targets': { input: z.object({ ticketId: z.uuid() }).strict(), output: EscalationTargetsSchema },
} as const;

/** The choices from the desk's queues and the ticket's queue (as escalations.escalate checks them). */
export function escalationTargets(queues: readonly Queue[], queueId: string): EscalationTargets {
  const from = queues.find((queue) => queue.id === queueId) ?? null;
  const tiers = ([2, 3] as const).flatMap((tier) => {
    const queue = from && tier <= from.tier ? null : firstQueueOfTier(queues, tier);
    return queue ? [{ tier, queue }] : [];
  });
  const others = queues.filter((queue) => queue.id !== queueId).sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name));
  return { from, tiers, queues: others };
}
