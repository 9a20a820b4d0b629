import { sql, type Kysely } from 'kysely';

/**
 * Handoff notes that hand over a shift: which stint of the rota they close, when the incoming shift
 * starts and by when it must acknowledge, and the supervisors' alert. `alert_due_at` is the stored
 * deadline the alert loop wakes for: set while nobody of the incoming shift has acknowledged, cleared
 * by the acknowledgement that counts or by the alert itself.
 *
 * Notes are also searchable (REST `?q=`): an FTS5 index of author and text, filled here from the
 * notes written before, then kept by the handoff store in the transaction that writes a note.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['rotation_id', 'shift_id', 'shift_end', 'incoming_start', 'acknowledge_by', 'acknowledged_at', 'supervisors_alerted_at', 'alert_due_at']) {
    await db.schema.alterTable('handoff_notes').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('handoff_notes_alert_due').on('handoff_notes').column('alert_due_at').execute();

  await sql`CREATE VIRTUAL TABLE handoff_notes_fts USING fts5(id UNINDEXED, author, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`INSERT INTO handoff_notes_fts (id, author, body) SELECT id, author_name, body FROM handoff_notes`.execute(db);
}
