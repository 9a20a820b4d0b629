import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Replica, type Salvage } from './replica.js';

export interface OpenedReplica {
  replica: Replica;
  /** Set when the old file could not be used: where it was moved, and how many unsent changes were saved. */
  rebuilt: { brokenFile: string; savedMutations: number; reason: string } | null;
}

/** Reads whatever can still be read of the outbox, client ids and handoff drafts; a wholly unreadable file yields nothing. */
function salvage(file: string): Salvage {
  const result: Salvage = { outbox: [], state: [], drafts: [] };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      result.outbox = db.prepare('SELECT client_id, id, name, args, local_id, created_at, rejection FROM outbox ORDER BY client_id, id').all() as Salvage['outbox'];
    } catch {
      // No outbox table (an older schema, or that page is gone): nothing unsent to save from it.
    }
    try {
      result.state = db.prepare("SELECT key, value FROM sync_state WHERE key LIKE 'clientId:%' OR key LIKE 'nextMutationId:%'").raw().all() as [string, string][];
    } catch {
      // Without the client ids a fresh client starts; the saved mutations keep their own client id.
    }
    try {
      result.drafts = db.prepare('SELECT user_id, row FROM handoff_drafts').all() as Salvage['drafts'];
    } catch {
      // No drafts table (an older schema, or that page is gone): nobody's half-written note to save.
    }
  } catch {
    // Not a database at all.
  } finally {
    db?.close();
  }
  return result;
}

/**
 * Opens the replica, or, when it is corrupt or from a schema this console cannot migrate, moves it
 * aside and starts a fresh one that syncs from the server — keeping every unsent change it could read.
 */
export function openReplica(file: string, now: () => number = Date.now): OpenedReplica {
  try {
    return { replica: new Replica(file), rebuilt: null };
  } catch (error) {
    if (!existsSync(file)) throw error;
    const saved = salvage(file);
    const brokenFile = `${file}.broken-${now()}`;
    renameSync(file, brokenFile);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, brokenFile + suffix);
    const replica = new Replica(file);
    replica.restore(saved);
    return { replica, rebuilt: { brokenFile, savedMutations: saved.outbox.length, reason: error instanceof Error ? error.message : String(error) } };
  }
}
