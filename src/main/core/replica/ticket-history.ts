import type Database from 'better-sqlite3';
import { TicketEventSchema, type TicketEvent } from '../../../shared/domain/ticket-event.js';

/** A ticket's history as the replica holds it, oldest first (the server's events; none are made here). */
export function ticketHistory(db: Database.Database, ticketId: string): TicketEvent[] {
  const rows = db.prepare('SELECT row FROM ticket_events WHERE ticket_id = ? ORDER BY at').pluck().all(ticketId) as string[];
  return rows.map((row) => TicketEventSchema.parse(JSON.parse(row)));
}
