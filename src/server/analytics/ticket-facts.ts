import type { CustomerTier, Priority, Channel, TicketStatus, TicketType } from '../../shared/domain/ticket.js';
import type { SlaTarget } from '../../shared/analytics/report.js';
import { BusinessCalendar } from '../../shared/sla/business-calendar.js';
import { CalendarSpecSchema } from '../../shared/sla/calendar-spec.js';
import { computeClocks, type ClockTrace, type SlaEvent, type SlaFacts } from '../../shared/sla/clocks.js';
import type { CompiledPolicy } from '../../shared/sla/engine.js';
import { matchRule, type PolicyRule } from '../../shared/sla/policy.js';
import type { ClockKind } from '../../shared/sla/snapshot.js';

const MINUTE_MS = 60_000;

/** A ticket's history as the analytics read it: times in epoch ms, events and messages in the order they happened. */
export interface TicketHistoryFacts {
  id: string;
  queueId: string;
  channel: Channel;
  customerTier: CustomerTier;
  priority: Priority;
  type: TicketType;
  assigneeId: string | null;
  status: TicketStatus;
  createdAt: number;
  events: readonly { kind: string; at: number; data: Record<string, unknown> }[];
  messages: readonly { at: number; authorKind: 'customer' | 'agent' | 'system'; isPublic: boolean }[];
  csat: { score: number; answeredAt: number; agentId: string | null; commented: boolean } | null;
}

export interface FactContext {
  policy: CompiledPolicy;
  /** Each queue's tier as it is now. */
  queueTiers: ReadonlyMap<string, number>;
  /** When the facts are worked out: open clocks are read as of this instant. */
  now: number;
}

export interface Dimensions {
  queueId: string;
  channel: string;
  customerTier: string;
  priority: string;
  agentId: string | null;
}

export type DurationMetric = 'firstResponse' | 'nextReply' | 'resolution';
export type SlaOutcome = 'met' | 'breached' | 'open';

export interface TicketFacts {
  dimensions: Dimensions;
  createdAt: number;
  firstSolvedAt: number | null;
  firstContact: boolean;
  reopened: boolean;
  tiersVisited: number;
  tiersEscalated: number;
  durations: { metric: DurationMetric; at: number; businessMinutes: number | null; calendarMinutes: number }[];
  /** `at`: when met (stopped) or breached (ran out); for open clocks when they will run out, null while paused. */
  sla: { target: SlaTarget; outcome: SlaOutcome; at: number | null }[];
  openSpans: { openedAt: number; closedAt: number | null }[];
  csat: { dimensions: Dimensions; answeredAt: number; score: number; commented: boolean } | null;
}

const isFinished = (status: TicketStatus) => status === 'solved' || status === 'closed';

/** Longer than any ticket stays open: a target the rule does not set, so its clock still measures business time. */
const UNSET_TARGET_MINUTES = 100 * 366 * 24 * 60;

/** Tickets no rule matches still have their next-reply cycles timed, on the wall clock only. */
const wallClockRule: PolicyRule = {
  id: 'analytics-wall-clock',
  name: 'wall clock',
  match: {},
  targets: { firstResponse: UNSET_TARGET_MINUTES, nextReply: UNSET_TARGET_MINUTES, resolution: UNSET_TARGET_MINUTES },
  calendar: 'wall',
  warnAtPercent: 75,
  pauseResolutionOnHold: false,
};
const wallClock = new BusinessCalendar(CalendarSpecSchema.parse({ timeZone: 'UTC', hours: '24/7' }));

/**
 * What one ticket's history comes to for the reports (docs/metrics.md). Business time is the SLA
 * engine's own reading of the ticket: the calendar of the rule its attributes match now, with the
 * pauses that rule applies, so a report and the ticket's countdown never disagree.
 */
