import type { Kysely } from 'kysely';

/**
 * Shift handoff notes. Acknowledgements are rows of their own, keyed by note and agent, so saying
 * "read it" twice is one row however the requests race.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handoff_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null: a note for the whole desk.
    .addColumn('queue_id', 'text', (c) => c.references('queues.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text')
    .execute();
  await db.schema.createIndex('handoff_notes_created').on('handoff_notes').columns(['created_at']).execute();
  await db.schema.createIndex('handoff_notes_queue_created').on('handoff_notes').columns(['queue_id', 'created_at']).execute();

  await db.schema
    .createTable('handoff_acknowledgements')
    .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoff_notes.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agent_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('handoff_acknowledgements_pk', ['handoff_id', 'agent_id'])
    .execute();
}
