import type { Kysely } from 'kysely';

/** Agents' own queue views (docs/queue.md), one row each, the view as JSON; replicated in scope user:<owner>. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_views')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('owner_id', 'text', (column) => column.notNull())
    .addColumn('row_json', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('queue_views_owner').on('queue_views').column('owner_id').execute();
}
