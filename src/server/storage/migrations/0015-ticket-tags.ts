import { sql, type Kysely } from 'kysely';

/**
 * The ticket view (docs/ticket-view.md):
 * - tags: a JSON array of lower-case labels on the ticket row, read and written with the row like its
 *   SLA snapshot. Tickets from before have none.
 * - history in the change log: ticket events now replicate (entity `ticketEvent`) so consoles show who
 *   changed what in the thread, offline too. Events recorded before are appended here, in the queue
 *   scope of their ticket, oldest first, so existing tickets show their past as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('tags_json', 'text', (c) => c.notNull().defaultTo(sql`'[]'`)).execute();
  await sql`
    INSERT INTO changes (scope, entity, row_id, op, row_json, created_at)
    SELECT 'queue:' || t.queue_id, 'ticketEvent', e.id, 'upsert',
      json_object('id', e.id, 'ticketId', e.ticket_id, 'kind', e.kind, 'at', e.at,
        'actor', CASE WHEN e.actor IS NULL THEN NULL ELSE json_object('userId', e.actor, 'name', COALESCE(u.name, e.actor)) END,
        'data', json(e.data_json)),
      e.at
    FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id LEFT JOIN users u ON u.id = e.actor
    ORDER BY e.at`.execute(db);
}
