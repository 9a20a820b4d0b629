import type { Kysely } from 'kysely';

/**
 * The customer portal: sign-in links and sessions (only hashes of their tokens are kept, so a copy
 * of the database opens nobody's requests), what customers did around the request form (deflection),
 * and satisfaction answers, one per ticket.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portal_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  // Links sent to an address lately: the rate limit counts them.
  await db.schema.createIndex('portal_links_email').on('portal_links').columns(['email', 'created_at']).execute();

  await db.schema
    .createTable('portal_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deflection_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deflection_events_at').on('deflection_events').columns(['at']).execute();
  await db.schema.createIndex('deflection_events_visit').on('deflection_events').columns(['visit_id', 'kind']).execute();

  await db.schema
    .createTable('csat_answers')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('csat_answers_answered').on('csat_answers').columns(['answered_at']).execute();
}
