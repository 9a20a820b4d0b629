import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Message, Ticket } from '../../shared/domain/ticket.js';
import type { Database } from '../storage/schema.js';
import type { TicketObserver } from '../tickets/ticket-store.js';
import { EscalationRefusal, SYSTEM_ACTOR, type EscalationService } from './escalation-service.js';
import { currentTriggers } from './settings-store.js';
import { firedTriggers } from './triggers.js';

type Trx = Transaction<Database>;

const finished = (ticket: Ticket) => ticket.status === 'solved' || ticket.status === 'closed';

/**
 * Hears every ticket change (and every SLA recompute, which is how warnings and breaches are
 * noticed) in its transaction, so an automatic escalation commits with the change that set it off.
 * A ticket solved or closed stops its ladders instead.
 */
export class EscalationTriggerObserver implements TicketObserver {
  constructor(private readonly escalations: EscalationService) {}

  async ticketCreated(trx: Trx, ticket: Ticket, firstMessage: Message): Promise<void> {
    await this.check(trx, null, ticket, [firstMessage]);
  }

  async ticketChanged(trx: Trx, before: Ticket, after: Ticket, newMessages: readonly Message[]): Promise<void> {
    if (finished(after)) {
      if (!finished(before)) await this.escalations.ticketFinished(trx, after.id, SYSTEM_ACTOR);
      return;
    }
    await this.check(trx, before, after, newMessages);
  }

  private async check(trx: Trx, before: Ticket | null, after: Ticket, newMessages: readonly Message[]): Promise<void> {
    const { rules } = (await currentTriggers(trx)).document;
    if (rules.length === 0) return;
    const queue = await trx.selectFrom('queues').select('tier').where('id', '=', after.queueId).executeTakeFirstOrThrow();
    for (const fired of firedTriggers(rules, before, after, newMessages, queue.tier)) {
      if (!(await this.escalations.mayTrigger(trx, after.id, fired.cause))) continue;
      try {
        const request = { id: randomUUID(), ticketId: after.id, target: fired.target, reason: fired.ruleName, trigger: fired.trigger, detail: fired.detail, cause: fired.cause, actor: SYSTEM_ACTOR };
        if (await this.escalations.start(trx, request)) return;
      } catch (error) {
        // A rule aimed at a queue the ticket is already in, or at a tier it has reached, has nothing
        // to do; it is refused before anything is written, so the change that set it off goes on.
        if (!(error instanceof EscalationRefusal)) throw error;
      }
    }
  }
}