export function ticketFacts(ticket: TicketHistoryFacts, context: FactContext): TicketFacts {
  const dimensions: Dimensions = { queueId: ticket.queueId, channel: ticket.channel, customerTier: ticket.customerTier, priority: ticket.priority, agentId: ticket.assigneeId };
  const statusChanges = ticket.events
    .filter((event) => event.kind === 'status')
    .map((event) => ({ at: Math.max(event.at, ticket.createdAt), status: (event.data as { to: TicketStatus }).to }))
    .sort((a, b) => a.at - b.at);

  const solves: number[] = [];
  const openSpans: TicketFacts['openSpans'] = [{ openedAt: ticket.createdAt, closedAt: null }];
  let reopened = false;
  let status: TicketStatus = 'new';
  for (const change of statusChanges) {
    if (!isFinished(status) && isFinished(change.status)) {
      solves.push(change.at);
      openSpans[openSpans.length - 1]!.closedAt = change.at;
    } else if (isFinished(status) && !isFinished(change.status)) {
      reopened = true;
      openSpans.push({ openedAt: change.at, closedAt: null });
    }
    status = change.status;
  }
  const finished = isFinished(ticket.status) && solves.length > 0;
  const firstSolvedAt = solves[0] ?? null;

  const publicReplies = [
    ...ticket.messages.filter((message) => message.authorKind === 'agent' && message.isPublic).map((message) => message.at),
    ...ticket.events.filter((event) => event.kind === 'responded').map((event) => event.at),
  ]
    .filter((at) => at >= ticket.createdAt)
    .sort((a, b) => a - b);
  const firstContact = firstSolvedAt !== null && !reopened && publicReplies.filter((at) => at <= firstSolvedAt).length === 1;

  const slaFacts: SlaFacts = {
    createdAt: ticket.createdAt,
    events: [
      ...statusChanges.map((change): SlaEvent => ({ kind: 'status', at: change.at, status: change.status })),
      ...ticket.messages.map((message): SlaEvent => ({ kind: 'message', at: message.at, authorKind: message.authorKind, isPublic: message.isPublic })),
      ...ticket.events.filter((event) => event.kind === 'responded').map((event): SlaEvent => ({ kind: 'message', at: event.at, authorKind: 'agent', isPublic: true })),
    ],
  };
  const match = matchRule(context.policy.policy, ticket);
  const calendar = match ? context.policy.calendars.get(match.rule.calendar) : undefined;
  const rule = match && calendar ? withEveryTarget(match.rule) : wallClockRule;
  const clocks = (now: number) => computeClocks(slaFacts, rule, calendar ?? wallClock, now);
  const business = (trace: ClockTrace | undefined) => (calendar && trace ? trace.report.elapsedMinutes : null);
  const targeted = (target: SlaTarget) => match !== null && calendar !== undefined && match.rule.targets[target] !== undefined;

  const durations: TicketFacts['durations'] = [];
  const sla: TicketFacts['sla'] = [];
  const now = clocks(context.now);
  const trace = (traces: ClockTrace[], kind: ClockKind) => traces.find((candidate) => candidate.report.kind === kind);

  const firstResponse = trace(now, 'firstResponse')!;
  const respondedAt = publicReplies[0];
  if (respondedAt !== undefined) {
    durations.push({ metric: 'firstResponse', at: respondedAt, businessMinutes: business(firstResponse), calendarMinutes: (respondedAt - ticket.createdAt) / MINUTE_MS });
  }
  if (targeted('firstResponse')) sla.push(...outcome('firstResponse', firstResponse));

  // Each completed next-reply cycle, read by the engine at the instant of the reply that ended it.
  const replyInstants = [...new Set(publicReplies)];
  for (const at of replyInstants.slice(1)) {
    const nextReply = trace(clocks(at), 'nextReply');
    if (!nextReply || nextReply.report.stoppedAt === null || Date.parse(nextReply.report.stoppedAt) !== at) continue;
    const startedAt = Date.parse(nextReply.report.startedAt);
    durations.push({ metric: 'nextReply', at, businessMinutes: business(nextReply), calendarMinutes: (at - startedAt) / MINUTE_MS });
    if (targeted('nextReply')) sla.push(...outcome('nextReply', nextReply));
  }
  const openReply = trace(now, 'nextReply');
  if (openReply && openReply.report.stoppedAt === null && targeted('nextReply')) sla.push(...outcome('nextReply', openReply));

  const resolution = trace(now, 'resolution')!;
  if (finished) {
    const solvedAt = solves[solves.length - 1]!;
    durations.push({ metric: 'resolution', at: solvedAt, businessMinutes: business(resolution), calendarMinutes: (solvedAt - ticket.createdAt) / MINUTE_MS });
  }
  if (targeted('resolution')) sla.push(...outcome('resolution', resolution));

  let tiersVisited = 0;
  let tiersEscalated = 0;
  const tierBit = (queueId: unknown) => {
    const tier = typeof queueId === 'string' ? context.queueTiers.get(queueId) : undefined;
    return tier === undefined ? 0 : 1 << (tier - 1);
  };
  const moves = ticket.events.filter((event) => event.kind === 'queue');
  tiersVisited |= tierBit(moves[0]?.data.from ?? ticket.queueId);
  for (const move of moves) tiersVisited |= tierBit(move.data.to);
  for (const escalated of ticket.events.filter((event) => event.kind === 'escalated')) tiersEscalated |= tierBit(escalated.data.from);

  return {
    dimensions,
    createdAt: ticket.createdAt,
    firstSolvedAt,
    firstContact,
    reopened,
    tiersVisited,
    tiersEscalated,
    durations,
    sla,
    openSpans,
    csat: ticket.csat ? { dimensions: { ...dimensions, agentId: ticket.csat.agentId }, answeredAt: ticket.csat.answeredAt, score: ticket.csat.score, commented: ticket.csat.commented } : null,
  };
}

function withEveryTarget(rule: PolicyRule): PolicyRule {
  const { firstResponse = UNSET_TARGET_MINUTES, nextReply = UNSET_TARGET_MINUTES, resolution = UNSET_TARGET_MINUTES } = rule.targets;
  return { ...rule, targets: { firstResponse, nextReply, resolution } };
}

/**
 * A clock's outcome: met when it stopped in time, breached at the instant it ran out (stopped or
 * not), open with the instant it will run out while it counts. A first-response clock a ticket was
 * solved without a public reply stopped with nothing answered: no outcome.
 */
function outcome(target: SlaTarget, trace: ClockTrace): TicketFacts['sla'] {
  const { state, stoppedAt, dueAt } = trace.report;
  const instant = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  if (state === 'breached') return [{ target, outcome: 'breached', at: instant(dueAt) }];
  if (state === 'met') return stoppedAt === null ? [] : [{ target, outcome: 'met', at: instant(stoppedAt) }];
  return [{ target, outcome: 'open', at: state === 'running' ? instant(dueAt) : null }];
}
