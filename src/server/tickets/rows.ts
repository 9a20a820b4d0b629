import { MessageSchema, TicketSchema, type Message, type Ticket } from '../../shared/domain/ticket.js';
import { nextWakeUp } from '../../shared/sla/engine.js';
import type { Database } from '../storage/schema.js';

type TicketRow = Database['tickets'];
type MessageRow = Database['messages'];

export function ticketFromRow(row: TicketRow): Ticket {
  return TicketSchema.parse({
    id: row.id,
    number: row.number,
    subject: row.subject,
    requesterName: row.requester_name,
    requesterEmail: row.requester_email,
    channel: row.channel,
    priority: row.priority,
    customerTier: row.customer_tier,
    type: row.type,
    status: row.status,
    queueId: row.queue_id,
    assigneeId: row.assignee_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstRespondedAt: row.first_responded_at,
    solvedAt: row.solved_at,
    sla: row.sla_json ? JSON.parse(row.sla_json) : null,
    tags: JSON.parse(row.tags_json),
  });
}

export function ticketToRow(ticket: Ticket): TicketRow {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    requester_name: ticket.requesterName,
    requester_email: ticket.requesterEmail,
    channel: ticket.channel,
    priority: ticket.priority,
    customer_tier: ticket.customerTier,
    type: ticket.type,
    status: ticket.status,
    queue_id: ticket.queueId,
    assignee_id: ticket.assigneeId,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    first_responded_at: ticket.firstRespondedAt,
    solved_at: ticket.solvedAt,
    sla_json: ticket.sla ? JSON.stringify(ticket.sla) : null,
    sla_wake_at: nextWakeUp(ticket.sla),
    tags_json: JSON.stringify(ticket.tags),
  };
}

export function messageFromRow(row: MessageRow): Message {
  return MessageSchema.parse({
    id: row.id,
    ticketId: row.ticket_id,
    authorKind: row.author_kind,
    authorName: row.author_name,
    body: row.body,
    isPublic: row.is_public === 1,
    createdAt: row.created_at,
    ...(row.written_at ? { writtenAt: row.written_at } : {}),
    ...(row.meta_json ? JSON.parse(row.meta_json) : {}),
  });
}

export function messageToRow(message: Message): MessageRow {
  return {
    id: message.id,
    ticket_id: message.ticketId,
    author_kind: message.authorKind,
    author_name: message.authorName,
    body: message.body,
    is_public: message.isPublic ? 1 : 0,
    created_at: message.createdAt,
    written_at: message.writtenAt ?? null,
    meta_json: metaJson(message),
  };
}

/** The optional extras, stored together: most messages have none, and then the column stays null. */
function metaJson({ via, attachments, hasOriginal, html, call }: Message): string | null {
  const meta = { via, attachments: attachments?.length ? attachments : undefined, hasOriginal: hasOriginal || undefined, html, call };
  return Object.values(meta).some((v) => v !== undefined) ? JSON.stringify(meta) : null;
}
