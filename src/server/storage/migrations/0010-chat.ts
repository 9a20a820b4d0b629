import type { Kysely } from 'kysely';

/**
 * Live chat: one row per conversation a visitor has with the widget, and every line of it. Lines are
 * written before they are acknowledged, so a restart loses nothing a visitor wrote or was told.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Only a hash: a copy of the database cannot take over a visitor's chat.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    // What the assistant waits for while state is bot: a question, or Yes/No on the articles it offered.
    .addColumn('awaiting', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('outcome', 'text')
    .addColumn('handover_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_sessions_created').on('chat_sessions').columns(['created_at']).execute();
  await db.schema.createIndex('chat_sessions_ticket').on('chat_sessions').columns(['ticket_id']).execute();

  await db.schema
    .createTable('chat_lines')
    .addColumn('session_id', 'text', (c) => c.notNull().references('chat_sessions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // Articles offered with the line, as JSON; most lines have none.
    .addColumn('data_json', 'text')
    // The widget's message id or the outbound item's: a message sent or delivered twice is stored once.
    .addColumn('ref', 'text')
    .addPrimaryKeyConstraint('chat_lines_pk', ['session_id', 'seq'])
    .execute();
  await db.schema.createIndex('chat_lines_ref').on('chat_lines').columns(['session_id', 'ref']).unique().execute();
}
