import { sql, type Kysely } from 'kysely';

/**
 * The scale each satisfaction answer was given on (docs/csat.md): 'five' (1–5) or 'good_bad' (good is
 * stored as 5, bad as 1). Answers from before the setting existed were all on the five-step scale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('csat_answers')
    .addColumn('scale', 'text', (column) => column.notNull().defaultTo(sql`'five'`))
    .execute();
}
