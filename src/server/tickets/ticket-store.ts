import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { CreateTicketBodySchema, TicketListQuery, TicketPage } from '../../shared/api/rest.js';
import type { CustomerTier, Message, Priority, Ticket, TicketDetail, TicketStatus, TicketType } from '../../shared/domain/ticket.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import { queueScope, seesQueue, userScope } from '../people/visibility.js';
import type { SlaService } from '../sla/sla-service.js';
import { messageFromRow, messageToRow, ticketFromRow, ticketToRow } from './rows.js';
import { recordTicketEvent, ticketHistory } from './ticket-events.js';
import type { TicketEvent } from '../../shared/domain/ticket-event.js';
import { applyTagChange, MAX_TAGS } from '../../shared/domain/tags.js';

export const DEFAULT_QUEUE_ID = 'general';
const FIRST_TICKET_NUMBER = 1001;

/** What a message may carry besides its text, as the channel that brought it knows it. */
export type MessageExtras = Pick<Message, 'via' | 'attachments' | 'hasOriginal' | 'html' | 'call'>;

export type NewTicket = z.output<typeof CreateTicketBodySchema> & {
  /** Demo data and imports carry their own history; live intake uses the clock. */
  createdAt?: string;
  /** Intake that stores attachments or an original under the first message names its id beforehand. */
  firstMessage?: { id?: string; writtenAt?: string; extras?: MessageExtras };
  /** Where the ticket goes when no routing rule matches (an IMAP mailbox's queue); a `queueId` skips the rules. */
  defaultQueueId?: string;
  /** Someone already has it (a call the agent answered): the intake assigns it, routing does not place it. */
  taken?: true;
  /** History being replayed (demo data, imports): stored as it was, not routed. */
  quiet?: true;
};

/** Where a new ticket goes (docs/routing.md): its queue before it is stored, its agent once it is, in the same transaction. */
export interface NewTicketRouter {
  route(trx: Transaction<Database>, input: NewTicket): Promise<{ queueId: string; place(ticket: Ticket): Promise<Ticket> }>;
}

/** Something that happened to a ticket: a status or attribute change, a message, or several at once. */
export interface TicketChange {
  /** When it happened at the server; history (demo data, imports) passes its own. */
  at?: string;
  actor: { userId: string | null; name: string };
  status?: TicketStatus;
  priority?: Priority;
  customerTier?: CustomerTier;
  type?: TicketType;
  assigneeId?: string | null;
  /** Moving to another queue: consoles of the old queue see the ticket leave, the new queue's see it arrive. */
  queueId?: string;
  /** Tags to add and to remove, as a set (see applyTagChange): never a conflict. */
  tags?: { add: readonly string[]; remove: readonly string[] };
  /** `authorName`: whose words they are, where not the actor's (a call the agent logs gives the caller's). */
  message?: { id?: string; body: string; isPublic: boolean; authorKind: Message['authorKind']; authorName?: string; writtenAt?: string; extras?: MessageExtras };
  /** The agent answered the customer outside the thread (on the phone): a first response, as a public reply is. */
  respondedBy?: 'call';
  /** History being replayed (demo data, imports): the customer heard of it long ago, so no notice goes out. */
  quiet?: boolean;
  /** The console mutation this change carries out, recorded in the change log. */
  origin?: { clientId: string; mutationId: number };
}

/**
 * Hears every change in its transaction: what it writes (a notice to the customer) commits with the
 * change. SLA recomputes are changes too (a clock that warns or breaches), told with no messages.
 */
export interface TicketObserver {
  ticketChanged(trx: Transaction<Database>, before: Ticket, after: Ticket, newMessages: readonly Message[]): Promise<void>;
  /** A ticket opened live (not history being replayed), once it is stored and placed. */
  ticketCreated?(trx: Transaction<Database>, ticket: Ticket, firstMessage: Message): Promise<void>;
}

export class TicketStoreError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Trx = Transaction<Database>;

/**
 * Tickets and their messages. Every write records what happened, recomputes the SLA snapshot and
 * appends to the change log in one transaction, then announces the commit.
 */
export class TicketStore {
  private readonly observers: TicketObserver[] = [];
  private router: NewTicketRouter | null = null;

  constructor(
    private readonly db: ServerDb,
    private readonly clock: Clock,
    private readonly feed: ChangeFeed,
    private readonly sla: SlaService,
  ) {}

  observe(observer: TicketObserver): void {
    this.observers.push(observer);
  }

  routeWith(router: NewTicketRouter): void {
    this.router = router;
  }

  private nowIso(): string {
    return isoNow(this.clock);
  }

