import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { AgentStatus } from '../../shared/domain/people.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import type { RoutingCause, RoutingDecision } from '../../shared/routing/decision.js';
import { afterAssignment, compareWaiting, occupiesAgent, placeTicket, type Placement, type RoutingDesk, type TicketToPlace } from '../../shared/routing/placement.js';
import { matchRoutingRule, type RuleMatch } from '../../shared/routing/rules.js';
import { queueOpensAt } from '../../shared/routing/settings.js';
import type { DeadlineWork } from '../scheduling/deadline-loop.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import { ticketFromRow } from '../tickets/rows.js';
import { DEFAULT_QUEUE_ID, type NewTicket, type NewTicketRouter, type TicketObserver, type TicketStore } from '../tickets/ticket-store.js';
import { recordDecision } from './decision-log.js';
import { loadDesk, type Rota } from './desk-snapshot.js';
import { chooseStatus, consoleConnected, consolesGone, expireGracePeriods, nextGraceEnd, publishAgent, startGracePeriods, type PresenceChange } from './presence.js';
import { currentRules } from './rules-store.js';
import { readQueueRouting } from './settings-store.js';

type Trx = Transaction<Database>;

/** Why a placement happens, as the team's callers (escalation) pass it: when, who asked, and the cause in words or as a routing cause. */
export interface PlacementReason {
  at: string;
  actor: { userId: string | null; name: string };
  cause: string;
}

/** How the queue was chosen, for a new ticket's first decision. */
interface QueueChosen {
  queueChoice: RoutingDecision['queueChoice'];
  rule: RoutingDecision['rule'];
  reasons: RoutingDecision['reasons'];
}
const alreadyThere: QueueChosen = { queueChoice: 'current', rule: null, reasons: [] };

/** The desk itself, as the actor of what routing changes. */
const ROUTING = { userId: null, name: 'Routing' } as const;
/**
 * While tickets wait, routing looks again this often: a shift starting while another is on, an
 * override, a colleague's capacity raised — whatever no event announces is caught within this.
 */
export const WAITING_RECHECK_MS = 60_000;
/** How long an agent's consoles may all be gone (a restart, a train tunnel, a sleeping laptop) before they count as offline. */
export const DEFAULT_PRESENCE_GRACE_MS = 5 * 60_000;
const WAKE_ID = 'waiting';

/**
 * Routing (docs/routing.md): picks a new ticket's queue by the rules and its agent by load, places
 * waiting tickets as room appears, hands an offline agent's unanswered tickets on, and records every
 * decision in the ticket's history. Everything is decided inside the caller's transaction from one
 * read of the desk, so a decision and its effects commit together.
 */
