import type { SupportTier } from '../../shared/domain/people.js';
import { channels, priorities, type Channel, type Priority, type TicketStatus } from '../../shared/domain/ticket.js';
import { slaCountdown } from '../../shared/sla/countdown.js';
import type { ClockReport, SlaSnapshot } from '../../shared/sla/snapshot.js';
import { breachWindows, type ExpectedBreaches, type WallboardQueue } from '../../shared/wallboard/snapshot.js';

const MINUTE = 60_000;

/** What the wallboard needs of a ticket: the row's plain fields and its stored SLA snapshot. */
export interface TicketFacts {
  number: number;
  queueId: string;
  status: TicketStatus;
  assigneeId: string | null;
  channel: Channel;
  priority: Priority;
  createdAt: string;
  firstRespondedAt: string | null;
  sla: SlaSnapshot | null;
}

/** New and open: the desk owes the next move. Pending and on hold wait on someone else. */
export function isWaiting(status: TicketStatus): boolean {
  return status === 'new' || status === 'open';
}

export function isUnfinished(status: TicketStatus): boolean {
  return isWaiting(status) || status === 'pending' || status === 'on_hold';
}

const customerClocks = new Set(['firstResponse', 'nextReply', 'resolution']);

function counting(clock: ClockReport): clock is ClockReport & { dueAt: string } {
  return customerClocks.has(clock.kind) && clock.stoppedAt === null && clock.dueAt !== null && (clock.state === 'running' || clock.state === 'breached');
}

/**
 * Since when the customer has waited for the desk: the start of the reply they are owed (first
 * response or next reply), else the ticket's arrival — an open ticket with no reply owed has waited
 * on the desk since it came in.
 */
export function waitingSince(ticket: TicketFacts): string {
  const owed = ticket.sla?.clocks.find((clock) => (clock.kind === 'firstResponse' || clock.kind === 'nextReply') && clock.stoppedAt === null && clock.state !== 'met');
  return owed?.startedAt ?? ticket.createdAt;
}

/**
 * Per queue: waiting, unassigned, at risk, breached and the oldest waiting. At risk and breached go
 * by the one clock the queue's SLA column shows (slaCountdown), so the wallboard and the agents' queue
 * never disagree about a ticket.
 */
export function queueFigures(queues: readonly { id: string; name: string; tier: SupportTier }[], tickets: readonly TicketFacts[], nowMs: number): WallboardQueue[] {
  const lines = new Map<string, WallboardQueue>(
    queues.map((queue) => [queue.id, { queueId: queue.id, name: queue.name, tier: queue.tier, waiting: 0, unassigned: 0, atRisk: 0, breached: 0, oldestWaiting: null }]),
  );
  for (const ticket of tickets) {
    const line = lines.get(ticket.queueId);
    if (!line || !isUnfinished(ticket.status)) continue;
    const countdown = slaCountdown(ticket, nowMs);
    if (countdown.state === 'breached') line.breached += 1;
    else if (countdown.state === 'running' && countdown.warning) line.atRisk += 1;
    if (!isWaiting(ticket.status)) continue;
    line.waiting += 1;
    if (ticket.assigneeId === null) line.unassigned += 1;
    const since = waitingSince(ticket);
    const oldest = line.oldestWaiting;
    if (!oldest || Date.parse(since) < Date.parse(oldest.since) || (since === oldest.since && ticket.number < oldest.ticketNumber)) {
      line.oldestWaiting = { ticketNumber: ticket.number, since };
    }
  }
  return [...lines.values()];
}

/**
 * Tickets whose SLA comes due within 15, 30 and 60 minutes and is not yet breached: the earliest due
 * of their counting customer-facing clocks, so a ticket counts once. Paused clocks do not move and
 * are left out; a due time already past is a breach, not an expected one.
 */
