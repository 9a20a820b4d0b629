import { sql, type Kysely } from 'kysely';

/**
 * The ticket view (docs/ticket-view.md):
 * - tags: a JSON array of lower-case labels on the ticket row, read and written with the row like its
 *   SLA snapshot. Tickets from before have none.
 * - history in the change log: ticket events now replicate (entity `ticketEvent`) so consoles show who
 *   changed what in the thread, offline too. Events recorded before are appended here, in the queue
 *   scope of their ticket, oldest first, so existing tickets show their past as well.
 * - uploads: files a console sends ahead of the reply or note that lists them (by the id the console
 *   minted); applying the reply moves them into `attachments`. Unclaimed ones are the uploader's only.
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

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
