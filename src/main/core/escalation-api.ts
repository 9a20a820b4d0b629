import { randomUUID } from 'node:crypto';
import type { DeskApi, DeskEventPayload } from '../../shared/desk-api/contract.js';
import { DeskError } from '../../shared/desk-api/errors.js';
import { firstQueueOfTier, isPagingUser, mayAcknowledge } from '../../shared/domain/escalation.js';
import { seesAllQueues, type User } from '../../shared/domain/people.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import type { AppliedChanges, Replica } from './replica/replica.js';

/** Enough of a busy fortnight for the agent's own list (paged, declined, escalated). */
const RECENT_ESCALATIONS = 100;

export interface EscalationApiDeps {
  /** Read when called: the core opens its replica after building its api. */
  replica(): Replica;
  /** The signed-in user; throws when nobody is. */
  user(): User;
  now(): string;
  /** Writes the mutation to the outbox and shows it through the overlay. */
  record(user: User, mutation: Omit<Mutation, 'id'>): { shown: AppliedChanges };
  /** Sends what was recorded (now, or when back online). */
  send(): void;
  changed(payload: DeskEventPayload<'escalations.changed'>): void;
}

type EscalationMethod = 'escalations.mine' | 'escalations.forTicket' | 'escalations.escalate' | 'escalations.acknowledge' | 'escalations.decline';

/**
 * The console's escalation methods: read from the replica (offline too), and written as mutations
 * through the outbox. What the server would refuse for certain is refused here, while the agent is
 * still looking at the form; anything that depends on the present (someone acknowledged meanwhile)
 * is the server's to judge.
 */
export function escalationApi(deps: EscalationApiDeps): Pick<DeskApi, EscalationMethod> {
  const act = (user: User, mutation: Omit<Mutation, 'id'>, id: string) => {
    const { shown } = deps.record(user, mutation);
    deps.changed({ ids: [...new Set([id, ...shown.escalationIds])] });
    deps.send();
  };
  const pagingEscalation = (id: string) => {
    const escalation = deps.replica().getEscalation(id);
    if (!escalation) throw new DeskError('not_found', `No escalation ${id}`);
    return escalation;
  };

  return {
    'escalations.mine': async ({ limit }) => {
      const user = deps.user();
      // Supervisors are told when a ladder runs out: those are theirs too.
      return deps.replica().listMyEscalations(user.id, limit ?? RECENT_ESCALATIONS, { exhausted: seesAllQueues(user) });
    },
    'escalations.forTicket': async ({ ticketId }) => {
      deps.user();
      return deps.replica().listTicketEscalations(ticketId);
    },
    'escalations.escalate': async ({ ticketId, target, reason }) => {
      const user = deps.user();
      const ticket = deps.replica().getTicket(ticketId)?.ticket;
      if (!ticket) throw new DeskError('not_found', `ticketId: no ticket ${ticketId} in your queues`);
      if (ticket.status === 'closed') throw new DeskError('invalid_input', `ticketId: #${ticket.number} is closed`);
      const queues = deps.replica().listQueues();
      const from = queues.find((queue) => queue.id === ticket.queueId);
      if ('tier' in target) {
        if (from && target.tier <= from.tier) throw new DeskError('invalid_input', `target.tier: #${ticket.number} is already at tier ${from.tier}`);
        if (!firstQueueOfTier(queues, target.tier)) throw new DeskError('invalid_input', `target.tier: no queue of tier ${target.tier}`);
      } else {
        if (!queues.some((queue) => queue.id === target.queueId)) throw new DeskError('invalid_input', `target.queueId: no queue "${target.queueId}"`);
        if (target.queueId === ticket.queueId) throw new DeskError('invalid_input', `target.queueId: #${ticket.number} is already in that queue`);
      }
      const escalationId = randomUUID();
      act(user, { name: 'ticket.escalate', args: { ticketId, escalationId, target, reason }, createdAt: deps.now() }, escalationId);
      return { id: escalationId };
    },
    'escalations.acknowledge': async ({ id }) => {
      const user = deps.user();
      const escalation = pagingEscalation(id);
      // Taken by this agent already (perhaps still waiting to be sent): nothing more to send.
      if (escalation.acknowledgedBy?.userId === user.id) return { queued: false };
      if (!mayAcknowledge(escalation, user)) {
        throw new DeskError('invalid_input', escalation.state === 'paging' ? `id: escalation of #${escalation.ticketNumber} is not yours to take` : `id: escalation of #${escalation.ticketNumber} is ${escalation.state} already`);
      }
      act(user, { name: 'escalation.acknowledge', args: { escalationId: id }, createdAt: deps.now() }, id);
      return { queued: true };
    },
    'escalations.decline': async ({ id, reason }) => {
      const user = deps.user();
      const escalation = pagingEscalation(id);
      // Declined here already (the overlay took the agent off the page), or never paged: nothing to send.
      if (escalation.declinePending || !isPagingUser(escalation, user.id)) return { queued: false };
      act(user, { name: 'escalation.decline', args: { escalationId: id, reason }, createdAt: deps.now() }, id);
      return { queued: true };
    },
  };
}