export function expectedBreaches(tickets: readonly TicketFacts[], tierOfQueue: ReadonlyMap<string, SupportTier>, nowMs: number): ExpectedBreaches {
  const zero = (): [number, number, number] => [0, 0, 0];
  const total = zero();
  const byTier = new Map<SupportTier, [number, number, number]>([[1, zero()], [2, zero()], [3, zero()]]);
  const byChannel = new Map(channels.map((channel) => [channel, zero()]));
  const byPriority = new Map(priorities.map((priority) => [priority, zero()]));
  for (const ticket of tickets) {
    if (!isUnfinished(ticket.status) || !ticket.sla) continue;
    let dueMs = Infinity;
    for (const clock of ticket.sla.clocks) if (counting(clock)) dueMs = Math.min(dueMs, Date.parse(clock.dueAt));
    if (!(dueMs > nowMs)) continue;
    const tier = tierOfQueue.get(ticket.queueId);
    breachWindows.forEach((minutes, index) => {
      if (dueMs - nowMs > minutes * MINUTE) return;
      total[index]! += 1;
      if (tier !== undefined) byTier.get(tier)![index]! += 1;
      byChannel.get(ticket.channel)![index]! += 1;
      byPriority.get(ticket.priority)![index]! += 1;
    });
  }
  return {
    total,
    byTier: [...byTier].map(([tier, counts]) => ({ tier, counts })),
    byChannel: [...byChannel].map(([channel, counts]) => ({ channel, counts })),
    byPriority: [...byPriority].map(([priority, counts]) => ({ priority, counts })),
  };
}

/**
 * How a ticket's first-response clock was decided, and when: met at the reply that stopped it in
 * time, breached at the instant its due time passed (whether answered later or not yet). Each clock
 * is decided once, so it counts on one day only.
 */
export function firstResponseDecision(ticket: Pick<TicketFacts, 'sla'>, nowMs: number): { met: boolean; atMs: number } | null {
  const clock = ticket.sla?.clocks.find((c) => c.kind === 'firstResponse');
  if (!clock) return null;
  if (clock.state === 'met') return clock.stoppedAt === null ? null : { met: true, atMs: Date.parse(clock.stoppedAt) };
  // A snapshot is recomputed at its next change, so a running clock past its due time is a breach the
  // scheduler has yet to write down.
  const dueMs = clock.dueAt === null ? null : Date.parse(clock.dueAt);
  if (dueMs !== null && dueMs <= nowMs && (clock.state === 'breached' || clock.state === 'running')) return { met: false, atMs: dueMs };
  return null;
}

/** Today's first-response figures from the tickets that could have been decided or answered since `sinceMs`. */
export function firstResponseToday(tickets: readonly TicketFacts[], sinceMs: number, nowMs: number): { met: number; breached: number; medianMinutes: number | null } {
  let met = 0;
  let breached = 0;
  const minutes: number[] = [];
  for (const ticket of tickets) {
    const decision = firstResponseDecision(ticket, nowMs);
    if (decision && decision.atMs >= sinceMs && decision.atMs <= nowMs) {
      if (decision.met) met += 1;
      else breached += 1;
    }
    if (ticket.firstRespondedAt !== null) {
      const answeredMs = Date.parse(ticket.firstRespondedAt);
      if (answeredMs >= sinceMs && answeredMs <= nowMs) minutes.push((answeredMs - Date.parse(ticket.createdAt)) / MINUTE);
    }
  }
  return { met, breached, medianMinutes: median(minutes) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The next instant the clock alone changes a figure: a warning or due time passing, or a due time
 * entering one of the breach windows. Between changes nothing needs recomputing.
 */
export function nextClockChange(tickets: readonly TicketFacts[], nowMs: number): number {
  let next = Infinity;
  const consider = (ms: number) => {
    if (ms > nowMs && ms < next) next = ms;
  };
  for (const ticket of tickets) {
    if (!isUnfinished(ticket.status) || !ticket.sla) continue;
    for (const clock of ticket.sla.clocks) {
      if (!counting(clock)) continue;
      const dueMs = Date.parse(clock.dueAt);
      consider(dueMs);
      if (clock.warnAt !== null) consider(Date.parse(clock.warnAt));
      for (const minutes of breachWindows) consider(dueMs - minutes * MINUTE);
    }
  }
  return next;
}
