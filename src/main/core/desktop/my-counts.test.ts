import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/people.js';
import { Replica } from '../replica/replica.js';
import { storedChange } from '../replica/stored-change.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import type { MyTicketCounts } from '../../../shared/desk-api/desktop-methods.js';
import { fakeTimers } from './fake-timers.js';
import { COUNTS_SETTLE_MS, countMine, MyCounts } from './my-counts.js';

const now = Date.parse('2026-11-24T02:00:00.000Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

/** A ticket whose first response is due in `dueIn` minutes, with the warning `warnBefore` minutes earlier. */
function ticket(overrides: Partial<Ticket> & { dueIn?: number; warnBefore?: number } = {}): Ticket {
  const { dueIn = 60, warnBefore = 15, ...rest } = overrides;
  return {
    id: randomUUID(), number: 1000, subject: 'VPN drops every hour', requesterName: 'Ilze', requesterEmail: 'ilze@example.test',
    channel: 'email', priority: 'high', customerTier: 'standard', type: 'incident', status: 'open', queueId: 'tier1',
    assigneeId: 'u-olga', createdAt: at(-30), updatedAt: at(-30), firstRespondedAt: null, solvedAt: null, tags: [],
    sla: {
      ruleId: 'r', ruleName: 'Standard', calendarId: 'c', computedAt: at(-30),
      clocks: [{
        kind: 'firstResponse', state: 'running', targetMinutes: 90, startedAt: at(-30), dueAt: at(dueIn), warnAt: at(dueIn - warnBefore),
        stoppedAt: null, pausedBy: null, elapsedMinutes: 30, remainingMinutes: dueIn, warning: false, nextChangeAt: at(dueIn - warnBefore), breaches: 0,
      }],
    },
    ...rest,
  };
}

describe('my ticket counts', () => {
  it('counts my unfinished tickets, and those in SLA warning or breached as at risk', () => {
    const tickets = [
      ticket({ dueIn: 60 }), // running, warning at +45
      ticket({ dueIn: 10 }), // in warning
      ticket({ dueIn: -5 }), // breached
      ticket({ status: 'pending', sla: null }),
      ticket({ status: 'solved', dueIn: -5 }), // finished: not counted
      ticket({ assigneeId: 'u-sam', dueIn: -5 }), // a colleague's
      ticket({ assigneeId: null }),
    ];
    expect(countMine(tickets, 'u-olga', now)).toEqual({ counts: { open: 4, atRisk: 2 }, nextChangeAt: now + 45 * 60_000 });
  });

  it('recounts once after a burst of changes, and again when a running clock reaches its warning', () => {
    const clock = fakeTimers(now);
    const advance = clock.advance;
    let reads = 0;
    const told: MyTicketCounts[] = [];
    const counts = new MyCounts({
      tickets: () => (reads++, [ticket({ dueIn: 20, warnBefore: 10 }), ticket({ dueIn: 90 })]),
      userId: () => 'u-olga',
      now: clock.now,
      timers: clock.timers,
      changed: (value) => told.push(value),
    });

    for (let i = 0; i < 50; i++) counts.follow('tickets.changed');
    counts.follow('queues.changed');
    advance(COUNTS_SETTLE_MS);
    expect(reads).toBe(1);
    expect(told).toEqual([{ open: 2, atRisk: 0 }]);

    // Nothing arrives; ten minutes on the first ticket's warning starts.
    advance(10 * 60_000 - COUNTS_SETTLE_MS);
    expect(told).toEqual([{ open: 2, atRisk: 0 }, { open: 2, atRisk: 1 }]);
    // A recount that finds the same numbers says nothing.
    counts.follow('tickets.changed');
    advance(COUNTS_SETTLE_MS);
    expect(told).toHaveLength(2);
    counts.stop();
    expect(clock.pending()).toBe(0);
  });
});

describe('the desktop queries on the replica', () => {
  const folder = mkdtempSync(join(tmpdir(), 'shiftdesk-desktop-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const olga: User = { id: 'u-olga', name: 'Olga Smirnova', email: 'agent3@demo', role: 'agent', tier: 1, locale: 'ru', timeZone: 'Europe/Riga', queueIds: ['tier1'] };

  it("finds the agent's unfinished tickets through an index, with this console's unconfirmed assignments on top, and tickets by number", () => {
    const file = join(folder, 'replica.sqlite');
    const replica = new Replica(file);
    const mine = ticket({ number: 1001 });
    const solved = ticket({ number: 1002, status: 'solved' });
    const colleagues = ticket({ number: 1003, assigneeId: 'u-sam' });
    const unassigned = ticket({ number: 1004, assigneeId: null });
    const given = ticket({ number: 1005 });
    const bulk = replica.beginBulkLoad();
    replica.applyPull([mine, solved, colleagues, unassigned, given].map((row, i) => storedChange({ seq: i + 1, scope: 'queue:tier1', entity: 'ticket', op: 'upsert', row })), { 'queue:tier1': 5 }, null);
    if (bulk) replica.endBulkLoad();
    const numbers = () => replica.desktop.myUnfinishedTickets('u-olga').map((t) => t.number).sort();
    expect(numbers()).toEqual([1001, 1005]);

    // Taken offline here, and one handed to Sam: the tray counts what the console shows.
    const clientId = replica.outbox.clientIdFor('u-olga');
    const assign = (row: Ticket, assignee: string) => replica.outbox.enqueue(clientId, { name: 'ticket.assign', args: { ticketId: row.id, expectedAssignee: row.assigneeId, assignee }, createdAt: at(0) });
    assign(unassigned, 'u-olga');
    assign(given, 'u-sam');
    replica.refreshOverlay(clientId, olga);
    expect(numbers()).toEqual([1001, 1004]);

    expect(replica.desktop.ticketIdByNumber(1003)).toBe(colleagues.id);
    expect(replica.desktop.ticketIdByNumber(4242)).toBeNull();

    const plan = (sql: string) => {
      const db = new Database(file, { readonly: true });
      const detail = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((row) => row.detail).join(' | ');
      db.close();
      return detail;
    };
    expect(plan("SELECT row FROM tickets WHERE json_extract(row, '$.assigneeId') = ?")).toContain('tickets_assignee');
    expect(plan('SELECT id FROM tickets WHERE number = ?')).toContain('tickets_number');
    replica.close();
  });
});
