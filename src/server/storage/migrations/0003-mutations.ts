import type { Kysely } from 'kysely';

/** Intent mutations from consoles: per-client progress, stored results for duplicates, causes in the log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('client_mutations')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('last_mutation_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mutation_results')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mutation_results_pk', ['client_id', 'mutation_id'])
    .execute();
  await db.schema.alterTable('changes').addColumn('client_id', 'text').execute();
  await db.schema.alterTable('changes').addColumn('mutation_id', 'integer').execute();
}
