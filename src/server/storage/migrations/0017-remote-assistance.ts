import type { Kysely } from 'kysely';

/**
 * Remote assistance (docs/remote-assistance.md): requesters' assets, found by their owner (a
 * requester's e-mail, or `@domain` for an organisation's), and the admins' remote tools and allowlist
 * as a versioned document, never edited, like the escalation documents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('remote_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('row_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('remote_assets_owner').on('remote_assets').column('owner_key').execute();

  await db.schema
    .createTable('remote_settings')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
