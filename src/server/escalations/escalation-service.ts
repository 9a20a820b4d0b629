import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import {
  awaitsAcknowledgement,
  isPagingUser,
  mayAcknowledge,
  openingEscalation,
  type Escalation,
  type EscalationActor,
  type EscalationTarget,
  type EscalationTrigger,
  type PagedTarget,
} from '../../shared/domain/escalation.js';
import type { SupportTier, User } from '../../shared/domain/people.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import type { Rejection } from '../../shared/sync/mutations.js';
import type { Database } from '../storage/schema.js';
import { seesTicket, visibleQueueIds } from '../people/visibility.js';
import { ticketFromRow } from '../tickets/rows.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { causeUsed, findEscalation, insertEscalation, openEscalations, saveEscalation, seesEscalation, type Origin } from './escalation-store.js';
import { ladderFor, nextPosition, type Ladder } from './ladder.js';
import { pageFrom, type PagingDeps } from './paging.js';
import { currentPolicies, currentTriggers } from './settings-store.js';
import { recordTicketEvent } from '../tickets/ticket-events.js';

type Trx = Transaction<Database>;

/** Why an escalation, acknowledgement or decline cannot happen: a sync rejection, or an HTTP answer. */
export class EscalationRefusal extends Error {
  constructor(readonly rejection: Rejection & { code: 'invalid' | 'forbidden' | 'not_found' | 'conflict' }) {
    super(rejection.message);
  }
}

const refuse = (code: EscalationRefusal['rejection']['code'], field: string, message: string, extra: Pick<Rejection, 'current' | 'changedBy'> = {}) =>
  new EscalationRefusal({ code, field, message, ...extra });

/** Places a ticket inside its (new) queue: the Router's job (helper R), asked after every move. */
export interface TicketPlacer {
  placeInQueue(trx: Trx, ticketId: string, why: { at: string; actor: EscalationActor; cause: string }): Promise<void>;
}

export interface EscalationServiceDeps extends PagingDeps {
  clock: Clock;
  tickets: TicketStore;
  router: TicketPlacer;
}

/** What starts an escalation, by hand or by a trigger rule. */
export interface EscalationRequest {
  id: string;
  ticketId: string;
  /** Null: the next tier's queue. */
  target: EscalationTarget | null;
  reason: string;
  trigger: EscalationTrigger;
  detail: string | null;
  /** Null for manual escalations, which may repeat. */
  cause: string | null;
  actor: EscalationActor;
  origin?: Origin;
}

/** The name automatic escalations and timeouts go by in histories. */
export const SYSTEM_ACTOR: EscalationActor = { userId: null, name: 'Shiftdesk' };

/**
 * Escalations: a ticket moves to a higher tier's queue (or a named one), the Router places it there,
 * and a ladder pages people until someone acknowledges. Every step is written, with its change-log
 * rows and the ticket's history, in the caller's transaction; the next timeout is a column the
 * deadline loop reads, so nothing is kept only in memory.
 */
export class EscalationService {
  constructor(private readonly deps: EscalationServiceDeps) {}

  private now(): Date {
    return new Date(this.deps.clock.now());
  }

  /** An agent's escalation (console or REST): they must see the ticket, and the target must be above it or another queue. */
  async escalateByHand(trx: Trx, user: User, input: { id: string; ticketId: string; target: EscalationTarget; reason: string }, origin?: Origin): Promise<Escalation> {
    const row = await trx.selectFrom('tickets').select(['queue_id', 'assignee_id']).where('id', '=', input.ticketId).executeTakeFirst();
    if (!row || !seesTicket(user, await visibleQueueIds(trx, user), row)) throw refuse('not_found', 'ticketId', `No ticket ${input.ticketId} in your queues`);
    if (await findEscalation(trx, input.id)) throw refuse('invalid', 'escalationId', `escalationId: an escalation ${input.id} already exists`);
    const escalation = await this.start(trx, { ...input, trigger: 'manual', detail: null, cause: null, actor: { userId: user.id, name: user.name }, ...(origin ? { origin } : {}) });
    if (!escalation) throw refuse('invalid', 'target', 'target: there is no higher tier to escalate to');
    return escalation;
  }