export class Router implements NewTicketRouter, TicketObserver {
  /** Consoles connected to this server node, per user (the table keeps what survives a restart). */
  private readonly consoles = new Map<string, number>();
  /** Connections and disconnections are written one after another, in the order they happened. */
  private connectionWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: ServerDb,
    private readonly clock: Clock,
    private readonly feed: ChangeFeed,
    private readonly tickets: TicketStore,
    private readonly rota: Rota,
    private readonly graceMs = DEFAULT_PRESENCE_GRACE_MS,
  ) {}

  private now(): string {
    return isoNow(this.clock);
  }

  /** A new ticket's queue (a queue the intake named, else the first matching rule's, else the default), and then its agent. */
  async route(trx: Trx, input: NewTicket): Promise<{ queueId: string; place(ticket: Ticket): Promise<Ticket> }> {
    const chosen = input.queueId !== undefined ? null : await this.matchRules(trx, input);
    const queueId = input.queueId ?? chosen!.queueId;
    return {
      queueId,
      place: async (ticket) => {
        if (input.taken) return ticket;
        if (chosen?.match.rule) {
          await trx.insertInto('ticket_routing').values({ ticket_id: ticket.id, queue_id: ticket.queueId, rule_id: chosen.match.rule.id, skills_json: JSON.stringify(chosen.match.skills) }).execute();
        }
        return this.decide(trx, ticket, { at: this.now(), actor: ROUTING, cause: 'ticket.new' satisfies RoutingCause }, chosen?.queueChosen ?? { ...alreadyThere, queueChoice: 'intake' });
      },
    };
  }

  private async matchRules(trx: Trx, input: NewTicket): Promise<{ queueId: string; match: RuleMatch; queueChosen: QueueChosen }> {
    const { version, document } = await currentRules(trx);
    const match = matchRoutingRule(document, input);
    const wanted = match.rule ? match.queueId : (input.defaultQueueId ?? match.queueId);
    // Rules are checked against the queues when saved, and queues are never removed; this is the last line.
    const exists = await trx.selectFrom('queues').select('id').where('id', '=', wanted).executeTakeFirst();
    return {
      queueId: exists ? wanted : DEFAULT_QUEUE_ID,
      match,
      queueChosen: { queueChoice: match.rule ? 'rule' : 'default', rule: match.rule ? { id: match.rule.id, name: match.rule.name, version } : null, reasons: match.reasons },
    };
  }

  /** Picks an agent inside the ticket's current queue, or leaves it waiting (or overflows it), and records why. */
  async placeInQueue(trx: Trx, ticketId: string, why: PlacementReason): Promise<void> {
    const row = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
    if (!row) throw new Error(`No ticket ${ticketId}`);
    await this.decide(trx, ticketFromRow(row), why, alreadyThere);
  }

  private async decide(trx: Trx, ticket: Ticket, why: PlacementReason, chosen: QueueChosen): Promise<Ticket> {
    const desk = await loadDesk(trx, this.rota, Date.parse(why.at), ticket.id);
    const placement = placeTicket(desk, await this.toPlace(trx, ticket));
    const after = await this.apply(trx, ticket, placement, why, await this.nextSeq(trx));
    await recordDecision(trx, ticket.id, why.actor.userId, this.decision(ticket, placement, desk, why, chosen));
    if (placement.outcome === 'waiting') await this.wakeFor(trx, new Set([ticket.queueId]), 'earliest');
    return after;
  }

  private async toPlace(trx: Trx, ticket: Ticket): Promise<TicketToPlace> {
    const row = await trx.selectFrom('ticket_routing').select(['queue_id', 'skills_json']).where('ticket_id', '=', ticket.id).executeTakeFirst();
    return { queueId: ticket.queueId, channel: ticket.channel, ruleSkills: row ? { queueId: row.queue_id, skills: JSON.parse(row.skills_json) as string[] } : null };
  }

  private async apply(trx: Trx, ticket: Ticket, placement: Placement, why: PlacementReason, seq: number): Promise<Ticket> {
    const moves = placement.queueId !== ticket.queueId;
    if (placement.agentId === ticket.assigneeId && !moves) return ticket;
    const after = await this.tickets.applyChange(trx, ticket.id, { actor: why.actor, assigneeId: placement.agentId, ...(moves ? { queueId: placement.queueId } : {}) });
    if (placement.agentId) await this.served(trx, placement.agentId, seq);
    return after;
  }

  private decision(ticket: Ticket, placement: Placement, desk: RoutingDesk, why: PlacementReason, chosen: QueueChosen): RoutingDecision {
    return {
      at: why.at,
      cause: why.cause,
      actorName: why.actor.userId === null ? null : why.actor.name,
      channel: ticket.channel,
      ...chosen,
      steps: placement.steps,
      outcome: placement.outcome,
      queueId: placement.queueId,
      assigneeId: placement.agentId,
      assigneeName: placement.agentId ? (desk.agents.get(placement.agentId)?.name ?? null) : null,
    };
  }

  private async nextSeq(trx: Trx): Promise<number> {
    const row = await trx.selectFrom('agent_routing').select((eb) => eb.fn.max('last_routed_seq').as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0) + 1;
  }

  /** Remembers whom routing served last, for round robin; an agent nobody configured gets the default settings' row. */
  private async served(trx: Trx, userId: string, seq: number): Promise<void> {
    await trx
      .insertInto('agent_routing')
      .values({ user_id: userId, skills_json: '[]', capacity_json: '{}', last_routed_seq: seq, updated_at: this.now() })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_routed_seq: seq }))
      .execute();
  }

  /**
   * Places every waiting ticket (new or open, nobody's) that someone can take now, most urgent and
   * oldest first, from one read of the desk kept up to date as tickets are given out. Only placements
   * are recorded: a ticket still waiting keeps the decision that made it wait.
   */
  async placeWaiting(trx: Trx): Promise<number> {
    const rows = await trx.selectFrom('tickets').selectAll().where('status', 'in', ['new', 'open']).where('assignee_id', 'is', null).execute();
    const waiting = rows.map(ticketFromRow).sort(compareWaiting);
    const at = this.now();
    let desk = await loadDesk(trx, this.rota, Date.parse(at));
    let seq = await this.nextSeq(trx);
    const stillWaiting = new Set<string>();
    let placed = 0;
    for (const ticket of waiting) {
      const placement = placeTicket(desk, await this.toPlace(trx, ticket));
      if (!placement.agentId) {
        stillWaiting.add(ticket.queueId);
        continue;
      }
      const why = { at, actor: ROUTING, cause: 'capacity.freed' satisfies RoutingCause };
      await this.apply(trx, ticket, placement, why, seq);
      await recordDecision(trx, ticket.id, null, this.decision(ticket, placement, desk, why, alreadyThere));
      desk = afterAssignment(desk, placement.agentId, ticket.channel, seq++);
      placed++;
    }
    await this.wakeFor(trx, stillWaiting, 'replace');
    return placed;
  }

  /**
   * The stored wake-up for waiting tickets: when a queue they wait in opens, when its next shift starts
   * (if nobody covering it is on shift), and at the latest after the recheck interval. A sweep replaces
   * it (it has just looked at everything); a single decision only brings it earlier.
   */
  private async wakeFor(trx: Trx, queueIds: ReadonlySet<string>, mode: 'earliest' | 'replace'): Promise<void> {
    if (queueIds.size === 0) {
      if (mode === 'replace') await trx.deleteFrom('routing_wakeups').where('id', '=', WAKE_ID).execute();
      return;
    }
    const now = this.clock.now();
    const settings = await readQueueRouting(trx);
    let wake = now + WAITING_RECHECK_MS;
    for (const queueId of queueIds) {
      const queue = settings.get(queueId);
      const opens = queue ? queueOpensAt(queue, now) : now;
      if (opens > now) wake = Math.min(wake, opens);
      const shift = await this.rota.nextShiftStart(trx, queueId, new Date(now));
      if (shift && shift.getTime() > now) wake = Math.min(wake, shift.getTime());
    }
    await this.setWake(trx, new Date(wake).toISOString(), mode);
  }

  private async setWake(trx: Trx, at: string, mode: 'earliest' | 'replace'): Promise<void> {
    const current = await trx.selectFrom('routing_wakeups').select('wake_at').where('id', '=', WAKE_ID).executeTakeFirst();
    if (current && mode === 'earliest' && current.wake_at <= at) return;
    await trx
      .insertInto('routing_wakeups')
      .values({ id: WAKE_ID, wake_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ wake_at: at }))
      .execute();
  }

  /** Someone may have room, or a ticket waits anew: the waiting tickets are looked at as soon as this commits. */
  async requestPlacement(trx: Trx): Promise<void> {
    await this.setWake(trx, this.now(), 'earliest');
  }

  /**
   * Hears every ticket change: one that frees an agent (solved, put on hold, handed to someone else)
   * or leaves a ticket nobody's while it needs someone (unassigned, a customer writing again) has the
   * waiting tickets looked at after the commit — not inside this change, which is someone else's.
   */
  async ticketChanged(trx: Trx, before: Ticket, after: Ticket): Promise<void> {
    const freed = before.assigneeId !== null && occupiesAgent(before.status) && (after.assigneeId !== before.assigneeId || !occupiesAgent(after.status));
    const waitsAnew = after.assigneeId === null && occupiesAgent(after.status) && !(before.assigneeId === null && occupiesAgent(before.status));
    if (freed || waitsAnew) await this.requestPlacement(trx);
  }

  /** The agent (or a supervisor for them) chose a status; from a console, it also says they are there. */
  async setStatus(trx: Trx, userId: string, status: AgentStatus, actor: PlacementReason['actor'], options: { fromConsole: boolean; origin?: { clientId: string; mutationId: number } }): Promise<void> {
    const at = this.now();
    const change = await chooseStatus(trx, userId, status, at, options.fromConsole);
    await publishAgent(trx, userId, at, options.origin);
    await this.presenceChanged(trx, change, actor);
  }

  /** Going offline hands the agent's unanswered tickets on; coming online has the waiting tickets looked at. */
  private async presenceChanged(trx: Trx, change: PresenceChange, actor: PlacementReason['actor']): Promise<void> {
    if (change.after === 'offline' && change.before !== 'offline') await this.handOn(trx, change.userId, actor);
    if (change.after === 'online' && change.before !== 'online') await this.requestPlacement(trx);
  }

  /**
   * An agent's tickets a customer is waiting on (never answered, or the customer spoke last) go to
   * someone else in their queue, or back to waiting there; tickets waiting on the customer stay theirs.
   */
  private async handOn(trx: Trx, userId: string, actor: PlacementReason['actor']): Promise<void> {
    const rows = await trx.selectFrom('tickets').selectAll().where('assignee_id', '=', userId).where('status', 'in', ['new', 'open']).execute();
    for (const row of rows) {
      const last = await trx.selectFrom('messages').select('author_kind').where('ticket_id', '=', row.id).where('is_public', '=', 1).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
      if (row.first_responded_at !== null && last?.author_kind !== 'customer') continue;
      await this.decide(trx, ticketFromRow(row), { at: this.now(), actor, cause: 'agent.offline' satisfies RoutingCause }, alreadyThere);
    }
  }

  /** A console of the user's connected to this server. */
  consoleConnected(userId: string): Promise<void> {
    const count = (this.consoles.get(userId) ?? 0) + 1;
    this.consoles.set(userId, count);
    if (count > 1) return this.connectionWrites;
    return this.writeConnection(async (trx) => {
      const change = await consoleConnected(trx, userId, this.now());
      if (change.before === change.after) return false;
      await publishAgent(trx, userId, this.now());
      await this.presenceChanged(trx, change, ROUTING);
      return true;
    });
  }

  /** One of the user's consoles went; the last one starts their grace period. */
  consoleDisconnected(userId: string): Promise<void> {
    const count = (this.consoles.get(userId) ?? 1) - 1;
    if (count > 0) {
      this.consoles.set(userId, count);
      return this.connectionWrites;
    }
    this.consoles.delete(userId);
    return this.writeConnection(async (trx) => {
      await consolesGone(trx, userId, new Date(this.clock.now() + this.graceMs).toISOString());
      // Nothing for consoles to hear, but the deadline loop must learn of the new deadline.
      return true;
    });
  }

  private writeConnection(write: (trx: Trx) => Promise<boolean>): Promise<void> {
    this.connectionWrites = this.connectionWrites
      .then(async () => {
        if (await this.db.transaction().execute(write)) this.feed.committed();
      })
      .catch((error: unknown) => console.error('shiftdesk: recording a console connection failed', error));
    return this.connectionWrites;
  }

  /** At start-up: whoever the table says was connected gets a grace period to reconnect to this run. */
  async start(): Promise<void> {
    await this.db.transaction().execute((trx) => startGracePeriods(trx, new Date(this.clock.now() + this.graceMs).toISOString()));
  }

  /** What the deadline loop runs: grace periods that ended, and the waiting tickets' wake-up. */
  deadlines(): DeadlineWork {
    return {
      runDue: async () => {
        const changed = await this.db.transaction().execute(async (trx) => {
          const now = this.now();
          const expired = await expireGracePeriods(trx, now);
          for (const change of expired) {
            await publishAgent(trx, change.userId, now);
            await this.presenceChanged(trx, change, ROUTING);
          }
          const wake = await trx.selectFrom('routing_wakeups').select('wake_at').where('id', '=', WAKE_ID).executeTakeFirst();
          const placed = wake && wake.wake_at <= now ? await this.placeWaiting(trx) : 0;
          return expired.length + placed > 0;
        });
        if (changed) this.feed.committed();
      },
      nextDeadline: async () => {
        const [wake, grace] = await Promise.all([this.db.selectFrom('routing_wakeups').select('wake_at').where('id', '=', WAKE_ID).executeTakeFirst(), nextGraceEnd(this.db)]);
        const times = [wake?.wake_at, grace].filter((at): at is string => typeof at === 'string');
        return times.length > 0 ? times.sort()[0]! : null;
      },
    };
  }
}
