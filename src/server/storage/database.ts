import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';
import { serverMigrations } from './migrations/index.js';

export type ServerDb = Kysely<Database>;

/** The embedded default: one SQLite file in the data folder, WAL so readers never wait on the writer. */
export function openSqliteDatabase(dataDir: string): ServerDb {
  mkdirSync(dataDir, { recursive: true });
  const file = new SqliteDatabase(join(dataDir, 'shiftdesk.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
}

const provider: MigrationProvider = { getMigrations: async () => serverMigrations };

export async function migrateToLatest(db: ServerDb): Promise<void> {
  // Numbers are handed out to engineers working in parallel (issue 8: 0019, 0020, 0021), so a database
  // may have run a later number before an earlier one lands; each migration stands on its own.
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
