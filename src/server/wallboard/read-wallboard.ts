import { isSatisfied } from '../../shared/csat/survey.js';
import { EscalationSchema } from '../../shared/domain/escalation.js';
import { SupportTierSchema, type SupportTier } from '../../shared/domain/people.js';
import { channels, type Channel, type Priority, type TicketStatus } from '../../shared/domain/ticket.js';
import type { RoutingAgent } from '../../shared/routing/placement.js';
import type { SlaSnapshot } from '../../shared/sla/snapshot.js';
import { DAY_MS, instantOfLocal, localDayOf } from '../../shared/sla/zoned-time.js';
import type { WallboardAgent, WallboardEscalation, WallboardHandoff, WallboardSnapshot, WallboardToday } from '../../shared/wallboard/snapshot.js';
import { loadDesk } from '../routing/desk-snapshot.js';
import type { ShiftDirectory } from '../shifts/shift-directory.js';
import type { ServerDb } from '../storage/database.js';
import { expectedBreaches, firstResponseToday, isUnfinished, nextClockChange, queueFigures, type TicketFacts } from './ticket-figures.js';

/** Lists cut here stay readable from across the room; the counts beside them say how many there are. */
export const WALLBOARD_LIST_MAX = 12;

/** A handover older than this is history (the supervisors were alerted long ago), not news. */
const HANDOVER_REACH_MS = DAY_MS;

/** Midnight that began the day at `nowMs` in the zone, and the one that ends it. */
export function dayIn(timeZone: string, nowMs: number): { startMs: number; endMs: number } {
  const day = localDayOf(timeZone, nowMs);
  return { startMs: instantOfLocal(timeZone, day * DAY_MS), endMs: instantOfLocal(timeZone, (day + 1) * DAY_MS) };
}

export interface WallboardReading {
  /** One snapshot per time zone asked for: only "today" differs between them. */
  snapshots: Map<string, WallboardSnapshot>;
  /** When the clock alone next changes a figure (a due time, a warning, a window, midnight). */
  nextChangeMs: number;
}

/**
 * The wallboard for each zone at `nowMs`, read in one pass over what may matter: unfinished tickets,
 * and those answered or solved since the earliest of the zones' midnights.
 */
export async function readWallboard(db: ServerDb, shifts: ShiftDirectory, nowMs: number, timeZones: readonly string[]): Promise<WallboardReading> {
  const days = new Map(timeZones.map((zone) => [zone, dayIn(zone, nowMs)]));
  const earliest = new Date(Math.min(nowMs, ...[...days.values()].map((day) => day.startMs))).toISOString();
  const [queues, ticketRows, csatRows, agents, escalations, handoffs] = await Promise.all([
    db.selectFrom('queues').select(['id', 'name', 'tier']).orderBy('tier').orderBy('name').execute(),
    db
      .selectFrom('tickets')
      .select(['number', 'queue_id', 'status', 'assignee_id', 'channel', 'priority', 'created_at', 'first_responded_at', 'sla_json'])
      .where((eb) => eb.or([eb('status', 'in', ['new', 'open', 'pending', 'on_hold']), eb('first_responded_at', '>=', earliest), eb('solved_at', '>=', earliest)]))
      .execute(),
    db.selectFrom('csat_answers').select(['score', 'answered_at']).where('answered_at', '>=', earliest).execute(),
    agentsOnShift(db, shifts, nowMs),
    escalationsWaiting(db),
    handoffsWaiting(db, nowMs),
  ]);
  const tickets: TicketFacts[] = ticketRows.map((row) => ({
    number: row.number,
    queueId: row.queue_id,
    status: row.status as TicketStatus,
    assigneeId: row.assignee_id,
    channel: row.channel as Channel,
    priority: row.priority as Priority,
    createdAt: row.created_at,
    firstRespondedAt: row.first_responded_at,
    sla: row.sla_json ? (JSON.parse(row.sla_json) as SlaSnapshot) : null,
  }));
  const tiers = queues.map((queue) => ({ ...queue, tier: SupportTierSchema.parse(queue.tier) }));
  const tierOfQueue = new Map<string, SupportTier>(tiers.map((queue) => [queue.id, queue.tier]));
  const unfinished = tickets.filter((ticket) => isUnfinished(ticket.status));
  const shared = {
    computedAt: new Date(nowMs).toISOString(),
    queues: queueFigures(tiers, unfinished, nowMs),
    agents,
    ...escalations,
    ...handoffs,
    expectedBreaches: expectedBreaches(unfinished, tierOfQueue, nowMs),
  };
  const snapshots = new Map<string, WallboardSnapshot>();
  for (const [zone, day] of days) snapshots.set(zone, { ...shared, today: today(zone, day.startMs, nowMs, tickets, csatRows) });
  const midnight = Math.min(...[...days.values()].map((day) => day.endMs));
  return { snapshots, nextChangeMs: Math.min(nextClockChange(unfinished, nowMs), midnight) };
}

