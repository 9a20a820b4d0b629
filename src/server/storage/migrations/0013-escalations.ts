import type { Kysely } from 'kysely';

/**
 * Escalations and the admins' escalation documents. An escalation keeps its row as consoles see it,
 * the ladder it follows (copied when it starts, so editing a policy never changes a ladder half-way
 * up) and the instant its level times out: the deadline loop reads that column, so a restart between
 * a page and its timeout loses nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // What set off an automatic escalation (rule, and clock for SLA rules): one escalation per ticket
    // and cause, however often the cause is noticed. Null for manual ones, which may repeat.
    .addColumn('cause', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text')
    .addColumn('escalated_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('row_json', 'text', (c) => c.notNull())
    .addColumn('ladder_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalations_ticket').on('escalations').columns(['ticket_id', 'escalated_at']).execute();
  await db.schema.createIndex('escalations_cause').on('escalations').columns(['ticket_id', 'cause']).unique().execute();
  await db.schema.createIndex('escalations_deadline').on('escalations').columns(['deadline_at']).execute();

  // Trigger rules and policies, each a versioned document like the SLA policy.
  await db.schema
    .createTable('escalation_documents')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('escalation_documents_pk', ['kind', 'version'])
    .execute();
}
