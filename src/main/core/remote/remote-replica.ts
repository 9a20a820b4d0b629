import type Database from 'better-sqlite3';
import { AssetSchema, requesterOwnerKeys, type Asset } from '../../../shared/remote/asset.js';
import type { User } from '../../../shared/domain/people.js';
import type { Message } from '../../../shared/domain/ticket.js';
import { remoteSessionNote, type RemoteSessionArgs } from '../../../shared/remote/note.js';
import { emptyRemoteSettings, StoredRemoteSettingsSchema, type StoredRemoteSettings } from '../../../shared/remote/settings.js';

/**
 * Assets and the remote tools' settings as the server last sent them (replica tables, written only
 * by sync), so a ticket lists its requester's assets and a link is checked with the server away.
 */
export class RemoteReplica {
  constructor(private readonly db: Database.Database) {}

  /** The requester's own assets and their organisation's, by name. */
  assetsOf(requesterEmail: string): Asset[] {
    const rows = this.db.prepare('SELECT row FROM remote_assets WHERE owner_key IN (?, ?)').pluck().all(...requesterOwnerKeys(requesterEmail)) as string[];
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

/**
 * The note a session opened here shows in the thread until the server's arrives: worded as the
 * server will word it, from the replica's asset and tools. Null when the asset left the replica.
 */
export function pendingSessionNote(db: Database.Database, args: RemoteSessionArgs, localId: string, user: Pick<User, 'name'>): Message | null {
  const remote = new RemoteReplica(db);
  const asset = remote.asset(args.assetId);
  if (!asset) return null;
  const toolName = remote.settings().document.tools.find((tool) => tool.id === args.toolId)?.name ?? args.toolId;
  const body = remoteSessionNote({ assetName: asset.name, toolName, agentName: user.name, startedAt: args.startedAt });
  return { id: localId, ticketId: args.ticketId, authorKind: 'system', authorName: user.name, body, isPublic: false, createdAt: args.startedAt };
}
