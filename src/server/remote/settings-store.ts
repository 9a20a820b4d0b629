import type { Transaction } from 'kysely';
import { emptyRemoteSettings, RemoteSettingsSchema, type RemoteSettings, type StoredRemoteSettings } from '../../shared/remote/settings.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';

type Reader = ServerDb | Transaction<Database>;

/** The settings in force; version 0, nothing allowed, on a desk nobody configured. */
export async function currentRemoteSettings(db: Reader): Promise<StoredRemoteSettings> {
  const row = await db.selectFrom('remote_settings').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { version: 0, document: emptyRemoteSettings, updatedAt: null, updatedBy: null };
  return { version: row.version, document: RemoteSettingsSchema.parse(JSON.parse(row.document)), updatedAt: row.created_at, updatedBy: row.created_by };
}

export class RemoteSettingsConflict extends Error {
  constructor(readonly current: number) {
    super(`body.baseVersion: the remote settings are at version ${current} now: someone saved meanwhile; reload and apply your change again`);
  }
}

/**
 * A new version, never an edit (as escalation documents and routing rules): a note can always be
 * traced to the rules that let its session through. Every console gets it in the shared scope, so a
 * link is checked with the latest rules even offline.
 */
export async function storeRemoteSettings(trx: Transaction<Database>, settings: RemoteSettings, { userId, at, baseVersion }: { userId: string | null; at: string; baseVersion?: number }): Promise<StoredRemoteSettings> {
  const { version: current } = await currentRemoteSettings(trx);
  if (baseVersion !== undefined && baseVersion !== current) throw new RemoteSettingsConflict(current);
  const version = current + 1;
  await trx.insertInto('remote_settings').values({ version, document: JSON.stringify(settings), created_by: userId, created_at: at }).execute();
  const stored: StoredRemoteSettings = { version, document: settings, updatedAt: at, updatedBy: userId };
  await appendChange(trx, { scope: 'shared', entity: 'remoteSettings', rowId: 'current', row: { id: 'current', ...stored } }, at);
  return stored;
}