function today(timeZone: string, sinceMs: number, nowMs: number, tickets: readonly TicketFacts[], csat: readonly { score: number; answered_at: string }[]): WallboardToday {
  const firstResponse = firstResponseToday(tickets, sinceMs, nowMs);
  const answers = csat.filter((answer) => Date.parse(answer.answered_at) >= sinceMs && Date.parse(answer.answered_at) <= nowMs);
  return {
    timeZone,
    since: new Date(sinceMs).toISOString(),
    firstResponseMet: firstResponse.met,
    firstResponseBreached: firstResponse.breached,
    medianFirstResponseMinutes: firstResponse.medianMinutes,
    csatAnswers: answers.length,
    csatSatisfied: answers.filter((answer) => isSatisfied(answer.score)).length,
  };
}

const statusOrder = { online: 0, away: 1, offline: 2 } as const;

/**
 * Queue members working now: everyone the rota has on shift (offline ones too — a gap on the shift is
 * what a supervisor must see), and those in no rotation only while present, since for them "on shift"
 * would otherwise mean every hour of the day.
 */
async function agentsOnShift(db: ServerDb, shifts: ShiftDirectory, nowMs: number): Promise<WallboardAgent[]> {
  const [desk, schedule, users] = await Promise.all([
    loadDesk(db, shifts, nowMs),
    shifts.schedule(db, new Date(nowMs)),
    db.selectFrom('users').select(['id', 'tier']).execute(),
  ]);
  const tierOf = new Map(users.map((user) => [user.id, SupportTierSchema.parse(user.tier)]));
  const members = new Set([...desk.queues.values()].flatMap((queue) => queue.memberIds));
  const working = [...desk.agents.values()].filter((agent) => members.has(agent.id) && agent.onShift && (schedule.rosteredUserIds.has(agent.id) || agent.status !== 'offline'));
  return working
    .map((agent) => {
      const stint = schedule.shiftOf(agent.id, nowMs);
      return { id: agent.id, name: agent.name, tier: tierOf.get(agent.id) ?? 1, status: agent.status, shiftEndsAt: stint ? new Date(stint.end).toISOString() : null, ...loadOf(agent) };
    })
    .sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || a.tier - b.tier || a.name.localeCompare(b.name));
}

function loadOf(agent: RoutingAgent): Pick<WallboardAgent, 'tickets' | 'channels' | 'utilisation'> {
  const share = (load: number, capacity: number) => (capacity === 0 ? 1 : load / capacity);
  const held = channels
    .map((channel) => ({ channel, load: agent.load[channel] ?? 0, capacity: agent.capacity[channel] }))
    .filter((entry) => entry.load > 0)
    .sort((a, b) => share(b.load, b.capacity) - share(a.load, a.capacity));
  return {
    tickets: held.reduce((sum, entry) => sum + entry.load, 0),
    channels: held,
    utilisation: held.length === 0 ? 0 : share(held[0]!.load, held[0]!.capacity),
  };
}

async function escalationsWaiting(db: ServerDb): Promise<{ escalations: WallboardEscalation[]; escalationCount: number }> {
  const rows = await db.selectFrom('escalations').select('row_json').where('state', 'in', ['paging', 'exhausted']).orderBy('escalated_at').orderBy('id').execute();
  const escalations = rows.slice(0, WALLBOARD_LIST_MAX).map((row): WallboardEscalation => {
    const escalation = EscalationSchema.parse(JSON.parse(row.row_json));
    return {
      id: escalation.id,
      ticketNumber: escalation.ticketNumber,
      ticketSubject: escalation.ticketSubject,
      priority: escalation.priority,
      toTier: escalation.to.tier,
      toQueueName: escalation.to.queueName,
      state: escalation.state === 'exhausted' ? 'exhausted' : 'paging',
      paged: escalation.paged.map((target) => target.name),
      escalatedAt: escalation.escalatedAt,
    };
  });
  return { escalations, escalationCount: rows.length };
}

async function handoffsWaiting(db: ServerDb, nowMs: number): Promise<{ handoffs: WallboardHandoff[]; handoffCount: number }> {
  const rows = await db
    .selectFrom('handoff_notes')
    .leftJoin('queues', 'queues.id', 'handoff_notes.queue_id')
    .select(['handoff_notes.id', 'handoff_notes.author_name', 'queues.name as queue_name', 'handoff_notes.incoming_start', 'handoff_notes.acknowledge_by'])
    .where('handoff_notes.acknowledge_by', 'is not', null)
    .where('handoff_notes.acknowledged_at', 'is', null)
    .where('handoff_notes.incoming_start', '>=', new Date(nowMs - HANDOVER_REACH_MS).toISOString())
    .orderBy('handoff_notes.incoming_start')
    .orderBy('handoff_notes.id')
    .execute();
  const handoffs = rows.slice(0, WALLBOARD_LIST_MAX).map((row) => ({
    id: row.id,
    authorName: row.author_name,
    queueName: row.queue_name,
    incomingStart: row.incoming_start!,
    acknowledgeBy: row.acknowledge_by!,
  }));
  return { handoffs, handoffCount: rows.length };
}