  /**
   * Starts an escalation; answers null when the ticket has nowhere higher to go (an automatic trigger
   * on a tier-3 ticket). Open escalations of the ticket are superseded: the new ladder takes over.
   */
  async start(trx: Trx, request: EscalationRequest): Promise<Escalation | null> {
    const ticketRow = await trx.selectFrom('tickets').selectAll().where('id', '=', request.ticketId).executeTakeFirst();
    if (!ticketRow) throw refuse('not_found', 'ticketId', `No ticket ${request.ticketId}`);
    const ticket = ticketFromRow(ticketRow);
    if (ticket.status === 'closed') throw refuse('invalid', 'ticketId', `ticketId: #${ticket.number} is closed`);
    const queues = await trx.selectFrom('queues').select(['id', 'name', 'tier']).orderBy('name').orderBy('id').execute();
    const from = queues.find((queue) => queue.id === ticket.queueId)!;
    const to = await this.targetQueue(trx, queues, from, request.target);
    if (!to) return null;

    const at = this.now();
    const iso = at.toISOString();
    for (const open of await openEscalations(trx, ticket.id)) await this.stop(trx, open.escalation, 'superseded', request.actor, iso, request.origin);
    const ladder = ladderFor((await currentPolicies(trx)).document, to.id);
    const initial = openingEscalation({
      id: request.id,
      ticket,
      from: { ...from, tier: from.tier as SupportTier },
      to: { ...to, tier: to.tier as SupportTier },
      trigger: request.trigger,
      reason: request.reason,
      detail: request.detail,
      escalatedBy: request.actor,
      at: iso,
      ladder: { policyId: ladder.policyId, policyName: ladder.policyName, levelCount: ladder.levels.length, roundCount: ladder.roundCount },
    });
    // Stored before the ticket moves, so the move's own observers see an escalation in progress.
    await insertEscalation(trx, { escalation: initial, ladder, cause: request.cause });
    await this.event(trx, ticket.id, 'escalated', iso, request.actor, { escalationId: initial.id, trigger: request.trigger, detail: request.detail, reason: request.reason, from: from.id, to: to.id });
    // The engineer who takes it will be its assignee; until then the Router places it in the new queue.
    await this.deps.tickets.applyChange(trx, ticket.id, { at: iso, actor: request.actor, queueId: to.id, assigneeId: null, ...(request.origin ? { origin: request.origin } : {}) });
    await this.deps.router.placeInQueue(trx, ticket.id, { at: iso, actor: request.actor, cause: `escalation:${request.trigger}` });
    const paged = await pageFrom(trx, this.deps, initial, ladder, { level: 1, round: 1 }, at, await this.criticalOutOfHours(trx, ticket, to, at));
    return this.record(trx, paged, request.actor, request.origin);
  }

  /** Where the ticket goes: a named queue, or a tier's queue (the admins' choice, else its first by name). */
  private async targetQueue<Q extends { id: string; name: string; tier: number }>(trx: Trx, queues: readonly Q[], from: Q, target: EscalationTarget | null): Promise<Q | null> {
    if (target && 'queueId' in target) {
      const queue = queues.find((candidate) => candidate.id === target.queueId);
      if (!queue) throw refuse('invalid', 'target.queueId', `target.queueId: no queue "${target.queueId}"`);
      if (queue.id === from.id) throw refuse('invalid', 'target.queueId', `target.queueId: the ticket is in "${queue.id}" already`);
      return queue;
    }
    const tier = target?.tier ?? from.tier + 1;
    if (tier > 3) return null;
    if (tier <= from.tier) throw refuse('invalid', 'target.tier', `target.tier: the ticket is at tier ${from.tier} already`);
    const named = (await currentTriggers(trx)).document.tierQueues[tier as 2 | 3];
    const queue = queues.find((candidate) => candidate.id === named) ?? queues.find((candidate) => candidate.tier === tier);
    if (!queue) throw refuse('invalid', 'target.tier', `target.tier: no queue of tier ${tier}`);
    return queue;
  }

