import type Database from 'better-sqlite3';
import type { User } from '../../../shared/domain/people.js';
import { TicketSchema, type Message, type Ticket, type TicketStatus } from '../../../shared/domain/ticket.js';
import { callRecordOf, reachedCaller, statusAfterCall } from '../../../shared/domain/phone-call.js';
import { isEscalationMutation, isHandoffMutation, isViewMutation, type ViewMutation, isMacroMutation, type CallMutation, type EscalationMutation, type HandoffMutation, type Mutation, type TicketMutation } from '../../../shared/sync/mutations.js';
import { rebuildHandoffOverlay } from './handoff-overlay.js';
import { rebuildEscalationOverlay } from './escalation-overlay.js';
import { rebuildViewOverlay } from './saved-views.js';
import type { CompiledPolicy } from '../../../shared/sla/engine.js';
import { clocksAfterStatusChange } from '../../../shared/sla/status-change.js';
import { applyTagChange } from '../../../shared/domain/tags.js';
import { pendingSessionNote } from '../remote/remote-replica.js';

export interface OutboxEntry {
  mutation: Mutation;
  /** The id the optimistic message of a reply or note carries on screen. */
  localId: string;
}

/** What a rebuild changed on screen: the tickets, handoff notes and escalations whose view is different. */
export interface OverlaidViews {
  ticketIds: Set<string>;
  handoffIds: Set<string>;
  escalationIds: Set<string>;
  /** The agent's saved views read differently (saved or deleted here, or such a change confirmed or refused). */
  viewsChanged: boolean;
}

/**
 * Rebuilds the overlay from the outbox: every mutation the server has not confirmed, replayed in
 * order over the replica's rows. The replica tables are never touched, so dropping a refused
 * mutation and rebuilding is an exact rollback.
 */
export function rebuildOverlay(db: Database.Database, entries: readonly OutboxEntry[], user: User, policy: CompiledPolicy | null): OverlaidViews {
  const tickets: { mutation: OverlaidTicketMutation; localId: string }[] = [];
  const handoffs: HandoffMutation[] = [];
  const escalations: EscalationMutation[] = [];
  const views: ViewMutation[] = [];
  for (const { mutation, localId } of entries) {
    if (isHandoffMutation(mutation)) handoffs.push(mutation);
    else if (isEscalationMutation(mutation)) escalations.push(mutation);
    else if (isViewMutation(mutation)) views.push(mutation);
    // The agent's own status is read from the outbox as it is (the console's status control), not overlaid.
    else if (mutation.name === 'agent.setStatus') continue;
    // Macros are few: the console lays its unconfirmed macro changes over the replica's when it lists them (macro-overlay.ts).
    else if (isMacroMutation(mutation)) continue;
    // A call that opens a new ticket has no ticket here to show it on: the console lists it as a pending call.
    else if (mutation.name !== 'call.log' || isCallOnTicket(mutation)) tickets.push({ mutation, localId });
  }
  return {
    viewsChanged: rebuildViewOverlay(db, views, user),
    ticketIds: rebuildTicketOverlay(db, tickets, user, policy),
    handoffIds: rebuildHandoffOverlay(db, handoffs, user),
    escalationIds: rebuildEscalationOverlay(db, escalations, user),
  };
}

type CallOnTicket = CallMutation & { args: { ticketId: string } };
type OverlaidTicketMutation = TicketMutation | CallOnTicket;

function isCallOnTicket(mutation: CallMutation): mutation is CallOnTicket {
  return mutation.args.ticketId !== undefined;
}

