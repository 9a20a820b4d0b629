import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import type { CreateTicketBodySchema, TicketListQuery, TicketPage } from '../../shared/api/rest.js';
import type { Message, Ticket, TicketDetail } from '../../shared/domain/ticket.js';
import { addMinutes, targetsFor } from '../../shared/sla/targets.js';
import type { z } from 'zod';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import { queueScope } from '../people/visibility.js';
import { messageFromRow, messageToRow, ticketFromRow, ticketToRow } from './rows.js';

export const DEFAULT_QUEUE_ID = 'general';
const FIRST_TICKET_NUMBER = 1001;

export type NewTicket = z.output<typeof CreateTicketBodySchema> & {
  /** Demo data and imports carry their own history; live intake uses the clock. */
  createdAt?: string;
};

export class TicketStoreError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class TicketStore {
  constructor(
    private readonly db: ServerDb,
    private readonly clock: Clock,
    private readonly feed: ChangeFeed,
  ) {}

  /** Opens a ticket with the customer's first message; the ticket and its log entries commit together. */
  async create(input: NewTicket): Promise<TicketDetail> {
    const detail = await this.db.transaction().execute((trx) => this.insert(trx, input));
    this.feed.committed({ scopes: [queueScope(detail.ticket.queueId)], seq: detail.seq });
    return { ticket: detail.ticket, messages: detail.messages };
  }

  /** For callers that batch many tickets into their own transaction (demo seeding, imports). */
  async insert(trx: Transaction<Database>, input: NewTicket): Promise<TicketDetail & { seq: number }> {
    const queueId = input.queueId ?? DEFAULT_QUEUE_ID;
    const queue = await trx.selectFrom('queues').select('id').where('id', '=', queueId).executeTakeFirst();
    if (!queue) throw new TicketStoreError('queueId', `queueId: no queue "${queueId}"`);

    const createdAt = input.createdAt ?? new Date(this.clock.now()).toISOString();
    const last = await trx.selectFrom('tickets').select((eb) => eb.fn.max('number').as('number')).executeTakeFirst();
    const targets = targetsFor(input.customerTier, input.priority);
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
      firstResponseDueAt: addMinutes(createdAt, targets.firstResponseMinutes),
      firstRespondedAt: null,
      resolutionDueAt: addMinutes(createdAt, targets.resolutionMinutes),
      solvedAt: null,
    };
    const message: Message = {
      id: randomUUID(),
      ticketId: ticket.id,
      authorKind: 'customer',
      authorName: input.requesterName,
      body: input.body,
      isPublic: true,
      createdAt,
    };
    await trx.insertInto('tickets').values(ticketToRow(ticket)).execute();
    await trx.insertInto('messages').values(messageToRow(message)).execute();
    const scope = queueScope(queueId);
    const now = new Date(this.clock.now()).toISOString();
    await appendChange(trx, { scope, entity: 'ticket', rowId: ticket.id, row: ticket }, now);
    const seq = await appendChange(trx, { scope, entity: 'message', rowId: message.id, row: message }, now);
    return { ticket, messages: [message], seq };
  }

  /**
   * Writes a ticket's new state and any new messages, with their log entries, inside the caller's
   * transaction; the caller announces the returned seq once it commits.
   */
  async persist(trx: Transaction<Database>, ticket: Ticket, newMessages: Message[]): Promise<number> {
    const { id: _id, ...row } = ticketToRow(ticket);
    await trx.updateTable('tickets').set(row).where('id', '=', ticket.id).execute();
    const scope = queueScope(ticket.queueId);
    const now = new Date(this.clock.now()).toISOString();
    let seq = await appendChange(trx, { scope, entity: 'ticket', rowId: ticket.id, row: ticket }, now);
    for (const message of newMessages) {
      await trx.insertInto('messages').values(messageToRow(message)).execute();
      seq = await appendChange(trx, { scope, entity: 'message', rowId: message.id, row: message }, now);
    }
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

  /** `ref` is an id or the ticket number; a ticket outside the caller's queues is as good as absent. */
  async find(queueIds: string[], ref: string): Promise<TicketDetail | null> {
    if (queueIds.length === 0) return null;
    const byNumber = /^\d+$/.test(ref);
    const row = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where(byNumber ? 'number' : 'id', '=', byNumber ? Number(ref) : ref)
      .where('queue_id', 'in', queueIds)
      .executeTakeFirst();
    if (!row) return null;
    const messages = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('ticket_id', '=', row.id)
      .orderBy('created_at')
      .execute();
    return { ticket: ticketFromRow(row), messages: messages.map(messageFromRow) };
  }
}
