import { sql, type Kysely } from 'kysely';

/**
 * Personal macros with actions, and versioned articles (docs/knowledge.md). A macro without an owner
 * is shared, as every macro was before; its actions are a JSON object ('{}' for none). Each article
 * save is a new row of article_versions; the article keeps its current version number, which an
 * edit must name (optimistic concurrency). Existing articles get their text as version 1.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const before = '1970-01-01T00:00:00.000Z';
  await db.schema.alterTable('macros').addColumn('owner_id', 'text').execute();
  await db.schema.alterTable('macros').addColumn('actions_json', 'text', (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
  await db.schema.alterTable('macros').addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(before)).execute();
  await db.schema.createIndex('macros_owner').on('macros').columns(['owner_id']).execute();

  await db.schema.alterTable('articles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('articles').addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(before)).execute();
  await db.schema
    .createTable('article_versions')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_versions_pk', ['article_id', 'version'])
    .execute();
  await sql`INSERT INTO article_versions (article_id, version, title, body, locale, is_public, author_id, author_name, note, created_at)
            SELECT id, 1, title, body, locale, is_public, NULL, 'Shiftdesk', '', ${before} FROM articles`.execute(db);
}
