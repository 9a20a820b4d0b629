import type Database from 'better-sqlite3';
import type { LocalSavedView } from '../../../shared/desk-api/view-methods.js';
import type { User } from '../../../shared/domain/people.js';
import { SavedViewSchema, type SavedView } from '../../../shared/queue/queue-view.js';
import type { ViewMutation } from '../../../shared/sync/mutations.js';

/**
 * The agent's saved queue views: the replica's (from the server, scope user:<id>) with the overlay of
 * views saved or deleted here that the server has not confirmed. An overlay row with no `row` is a
 * deletion.
 */
export class SavedViews {
  constructor(private readonly db: Database.Database) {}

  list(ownerId: string): LocalSavedView[] {
    const rows = this.db
      .prepare(
        `SELECT row, 1 AS pending FROM overlay_queue_views WHERE row IS NOT NULL
         UNION ALL
         SELECT row, 0 FROM queue_views v WHERE NOT EXISTS (SELECT 1 FROM overlay_queue_views o WHERE o.id = v.id)`,
      )
      .all() as { row: string; pending: number }[];
    return rows
      .map((r) => ({ ...SavedViewSchema.parse(JSON.parse(r.row)), pending: r.pending === 1 }))
      .filter((view) => view.ownerId === ownerId)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  get(id: string, ownerId: string): LocalSavedView | null {
    return this.list(ownerId).find((view) => view.id === id) ?? null;
  }
}

/** Replays the unconfirmed view mutations; answers whether the views on screen may have changed. */
export function rebuildViewOverlay(db: Database.Database, mutations: readonly ViewMutation[], user: User): boolean {
  const before = db.prepare('SELECT count(*) FROM overlay_queue_views').pluck().get() as number;
  db.exec('DELETE FROM overlay_queue_views');
  const put = db.prepare('INSERT OR REPLACE INTO overlay_queue_views (id, row) VALUES (?, ?)');
  for (const mutation of mutations) {
    if (mutation.name === 'view.save') {
      const { viewId, name, filters, sort, search } = mutation.args;
      const view: SavedView = { id: viewId, ownerId: user.id, name, filters, sort, search, updatedAt: mutation.createdAt };
      put.run(viewId, JSON.stringify(view));
    } else {
      put.run(mutation.args.viewId, null);
    }
  }
  return before > 0 || mutations.length > 0;
}