  /** Opens a ticket with the customer's first message. */
  async create(input: NewTicket): Promise<TicketDetail> {
    const detail = await this.db.transaction().execute((trx) => this.insert(trx, input));
    this.feed.committed();
    return detail;
  }

  /** For callers that batch many tickets into their own transaction (demo seeding, imports). */
  async insert(trx: Trx, input: NewTicket): Promise<TicketDetail> {
    const route = input.quiet ? null : await this.router?.route(trx, input);
    const queueId = route?.queueId ?? input.queueId ?? DEFAULT_QUEUE_ID;
    const queue = await trx.selectFrom('queues').select('id').where('id', '=', queueId).executeTakeFirst();
    if (!queue) throw new TicketStoreError('queueId', `queueId: no queue "${queueId}"`);

    const createdAt = input.createdAt ?? this.nowIso();
    const last = await trx.selectFrom('tickets').select((eb) => eb.fn.max('number').as('number')).executeTakeFirst();
    const ticket: Ticket = {
      id: randomUUID(),
      number: Math.max(Number(last?.number ?? 0) + 1, FIRST_TICKET_NUMBER),
      subject: input.subject,
      requesterName: input.requesterName,
      requesterEmail: input.requesterEmail,
      channel: input.channel,
      priority: input.priority,
      customerTier: input.customerTier,
      type: input.type,
      status: 'new',
      queueId,
      assigneeId: null,
      createdAt,
      updatedAt: createdAt,
      firstRespondedAt: null,
      solvedAt: null,
      sla: null,
      tags: [],
    };
    const message: Message = {
      id: input.firstMessage?.id ?? randomUUID(),
      ticketId: ticket.id,
      authorKind: 'customer',
      authorName: input.requesterName,
      body: input.body,
      isPublic: true,
      createdAt,
      ...(input.firstMessage?.writtenAt && input.firstMessage.writtenAt < createdAt ? { writtenAt: input.firstMessage.writtenAt } : {}),
      ...input.firstMessage?.extras,
    };
    await trx.insertInto('tickets').values(ticketToRow(ticket)).execute();
    await trx.insertInto('messages').values(messageToRow(message)).execute();
    const withSla = await this.withSla(trx, ticket);
    await this.persist(trx, withSla, [message]);
    const placed = route ? await route.place(withSla) : withSla;
    if (input.quiet) return { ticket: placed, messages: [message] };
    for (const observer of this.observers) await observer.ticketCreated?.(trx, placed, message);
    // As it is after its observers: one may have escalated it to another queue.
    const row = await trx.selectFrom('tickets').selectAll().where('id', '=', ticket.id).executeTakeFirstOrThrow();
    return { ticket: ticketFromRow(row), messages: [message] };
  }

  /** Applies a change to a ticket the caller may already see; answers the ticket as it is now. */
  async change(ticketId: string, change: TicketChange): Promise<TicketDetail> {
    await this.db.transaction().execute((trx) => this.applyChange(trx, ticketId, change));
    this.feed.committed();
    // Read where it is now: an observer may have moved it on in the same transaction (an escalation).
    const { queue_id: queueId } = await this.db.selectFrom('tickets').select('queue_id').where('id', '=', ticketId).executeTakeFirstOrThrow();
    return (await this.find([queueId], ticketId))!;
  }

