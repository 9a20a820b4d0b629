import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/people.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import { queueRowsOf } from '../../../shared/queue/queue-listing.js';
import { queueRowOf } from '../../../shared/queue/queue-row.js';
import { replicaMigrations } from './migrations.js';
import { Replica } from './replica.js';
import { storedChange, type StoredChange } from './stored-change.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-queue-rows-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const olga: User = { id: 'u-agent3', email: 'agent3@demo', name: 'Olga Smirnova', role: 'agent', tier: 1, locale: 'ru', timeZone: 'Europe/Riga', queueIds: ['billing', 'general'] };
const at = '2026-11-24T01:00:00.000Z';
const clock = (kind: 'firstResponse' | 'resolution', dueAt: string) => ({
  kind, state: 'running' as const, targetMinutes: 60, startedAt: at, dueAt, warnAt: dueAt, stoppedAt: null, pausedBy: null,
  elapsedMinutes: 0, remainingMinutes: 60, warning: false, nextChangeAt: null, breaches: 0,
});

let number = 1000;
function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: randomUUID(), number: ++number, subject: 'Rēķins divreiz — "счёт"', requesterName: 'Anna Kowalska', requesterEmail: 'anna@example.pl',
    channel: 'email', priority: 'medium', customerTier: 'standard', type: 'question', status: 'open', queueId: 'billing', assigneeId: null,
    createdAt: at, updatedAt: at, firstRespondedAt: null, solvedAt: null, sla: null, tags: [], ...overrides,
  };
}
const withDue = (dueAt: string) => ({ ruleId: 'r', ruleName: 'Standard', calendarId: 'c', computedAt: at, clocks: [clock('firstResponse', dueAt)] });

let seq = 0;
const upsert = (row: Ticket): StoredChange => storedChange({ seq: ++seq, scope: `queue:${row.queueId}`, entity: 'ticket', op: 'upsert', row });
const remove = (row: Ticket): StoredChange => storedChange({ seq: ++seq, scope: `queue:${row.queueId}`, entity: 'ticket', op: 'delete', rowId: row.id });
const pull = (replica: Replica, changes: StoredChange[]) => replica.applyPull(changes, { 'queue:billing': seq, 'queue:general': seq }, null);
const listed = (replica: Replica, queueId?: string) => queueRowsOf(replica.queueRows.listing(queueId));

const later = ticket({ sla: withDue('2026-11-24T03:00:00.000Z') });
const sooner = ticket({ queueId: 'general', sla: withDue('2026-11-24T02:00:00.000Z'), assigneeId: 'u-agent3' });
const none = ticket();

describe('the replica’s queue rows', () => {
  it('list what was pulled in the default order, by queue too, and follow upserts and deletes', () => {
    const replica = new Replica(join(root, `${randomUUID()}.sqlite`));
    // Stored general, billing, billing: an index on the queue would walk them in another order.
    pull(replica, [upsert(sooner), upsert(none), upsert(later)]);
    expect(listed(replica)).toEqual([sooner, later, none].map(queueRowOf));
    expect(listed(replica, 'billing')).toEqual([later, none].map(queueRowOf));

    const moved = { ...later, subject: 'Now urgent', priority: 'critical' as const, sla: withDue('2026-11-24T01:30:00.000Z') };
    pull(replica, [upsert(moved), remove(none)]);
    expect(listed(replica)).toEqual([moved, sooner].map(queueRowOf));
    expect(queueRowsOf(replica.queueRows.listing('nowhere'))).toEqual([]);
    replica.close();
  });

  it('show this console’s unconfirmed change at once, and the replica’s row again when it is refused', () => {
    const replica = new Replica(join(root, `${randomUUID()}.sqlite`));
    pull(replica, [upsert(later)]);
    const clientId = replica.outbox.clientIdFor(olga.id);
    replica.outbox.enqueue(clientId, { name: 'ticket.assign', args: { ticketId: later.id, expectedAssignee: null, assignee: olga.id }, createdAt: at });
    replica.refreshOverlay(clientId, olga);
    expect(listed(replica)[0]?.assigneeId).toBe(olga.id);

    replica.outbox.refuse(clientId, replica.outbox.unconfirmed(clientId)[0]!.mutation.id, { code: 'forbidden', message: 'not yours' });
    replica.refreshOverlay(clientId, olga);
    expect(listed(replica)).toEqual([queueRowOf(later)]);
    replica.close();
  });

  it('are made after a first sync’s bulk load, and for the tickets a replica held before they existed', () => {
    const file = join(root, `${randomUUID()}.sqlite`);
    const bulk = new Replica(file);
    expect(bulk.beginBulkLoad()).toBe(true);
    pull(bulk, [upsert(later), upsert(sooner)]);
    expect(listed(bulk)).toEqual([]); // deferred while the load runs
    bulk.endBulkLoad();
    expect(listed(bulk)).toEqual([sooner, later].map(queueRowOf));
    bulk.close();

    // The replica as the console before this migration left it: tickets, and no queue rows.
    const db = new Database(file);
    db.exec("DROP TABLE queue_rows; DELETE FROM sync_state WHERE key = 'queueRowsStale'");
    db.pragma(`user_version = ${replicaMigrations.length - 1}`);
    db.close();
    const upgraded = new Replica(file);
    expect(listed(upgraded)).toEqual([sooner, later].map(queueRowOf));
    upgraded.close();
  });
});
