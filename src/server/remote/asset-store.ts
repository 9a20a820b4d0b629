import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { AssetSchema, assetOwnerKey, requesterOwnerKeys, type Asset, type AssetInputSchema } from '../../shared/remote/asset.js';
import type { z } from 'zod';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';
import { currentRemoteSettings } from './settings-store.js';

type Reader = ServerDb | Transaction<Database>;
type AssetInput = z.output<typeof AssetInputSchema>;

const parse = (row: { row_json: string }) => AssetSchema.parse(JSON.parse(row.row_json));

/** A requester's own assets and their organisation's (by e-mail domain), or one organisation's; by name. */
export async function listAssets(db: Reader, filter: { requester: string } | { domain: string }): Promise<Asset[]> {
  const keys = 'requester' in filter ? requesterOwnerKeys(filter.requester) : [`@${filter.domain}`];
  const rows = await db.selectFrom('remote_assets').select('row_json').where('owner_key', 'in', keys).execute();
  return rows.map(parse).sort((a, b) => a.name.localeCompare(b.name));
}

export async function findAsset(db: Reader, id: string): Promise<Asset | null> {
  const row = await db.selectFrom('remote_assets').select('row_json').where('id', '=', id).executeTakeFirst();
  return row ? parse(row) : null;
}

/** What the schema cannot know: that the tools an asset's access names exist. As `path: message`. */
export async function unknownTools(db: Reader, input: AssetInput): Promise<string[]> {
  const { document } = await currentRemoteSettings(db);
  const known = new Set(document.tools.map((tool) => tool.id));
  return input.access.flatMap((access, index) => (known.has(access.toolId) ? [] : [`access.${index}.toolId: no remote tool "${access.toolId}" (see GET /api/v1/remote/settings)`]));
}

/** Creates (no id) or replaces an asset; every console hears of it in the shared scope. */
export async function saveAsset(trx: Transaction<Database>, input: AssetInput, at: string, id: string = randomUUID()): Promise<Asset> {
  const asset: Asset = { id, ...input, updatedAt: at };
  const values = { owner_key: assetOwnerKey(asset.owner), row_json: JSON.stringify(asset), updated_at: at };
  await trx.insertInto('remote_assets').values({ id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
  await appendChange(trx, { scope: 'shared', entity: 'asset', rowId: id, row: asset }, at);
  return asset;
}

export async function deleteAsset(trx: Transaction<Database>, id: string, at: string): Promise<boolean> {
  const deleted = await trx.deleteFrom('remote_assets').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return false;
  await appendChange(trx, { scope: 'shared', entity: 'asset', rowId: id }, at);
  return true;
}