  async applyChange(trx: Trx, ticketId: string, change: TicketChange): Promise<Ticket> {
    const row = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
    if (!row) throw new TicketStoreError('id', `No ticket ${ticketId}`);
    const before = ticketFromRow(row);
    const at = change.at ?? this.nowIso();
    const actor = change.actor.userId;
    let ticket: Ticket = { ...before, updatedAt: at };
    const messages: Message[] = [];

    if (change.message) {
      const message: Message = {
        id: change.message.id ?? randomUUID(),
        ticketId,
        authorKind: change.message.authorKind,
        authorName: change.message.authorName ?? change.actor.name,
        body: change.message.body,
        isPublic: change.message.isPublic,
        createdAt: at,
        ...(change.message.writtenAt && change.message.writtenAt < at ? { writtenAt: change.message.writtenAt } : {}),
        ...change.message.extras,
      };
      messages.push(message);
      if (message.authorKind === 'agent' && message.isPublic) {
        ticket.firstRespondedAt ??= at;
        // Answering a new ticket opens it, as every help desk does, unless the agent chose a status.
        if (ticket.status === 'new' && change.status === undefined) change = { ...change, status: 'open' };
      }
    }

    if (change.respondedBy) {
      ticket.firstRespondedAt ??= at;
      // The SLA clocks read responses from the thread; this one happened off it, so it is recorded here.
      await recordTicketEvent(trx, ticketId, 'responded', at, actor, { by: change.respondedBy });
    }

    const attributeChanges: Record<string, [string, string]> = {};
    for (const field of ['priority', 'customerTier', 'type'] as const) {
      const next = change[field];
      if (next !== undefined && next !== ticket[field]) {
        attributeChanges[field] = [ticket[field], next];
        ticket = { ...ticket, [field]: next };
      }
    }
    if (Object.keys(attributeChanges).length > 0) await recordTicketEvent(trx, ticketId, 'attributes', at, actor, { changes: attributeChanges });
    if (change.tags) {
      const tags = applyTagChange(ticket.tags, change.tags);
      if (tags.length > MAX_TAGS) throw new TicketStoreError('tags', `tags: at most ${MAX_TAGS} per ticket (this change would make ${tags.length})`);
      const added = tags.filter((tag) => !ticket.tags.includes(tag));
      const removed = ticket.tags.filter((tag) => !tags.includes(tag));
      if (added.length + removed.length > 0) await recordTicketEvent(trx, ticketId, 'tags', at, actor, { added, removed });
      ticket = { ...ticket, tags };
    }
    if (change.assigneeId !== undefined && change.assigneeId !== ticket.assigneeId) {
      if (change.assigneeId !== null && !(await trx.selectFrom('users').select('id').where('id', '=', change.assigneeId).executeTakeFirst())) {
        throw new TicketStoreError('assigneeId', `assigneeId: no agent "${change.assigneeId}"`);
      }
      // With the names as they are now, so the history reads right offline and after someone leaves.
      await recordTicketEvent(trx, ticketId, 'assignee', at, actor, { from: ticket.assigneeId, to: change.assigneeId, fromName: await nameOf(trx, 'users', ticket.assigneeId), toName: await nameOf(trx, 'users', change.assigneeId) });
      ticket.assigneeId = change.assigneeId;
    }
    const movedFrom = change.queueId !== undefined && change.queueId !== ticket.queueId ? ticket.queueId : null;
    if (movedFrom !== null) {
      const queue = await trx.selectFrom('queues').select('id').where('id', '=', change.queueId!).executeTakeFirst();
      if (!queue) throw new TicketStoreError('queueId', `queueId: no queue "${change.queueId}"`);
      await recordTicketEvent(trx, ticketId, 'queue', at, actor, { from: ticket.queueId, to: change.queueId, fromName: await nameOf(trx, 'queues', ticket.queueId), toName: await nameOf(trx, 'queues', change.queueId!) });
      ticket.queueId = change.queueId!;
    }
    if (change.status !== undefined && change.status !== ticket.status) {
      await recordTicketEvent(trx, ticketId, 'status', at, actor, { from: ticket.status, to: change.status });
      ticket.solvedAt = change.status === 'solved' ? at : change.status === 'closed' ? ticket.solvedAt : null;
      ticket.status = change.status;
    }
    for (const message of messages) await trx.insertInto('messages').values(messageToRow(message)).execute();
    const withSla = await this.withSla(trx, ticket);
    await this.publish(trx, before, withSla, messages, change.origin);
    if (!change.quiet) for (const observer of this.observers) await observer.ticketChanged(trx, before, withSla, messages);
    return withSla;
  }

  /**
   * Appends the change to every scope that must hear of it. Deletions come first, so a console that
   * still sees the ticket another way (its own scope) ends with it. The queue's scope always gets the
   * ticket; the assignee's own scope mirrors it when the assignee is not in the queue; a ticket
   * arriving in a scope brings its whole thread, which that scope's consoles have never seen.
   */
  private async publish(trx: Trx, before: Ticket, after: Ticket, newMessages: Message[], origin: TicketChange['origin']): Promise<void> {
    const now = this.nowIso();
    const cause = origin ? { origin } : {};
    const remove = (scope: string) => appendChange(trx, { scope, entity: 'ticket', rowId: after.id, ...cause }, now);
    const moved = before.queueId !== after.queueId;
    if (moved) await remove(queueScope(before.queueId));
    const formerMirror = before.assigneeId !== null && !(await seesQueue(trx, before.assigneeId, before.queueId));
    const mirror = after.assigneeId !== null && !(await seesQueue(trx, after.assigneeId, after.queueId));
    // The former assignee lets go, unless they see the ticket's (new) queue anyway.
    if (formerMirror && before.assigneeId !== after.assigneeId && !(await seesQueue(trx, before.assigneeId!, after.queueId))) {
      await remove(userScope(before.assigneeId!));
    }
    const wholeThread = async () => (await trx.selectFrom('messages').selectAll().where('ticket_id', '=', after.id).orderBy('created_at').execute()).map(messageFromRow);
    // Arriving in a scope, a ticket brings its history too: the thread shows who did what before.
    await this.persist(trx, after, moved ? await wholeThread() : newMessages, origin, moved ? await ticketHistory(trx, after.id) : []);
    if (mirror) {
      const arriving = !formerMirror || before.assigneeId !== after.assigneeId;
      await this.appendTicket(trx, userScope(after.assigneeId!), after, arriving ? await wholeThread() : newMessages, origin, arriving ? await ticketHistory(trx, after.id) : []);
    }
  }

