import type { Kysely } from 'kysely';

/** SLA engine: versioned policies, a per-ticket event history the clocks are computed from, snapshots. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sla_policies')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'at']).execute();

  await db.schema.alterTable('messages').addColumn('written_at', 'text').execute();

  await db.schema.alterTable('tickets').addColumn('sla_json', 'text').execute();
  // The next instant any clock of the ticket changes: the scheduler wakes for the earliest one.
  await db.schema.alterTable('tickets').addColumn('sla_wake_at', 'text').execute();
  await db.schema.alterTable('tickets').dropColumn('first_response_due_at').execute();
  await db.schema.alterTable('tickets').dropColumn('resolution_due_at').execute();
  await db.schema.createIndex('tickets_sla_wake').on('tickets').column('sla_wake_at').execute();
}
