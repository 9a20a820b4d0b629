import type Database from 'better-sqlite3';

/**
 * A mark in the replica that a table made from the tickets (the search index, the queue rows) is
 * behind them and must be built again. It is in the file, not in memory, so a crash half-way through
 * a first sync still rebuilds the table at the next start.
 */
export interface RebuildFlag {
  raise(): void;
  isRaised(): boolean;
  /** Runs `rebuild` if the flag is raised, and lowers it in the same transaction: a crash half-way leaves it raised. */
  rebuildIfRaised(rebuild: () => void): void;
}

export function rebuildFlag(db: Database.Database, key: string): RebuildFlag {
  const raise = db.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, '1')");
  const read = db.prepare('SELECT 1 FROM sync_state WHERE key = ?').pluck();
  const lower = db.prepare('DELETE FROM sync_state WHERE key = ?');
  const isRaised = () => read.get(key) !== undefined;
  return {
    raise: () => void raise.run(key),
    isRaised,
    rebuildIfRaised(rebuild) {
      if (!isRaised()) return;
      db.transaction(() => {
        rebuild();
        lower.run(key);
      })();
    },
  };
}