  /**
   * Recomputes a ticket's clocks as of now. When they moved and a reason is given (a policy or calendar
   * change), the ticket's history records why. Answers the new seq, or null when nothing changed.
   */
  async recomputeSla(trx: Trx, ticketId: string, reason?: { text: string; policyVersion: number; userId: string | null }): Promise<number | null> {
    const row = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
    if (!row) return null;
    const before = ticketFromRow(row);
    const after = await this.withSla(trx, before);
    const moved = JSON.stringify(clockStates(before)) !== JSON.stringify(clockStates(after));
    if (!moved && ticketToRow(after).sla_wake_at === row.sla_wake_at) return null;
    if (moved && reason) {
      await recordTicketEvent(trx, ticketId, 'sla.recomputed', this.nowIso(), reason.userId, {
        reason: reason.text,
        policyVersion: reason.policyVersion,
        before: clockStates(before),
        after: clockStates(after),
      });
    }
    const seq = await this.persist(trx, after, []);
    if (moved) for (const observer of this.observers) await observer.ticketChanged(trx, before, after, []);
    return seq;
  }

  private async withSla(trx: Trx, ticket: Ticket): Promise<Ticket> {
    const { evaluation } = await this.sla.evaluate(trx, ticket);
    return { ...ticket, sla: evaluation?.snapshot ?? null };
  }

  /** Updates the ticket row and appends it and the given (already inserted) messages to the change log. */
  private async persist(trx: Trx, ticket: Ticket, newMessages: Message[], origin?: TicketChange['origin'], history: TicketEvent[] = []): Promise<number> {
    const { id: _id, ...row } = ticketToRow(ticket);
    await trx.updateTable('tickets').set(row).where('id', '=', ticket.id).execute();
    return this.appendTicket(trx, queueScope(ticket.queueId), ticket, newMessages, origin, history);
  }

  private async appendTicket(trx: Trx, scope: string, ticket: Ticket, messages: Message[], origin?: TicketChange['origin'], history: TicketEvent[] = []): Promise<number> {
    const now = this.nowIso();
    const cause = origin ? { origin } : {};
    let seq = await appendChange(trx, { scope, entity: 'ticket', rowId: ticket.id, row: ticket, ...cause }, now);
    for (const message of messages) seq = await appendChange(trx, { scope, entity: 'message', rowId: message.id, row: message, ...cause }, now);
    for (const event of history) seq = await appendChange(trx, { scope, entity: 'ticketEvent', rowId: event.id, row: event, ...cause }, now);
    return seq;
  }

  async list(queueIds: string[], query: TicketListQuery): Promise<TicketPage> {
    const wanted = query.queueId ? queueIds.filter((id) => id === query.queueId) : queueIds;
    if (wanted.length === 0) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    let base = this.db.selectFrom('tickets').where('queue_id', 'in', wanted);
    if (query.status) base = base.where('status', '=', query.status);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('number', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return { items: rows.map(ticketFromRow), page: query.page, pageSize: query.pageSize, total: Number(total.n) };
  }

  /**
   * `ref` is an id or the ticket number. A ticket outside the caller's queues, and not assigned to
   * them, is as good as absent.
   */
  async find(queueIds: string[], ref: string, assigneeId?: string): Promise<TicketDetail | null> {
    if (queueIds.length === 0 && assigneeId === undefined) return null;
    const byNumber = /^\d+$/.test(ref);
    const row = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where(byNumber ? 'number' : 'id', '=', byNumber ? Number(ref) : ref)
      .where((eb) => eb.or([...(queueIds.length > 0 ? [eb('queue_id', 'in', queueIds)] : []), ...(assigneeId ? [eb('assignee_id', '=', assigneeId)] : [])]))
      .executeTakeFirst();
    if (!row) return null;
    const messages = await this.db.selectFrom('messages').selectAll().where('ticket_id', '=', row.id).orderBy('created_at').execute();
    return { ticket: ticketFromRow(row), messages: messages.map(messageFromRow) };
  }
}

async function nameOf(trx: Trx, table: 'users' | 'queues', id: string | null): Promise<string | null> {
  if (id === null) return null;
  return (await trx.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

function clockStates(ticket: Ticket) {
  return (ticket.sla?.clocks ?? []).map((c) => ({ kind: c.kind, state: c.state, dueAt: c.dueAt, warning: c.warning }));
}
