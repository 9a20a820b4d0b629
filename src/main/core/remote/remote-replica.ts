import type Database from 'better-sqlite3';
import { AssetSchema, type Asset } from '../../../shared/remote/asset.js';
import { emptyRemoteSettings, StoredRemoteSettingsSchema, type StoredRemoteSettings } from '../../../shared/remote/settings.js';

/** The key an asset is found by: its requester's e-mail, or its organisation's e-mail domain. */
export function assetOwnerKey(asset: Pick<Asset, 'owner'>): string {
  return asset.owner.kind === 'requester' ? asset.owner.email : `@${asset.owner.domain}`;
}

/**
 * Assets and the remote tools' settings as the server last sent them (replica tables, written only
 * by sync), so a ticket lists its requester's assets and a link is checked with the server away.
 */
export class RemoteReplica {
  constructor(private readonly db: Database.Database) {}

  /** The requester's own assets and their organisation's, by name. */
  assetsOf(requesterEmail: string): Asset[] {
    const email = requesterEmail.trim().toLowerCase();
    const rows = this.db.prepare('SELECT row FROM remote_assets WHERE owner_key IN (?, ?)').pluck().all(email, `@${email.slice(email.lastIndexOf('@') + 1)}`) as string[];
    return rows.map((row) => AssetSchema.parse(JSON.parse(row))).sort((a, b) => a.name.localeCompare(b.name));
  }

  asset(id: string): Asset | null {
    const row = this.db.prepare('SELECT row FROM remote_assets WHERE id = ?').pluck().get(id) as string | undefined;
    return row === undefined ? null : AssetSchema.parse(JSON.parse(row));
  }

  /** Version 0 (no tools, nothing allowed) until the server's document arrives. */
  settings(): StoredRemoteSettings {
    const row = this.db.prepare("SELECT row FROM remote_settings WHERE id = 'current'").pluck().get() as string | undefined;
    return row === undefined ? { version: 0, document: emptyRemoteSettings, updatedAt: null, updatedBy: null } : StoredRemoteSettingsSchema.parse(JSON.parse(row));
  }
}