/** Answers the tickets whose view changed (overlaid before or now). */
function rebuildTicketOverlay(db: Database.Database, entries: readonly { mutation: OverlaidTicketMutation; localId: string }[], user: User, policy: CompiledPolicy | null): Set<string> {
  const touched = new Set<string>([
    ...(db.prepare('SELECT id FROM overlay_tickets').pluck().all() as string[]),
    ...(db.prepare('SELECT DISTINCT ticket_id FROM overlay_messages').pluck().all() as string[]),
  ]);
  db.exec('DELETE FROM overlay_tickets; DELETE FROM overlay_messages;');
  const tickets = new Map<string, Ticket>();
  const readTicket = db.prepare('SELECT row FROM tickets WHERE id = ?').pluck();
  const insertMessage = db.prepare('INSERT OR REPLACE INTO overlay_messages (id, ticket_id, created_at, row) VALUES (?, ?, ?, ?)');

  for (const { mutation, localId } of entries) {
    const { ticketId } = mutation.args;
    let ticket = tickets.get(ticketId);
    if (!ticket) {
      const row = readTicket.get(ticketId) as string | undefined;
      // A ticket that left this replica (moved out of the user's queues) has nothing to overlay.
      if (row === undefined) continue;
      ticket = TicketSchema.parse(JSON.parse(row));
    }
    touched.add(ticketId);
    switch (mutation.name) {
      case 'ticket.reply':
      case 'ticket.note': {
        const message: Message = {
          id: localId,
          ticketId,
          authorKind: 'agent',
          authorName: user.name,
          body: mutation.args.body,
          isPublic: mutation.name === 'ticket.reply',
          createdAt: mutation.args.writtenAt,
          ...(mutation.args.attachments?.length ? { attachments: mutation.args.attachments } : {}),
        };
        insertMessage.run(message.id, ticketId, message.createdAt, JSON.stringify(message));
        // As on the server: answering a new ticket opens it.
        if (mutation.name === 'ticket.reply') ticket = { ...ticket, status: ticket.status === 'new' ? 'open' : ticket.status, firstRespondedAt: ticket.firstRespondedAt ?? mutation.args.writtenAt };
        break;
      }
      case 'ticket.setStatus':
        ticket = withStatus(ticket, mutation.args.to, mutation.createdAt, policy);
        break;
      case 'ticket.setPriority':
        ticket = { ...ticket, priority: mutation.args.to };
        break;
      case 'ticket.assign':
        ticket = { ...ticket, assigneeId: mutation.args.assignee };
        break;
      case 'ticket.setTags':
        ticket = { ...ticket, tags: applyTagChange(ticket.tags, mutation.args) };
        break;
      case 'ticket.remoteSession': {
        const note = pendingSessionNote(db, mutation.args, localId, user);
        if (note) insertMessage.run(note.id, ticketId, note.createdAt, JSON.stringify(note));
        break;
      }
      case 'call.log': {
        // In the caller's words, as the server will show it; an answered call is a first response.
        const { args } = mutation;
        const message: Message = {
          id: localId,
          ticketId,
          authorKind: 'customer',
          authorName: args.callerName,
          body: args.notes,
          isPublic: true,
          createdAt: args.writtenAt,
          via: 'phone',
          call: callRecordOf(args),
        };
        insertMessage.run(message.id, ticketId, message.createdAt, JSON.stringify(message));
        ticket = withStatus(ticket, statusAfterCall(args.outcome, ticket.status), mutation.createdAt, policy);
        if (reachedCaller(args.outcome)) ticket = { ...ticket, firstRespondedAt: ticket.firstRespondedAt ?? args.writtenAt };
        break;
      }
    }
    tickets.set(ticketId, ticket);
  }
  const insertTicket = db.prepare('INSERT INTO overlay_tickets (id, row) VALUES (?, ?)');
  for (const [id, ticket] of tickets) insertTicket.run(id, JSON.stringify(ticket));
  return touched;
}

function withStatus(ticket: Ticket, to: TicketStatus, at: string, policy: CompiledPolicy | null): Ticket {
  if (to === ticket.status) return ticket;
  return { ...ticket, status: to, solvedAt: to === 'solved' ? at : ticket.solvedAt, sla: slaAfterStatus(ticket, to, Date.parse(at), policy) };
}

/**
 * A countdown stops (or starts again) the moment the agent changes the status here, online or not.
 * Without the policy (not pulled yet) or with a rule it no longer has, the snapshot stays as the
 * server sent it until the server's own answer arrives.
 */
function slaAfterStatus(ticket: Ticket, to: TicketStatus, at: number, policy: CompiledPolicy | null): Ticket['sla'] {
  const rule = policy?.policy.rules.find((r) => r.id === ticket.sla?.ruleId);
  const calendar = rule ? policy?.calendars.get(rule.calendar) : undefined;
  if (!ticket.sla || !rule || !calendar) return ticket.sla;
  return clocksAfterStatusChange(ticket.sla, { from: ticket.status, to, at }, rule, calendar);
}
