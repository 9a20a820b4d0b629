import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { nothingApplied, Replica } from './replica.js';
import { storedChange, type StoredChange } from './stored-change.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-replica-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const indexes = (file: string) => {
  const db = new Database(file, { readonly: true });
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('messages_ticket', 'tickets_queue') ORDER BY name").pluck().all() as string[]);
  db.close();
  return names;
};

const message = (seq: number, id: string): StoredChange =>
  storedChange({
  seq,
  scope: 'queue:general',
  entity: 'message',
  op: 'upsert',
  row: { id, ticketId: 't-1', authorKind: 'customer', authorName: 'Ilze', body: 'Printer on fire', isPublic: true, createdAt: '2026-11-23T02:00:00.000Z' },
});

describe('replica', () => {
  it('defers the thread indexes while a first sync fills an empty replica, and never leaves them missing', () => {
    const file = join(root, 'bulk.sqlite');
    const replica = new Replica(file);
    expect(replica.beginBulkLoad()).toBe(true);
    expect(indexes(file)).toEqual([]);
    replica.applyPull([message(1, 'm-1')], { 'queue:general': 1 }, null);
    replica.endBulkLoad();
    expect(indexes(file)).toEqual(['messages_ticket', 'tickets_queue']);

    replica.close();

    // A crash in the middle of a bulk load: opening the replica puts the indexes back.
    const empty = join(root, 'crash.sqlite');
    const half = new Replica(empty);
    half.beginBulkLoad();
    half.close();
    expect(indexes(empty)).toEqual([]);
    new Replica(empty).close();
    expect(indexes(empty)).toEqual(['messages_ticket', 'tickets_queue']);
  });

  it('applies a push only when it holds everything of the scope before it', () => {
    const replica = new Replica(join(root, 'push.sqlite'));
    // Never pulled the scope: the push cannot be placed.
    expect(replica.applyPushed('queue:general', 0, 1, [message(1, 'm-1')])).toBeNull();
    replica.applyPull([message(3, 'm-3')], { 'queue:general': 10 }, null);
    // The scope's previous change (7) is below the cursor (10): applied, cursor moves to the push's end.
    expect(replica.applyPushed('queue:general', 7, 12, [message(12, 'm-12')])?.ticketIds).toEqual(['t-1']);
    expect(replica.cursors()).toEqual({ 'queue:general': 12 });
    // A push that follows a change this replica never saw (14 > 12): refused, so the console pulls.
    expect(replica.applyPushed('queue:general', 14, 15, [message(15, 'm-15')])).toBeNull();
    // A push the replica already holds changes nothing.
    expect(replica.applyPushed('queue:general', 7, 12, [message(12, 'm-12')])).toEqual(nothingApplied);
    expect(replica.getTicket('t-1')).toBeNull();
    replica.close();
  });
});
