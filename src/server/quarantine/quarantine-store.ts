import { randomUUID } from 'node:crypto';
import type { QuarantinedItem } from '../../shared/admin/quarantine.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

export interface Quarantining {
  source: string;
  reason: string;
  contentType: string;
  data: Buffer;
}

/**
 * Keeps what could not be taken in, whole, in its own write: nothing a customer sent is dropped, and a
 * bad message never blocks the ones after it (a poller moves on once it is here).
 */
export async function quarantine(db: ServerDb, item: Quarantining, at: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('quarantine')
    .values({ id, source: item.source, reason: item.reason.slice(0, 2000), content_type: item.contentType, data: item.data, received_at: at, resolved_at: null, resolved_by: null })
    .execute();
  return id;
}

/** Everything but the bytes, with their length. */
function summaries(db: ServerDb) {
  return db.selectFrom('quarantine').select(['id', 'source', 'reason', 'content_type', 'received_at', 'resolved_at', 'resolved_by', (eb) => eb.fn('length', ['data']).as('size')]);
}

export async function findQuarantined(db: ServerDb, id: string): Promise<QuarantinedItem | null> {
  const row = await summaries(db).where('id', '=', id).executeTakeFirst();
  return row ? { ...itemOf(row), size: Number(row.size) } : null;
}

export async function listQuarantine(db: ServerDb, state: 'open' | 'resolved' | 'all'): Promise<QuarantinedItem[]> {
  let query = summaries(db);
  if (state === 'open') query = query.where('resolved_at', 'is', null);
  if (state === 'resolved') query = query.where('resolved_at', 'is not', null);
  const rows = await query.orderBy('received_at', 'desc').limit(500).execute();
  return rows.map((row) => ({ ...itemOf(row), size: Number(row.size) }));
}

export async function quarantinedOriginal(db: ServerDb, id: string): Promise<Pick<Database['quarantine'], 'content_type' | 'data'> | undefined> {
  return db.selectFrom('quarantine').select(['content_type', 'data']).where('id', '=', id).executeTakeFirst();
}

/** An admin has dealt with it (forwarded it, answered by hand, or judged it spam); resolving twice keeps the first. */
export async function resolveQuarantined(db: ServerDb, id: string, userName: string, at: string): Promise<void> {
  await db.updateTable('quarantine').set({ resolved_at: at, resolved_by: userName }).where('id', '=', id).where('resolved_at', 'is', null).execute();
}

function itemOf(row: Omit<Database['quarantine'], 'data'>): Omit<QuarantinedItem, 'size'> {
  return { id: row.id, source: row.source, reason: row.reason, contentType: row.content_type, receivedAt: row.received_at, resolvedAt: row.resolved_at, resolvedBy: row.resolved_by };
}
