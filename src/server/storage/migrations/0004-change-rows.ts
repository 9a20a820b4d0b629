import type { Kysely } from 'kysely';

/**
 * Compaction asks, for every change, whether a later one exists for the same row in the same scope.
 * Without this index that is a scan of the log per change: a log of 400,000 changes took minutes at
 * every server start, holding the database the whole time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('changes_row_seq').on('changes').columns(['scope', 'entity', 'row_id', 'seq']).execute();
}