  /**
   * Out of hours (nobody covering the target queue is on shift), a critical ticket pages the tier's
   * on-call engineer at once, whatever the ladder's first level says.
   */
  private async criticalOutOfHours(trx: Trx, ticket: Ticket, to: { id: string; tier: number }, at: Date): Promise<PagedTarget[]> {
    if (ticket.priority !== 'critical') return [];
    const nextShift = await this.deps.shifts.nextShiftStart(trx, to.id, at);
    if (nextShift === null || nextShift.getTime() <= at.getTime()) return [];
    const userId = await this.deps.shifts.onCallForTier(trx, to.tier as SupportTier, at);
    const user = userId ? await trx.selectFrom('users').select(['id', 'name']).where('id', '=', userId).executeTakeFirst() : undefined;
    return user ? [{ kind: 'user', userId: user.id, name: user.name }] : [];
  }

  /** Takes the escalation: the ladder stops and the ticket is the acknowledger's. Saying it again changes nothing. */
  async acknowledge(trx: Trx, user: User, id: string, origin?: Origin): Promise<{ escalation: Escalation; changed: boolean }> {
    const escalation = await this.visible(trx, user, id);
    if (escalation.acknowledgedBy?.userId === user.id) return { escalation, changed: false };
    if (escalation.state === 'acknowledged') {
      throw refuse('conflict', 'state', `#${escalation.ticketNumber} was taken by ${escalation.acknowledgedBy?.name ?? 'someone'} meanwhile`, { current: 'acknowledged', changedBy: escalation.acknowledgedBy?.name ?? null });
    }
    if (!awaitsAcknowledgement(escalation)) throw refuse('conflict', 'state', `The escalation of #${escalation.ticketNumber} is ${escalation.state}`, { current: escalation.state });
    if (!mayAcknowledge(escalation, user)) throw refuse('forbidden', 'escalationId', `The escalation of #${escalation.ticketNumber} is not paging you`);
    const at = isoNow(this.deps.clock);
    const actor = { userId: user.id, name: user.name };
    const acknowledged: Escalation = { ...escalation, state: 'acknowledged', acknowledgedBy: actor, acknowledgedAt: at, paged: [], nextTimeoutAt: null, updatedAt: at };
    await this.event(trx, escalation.ticketId, 'escalation.acknowledged', at, actor, { escalationId: id });
    const ticket = await trx.selectFrom('tickets').select(['status', 'assignee_id']).where('id', '=', escalation.ticketId).executeTakeFirstOrThrow();
    if (ticket.status !== 'solved' && ticket.status !== 'closed' && ticket.assignee_id !== user.id) {
      await this.deps.tickets.applyChange(trx, escalation.ticketId, { at, actor, assigneeId: user.id, ...(origin ? { origin } : {}) });
    }
    return { escalation: await this.record(trx, acknowledged, actor, origin), changed: true };
  }

  /** "Not me", with a reason: the next level is paged at once when nobody else on this page is left. */
  async decline(trx: Trx, user: User, id: string, reason: string, origin?: Origin): Promise<{ escalation: Escalation; changed: boolean }> {
    const escalation = await this.visible(trx, user, id);
    if (escalation.declines.some((decline) => decline.userId === user.id) && !isPagingUser(escalation, user.id)) return { escalation, changed: false };
    if (escalation.state !== 'paging') throw refuse('conflict', 'state', `The escalation of #${escalation.ticketNumber} is ${escalation.state}`, { current: escalation.state, changedBy: escalation.acknowledgedBy?.name ?? null });
    if (!isPagingUser(escalation, user.id)) throw refuse('forbidden', 'escalationId', `The escalation of #${escalation.ticketNumber} is not paging you`);
    const now = this.now();
    const at = now.toISOString();
    const actor = { userId: user.id, name: user.name };
    const paged = escalation.paged.filter((target) => target.kind !== 'user' || target.userId !== user.id);
    const declined: Escalation = { ...escalation, paged, declines: [...escalation.declines, { userId: user.id, name: user.name, reason, at }], updatedAt: at };
    await this.event(trx, escalation.ticketId, 'escalation.declined', at, actor, { escalationId: id, reason });
    const stored = (await findEscalation(trx, id))!;
    const next = paged.some((target) => target.kind === 'user') ? declined : await this.climb(trx, declined, stored.ladder, now);
    return { escalation: await this.record(trx, next, actor, origin), changed: true };
  }

