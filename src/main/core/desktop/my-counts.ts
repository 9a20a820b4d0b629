import type Database from 'better-sqlite3';
import type { MyTicketCounts } from '../../../shared/desk-api/desktop-methods.js';
import { TicketSchema, type Ticket } from '../../../shared/domain/ticket.js';
import { slaCountdown } from '../../../shared/sla/countdown.js';
import type { Timers } from '../alerts/alerter.js';
import { seenRow, seenTickets } from '../replica/seen-tickets.js';

/** Unfinished as the handoff draft counts it: the agent still has something to do or to wait for. */
const unfinished = ['new', 'open', 'pending', 'on_hold'] as const;
/** A first sync or a busy desk changes tickets many times a second; the tray needs one count after them. */
export const COUNTS_SETTLE_MS = 500;

/**
 * The agent's unfinished tickets and those at risk (SLA warning or breached), as the console shows
 * them, and the next instant a running clock could put one more at risk without any change arriving.
 */
export function countMine(tickets: readonly Ticket[], userId: string, nowMs: number): { counts: MyTicketCounts; nextChangeAt: number | null } {
  let open = 0;
  let atRisk = 0;
  let nextChangeAt: number | null = null;
  for (const ticket of tickets) {
    if (ticket.assigneeId !== userId || !(unfinished as readonly string[]).includes(ticket.status)) continue;
    open++;
    const countdown = slaCountdown(ticket, nowMs);
    if (countdown.state === 'breached' || (countdown.state === 'running' && countdown.warning)) {
      atRisk++;
      continue;
    }
    for (const clock of ticket.sla?.clocks ?? []) {
      if (clock.state !== 'running' || clock.stoppedAt !== null) continue;
      for (const at of [clock.warnAt, clock.dueAt]) {
        const ms = at === null ? NaN : Date.parse(at);
        if (ms > nowMs && (nextChangeAt === null || ms < nextChangeAt)) nextChangeAt = ms;
      }
    }
  }
  return { counts: { open, atRisk }, nextChangeAt };
}

/** The replica's answers for the desktop shell, in SQL so a 100,000-ticket replica parses only what they need. */
export class DesktopReplica {
  constructor(private readonly db: Database.Database) {}

  /**
   * The agent's unfinished tickets as the console shows them (the overlay's row where there is one):
   * found through the assignee index, plus tickets this console assigned to them and the server not yet.
   */
  myUnfinishedTickets(userId: string): Ticket[] {
    const rows = this.db
      .prepare(
        `SELECT row FROM (
           SELECT ${seenRow} AS row FROM ${seenTickets} WHERE json_extract(t.row, '$.assigneeId') = @user
           UNION ALL
           SELECT o.row FROM overlay_tickets o JOIN tickets t ON t.id = o.id WHERE json_extract(o.row, '$.assigneeId') = @user AND json_extract(t.row, '$.assigneeId') IS NOT @user
         ) WHERE json_extract(row, '$.assigneeId') = @user AND json_extract(row, '$.status') IN (${unfinished.map((status) => `'${status}'`).join(', ')})`,
      )
      .pluck()
      .all({ user: userId }) as string[];
    return rows.map((row) => TicketSchema.parse(JSON.parse(row)));
  }

  ticketIdByNumber(number: number): string | null {
    return (this.db.prepare('SELECT id FROM tickets WHERE number = ?').pluck().get(number) as string | undefined) ?? null;
  }
}

export interface MyCountsDeps {
  /** The signed-in agent's unfinished tickets; empty when nobody is signed in. */
  tickets(): readonly Ticket[];
  userId(): string | null;
  now(): number;
  timers: Timers;
  changed(counts: MyTicketCounts): void;
}

/**
 * Keeps the tray's counts current: recounted shortly after tickets change (coalesced), and when a
 * running SLA clock reaches its warning or due time. Tells only when a count actually changed.
 */
export class MyCounts {
  private last: MyTicketCounts = { open: 0, atRisk: 0 };
  private settle: unknown = null;
  private wake: unknown = null;

  constructor(private readonly deps: MyCountsDeps) {}

  current(): MyTicketCounts {
    return this.count();
  }

  /** Recounts after the events that can change the counts. */
  follow(event: string): void {
    if (event === 'tickets.changed' || event === 'session.changed') this.changed();
  }

  /** Tickets changed (or the agent signed in or out): recount once things settle. */
  changed(): void {
    if (this.settle !== null) return;
    this.settle = this.deps.timers.setTimeout(() => {
      this.settle = null;
      this.count();
    }, COUNTS_SETTLE_MS);
  }

  stop(): void {
    for (const handle of [this.settle, this.wake]) if (handle !== null) this.deps.timers.clearTimeout(handle);
    this.settle = this.wake = null;
  }

  private count(): MyTicketCounts {
    const userId = this.deps.userId();
    const now = this.deps.now();
    const { counts, nextChangeAt } = userId === null ? { counts: { open: 0, atRisk: 0 }, nextChangeAt: null } : countMine(this.deps.tickets(), userId, now);
    if (this.wake !== null) this.deps.timers.clearTimeout(this.wake);
    this.wake = nextChangeAt === null ? null : this.deps.timers.setTimeout(() => {
      this.wake = null;
      this.count();
    }, nextChangeAt - now);
    if (counts.open !== this.last.open || counts.atRisk !== this.last.atRisk) {
      this.last = counts;
      this.deps.changed(counts);
    }
    return counts;
  }
}
