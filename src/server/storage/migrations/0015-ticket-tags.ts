import { sql, type Kysely } from 'kysely';

/**
 * Ticket tags (docs/ticket-view.md): a JSON array of lower-case labels on the ticket row, read and
 * written with the row like its SLA snapshot. Tickets from before have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('tags_json', 'text', (c) => c.notNull().defaultTo(sql`'[]'`)).execute();
}