  /** Nobody acknowledged in time: the next level (or round) is paged; past the last, the escalation is exhausted. */
  async timeOut(trx: Trx, id: string): Promise<boolean> {
    const stored = await findEscalation(trx, id);
    const now = this.now();
    // Re-read in the transaction: an acknowledgement that won the race has cleared the deadline.
    if (!stored || stored.escalation.state !== 'paging' || stored.escalation.nextTimeoutAt === null || Date.parse(stored.escalation.nextTimeoutAt) > now.getTime()) return false;
    const { escalation } = stored;
    await this.event(trx, escalation.ticketId, 'escalation.timed_out', now.toISOString(), SYSTEM_ACTOR, { escalationId: id, level: escalation.level, round: escalation.round });
    await this.record(trx, await this.climb(trx, escalation, stored.ladder, now), SYSTEM_ACTOR);
    return true;
  }

  private async climb(trx: Trx, escalation: Escalation, ladder: Ladder, at: Date): Promise<Escalation> {
    const next = nextPosition(ladder, { level: escalation.level, round: escalation.round });
    const exhausted: Escalation = { ...escalation, state: 'exhausted', paged: [], nextTimeoutAt: null, updatedAt: at.toISOString() };
    return next ? pageFrom(trx, this.deps, escalation, ladder, next, at) : exhausted;
  }

  /** A ticket solved or closed needs nobody woken for it any more. */
  async ticketFinished(trx: Trx, ticketId: string, actor: EscalationActor): Promise<void> {
    const at = isoNow(this.deps.clock);
    for (const open of await openEscalations(trx, ticketId)) await this.stop(trx, open.escalation, 'resolved', actor, at);
  }

  private async stop(trx: Trx, escalation: Escalation, state: 'resolved' | 'superseded', actor: EscalationActor, at: string, origin?: Origin): Promise<void> {
    await this.record(trx, { ...escalation, state, paged: [], nextTimeoutAt: null, updatedAt: at }, actor, origin);
  }

  /** Whether an automatic cause has escalated this ticket before, or a ladder is already waking people for it. */
  async mayTrigger(trx: Trx, ticketId: string, cause: string): Promise<boolean> {
    const open = await openEscalations(trx, ticketId);
    return !open.some((stored) => stored.escalation.state === 'paging') && !(await causeUsed(trx, ticketId, cause));
  }

  private async visible(trx: Trx, user: User, id: string): Promise<Escalation> {
    const stored = await findEscalation(trx, id);
    // An escalation the user may not see answers as a missing one: its existence does not leak.
    if (!stored || !seesEscalation(user, stored.escalation)) throw refuse('not_found', 'escalationId', `No escalation ${id}`);
    return stored.escalation;
  }

  /** Stores and publishes the escalation, and writes each new page and its end into the ticket's history. */
  private async record(trx: Trx, escalation: Escalation, actor: EscalationActor, origin?: Origin): Promise<Escalation> {
    const before = (await findEscalation(trx, escalation.id))!.escalation;
    for (const page of escalation.pages.slice(before.pages.length)) {
      await this.event(trx, escalation.ticketId, 'escalation.paged', page.at, SYSTEM_ACTOR, { escalationId: escalation.id, level: page.level, round: page.round, targets: page.targets });
    }
    if (escalation.state !== before.state && escalation.state !== 'paging' && escalation.state !== 'acknowledged') {
      await this.event(trx, escalation.ticketId, `escalation.${escalation.state}`, escalation.updatedAt, actor, { escalationId: escalation.id });
    }
    await saveEscalation(trx, escalation, origin);
    return escalation;
  }

  private async event(trx: Trx, ticketId: string, kind: string, at: string, actor: EscalationActor, data: object): Promise<void> {
    await recordTicketEvent(trx, ticketId, kind, at, actor.userId, data);
  }
}
