import { z } from 'zod';
import { AgentStatusSchema, SupportTierSchema } from '../domain/people.js';
import { ChannelSchema, IsoDateTimeSchema, PrioritySchema } from '../domain/ticket.js';
import { EscalationStateSchema } from '../domain/escalation.js';
import { TimeZoneSchema } from '../sla/calendar-spec.js';

/**
 * The supervisors' wallboard (docs/wallboard.md): the desk at one instant, computed by the server
 * from tickets' SLA snapshots, the rota, presence, escalations, handovers and CSAT answers, and pushed
 * to the supervisors' and admins' consoles that show it.
 */

/** How far ahead the wallboard looks for breaches, in minutes; each window includes the shorter ones. */
export const breachWindows = [15, 30, 60] as const;

const Count = z.number().int().nonnegative();

/** One queue's line. Waiting: new or open (the desk owes the next move). */
export const WallboardQueueSchema = z.object({
  queueId: z.string(),
  name: z.string(),
  tier: SupportTierSchema,
  waiting: Count,
  /** Waiting with nobody assigned. */
  unassigned: Count,
  /** Unfinished, with the SLA clock the queue shows past its warning but not yet due. */
  atRisk: Count,
  /** Unfinished, with the SLA clock the queue shows overdue. */
  breached: Count,
  /** The waiting ticket whose customer has waited longest, and since when (the console counts the age). */
  oldestWaiting: z.object({ ticketNumber: z.number().int().positive(), since: IsoDateTimeSchema }).nullable(),
});
export type WallboardQueue = z.infer<typeof WallboardQueueSchema>;

/** One channel's share of an agent's work: tickets held against the slots routing gives them. */
export const ChannelLoadSchema = z.object({ channel: ChannelSchema, load: Count, capacity: Count });

export const WallboardAgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: SupportTierSchema,
  status: AgentStatusSchema,
  /** When their shift ends; null for someone in no shift rotation (on shift at any hour). */
  shiftEndsAt: IsoDateTimeSchema.nullable(),
  /** New and open tickets they hold. */
  tickets: Count,
  /** The channels they hold tickets of, busiest first. */
  channels: z.array(ChannelLoadSchema),
  /** The busiest channel's load over its capacity (1: full there; routing passes them by). */
  utilisation: z.number().nonnegative(),
});
export type WallboardAgent = z.infer<typeof WallboardAgentSchema>;

export const WallboardEscalationSchema = z.object({
  id: z.string(),
  ticketNumber: z.number().int().positive(),
  ticketSubject: z.string(),
  priority: PrioritySchema,
  toTier: SupportTierSchema,
  toQueueName: z.string(),
  /** paging: the ladder runs; exhausted: it ran out and waits for a supervisor. */
  state: EscalationStateSchema.extract(['paging', 'exhausted']),
  /** Who is being paged now (empty once the ladder ran out). */
  paged: z.array(z.string()),
  escalatedAt: IsoDateTimeSchema,
});
export type WallboardEscalation = z.infer<typeof WallboardEscalationSchema>;

export const WallboardHandoffSchema = z.object({
  id: z.string(),
  authorName: z.string(),
  queueName: z.string().nullable(),
  incomingStart: IsoDateTimeSchema,
  /** Past this the supervisors were (or are about to be) alerted. */
  acknowledgeBy: IsoDateTimeSchema,
});
export type WallboardHandoff = z.infer<typeof WallboardHandoffSchema>;

/** Tickets whose SLA comes due within each of `breachWindows` (cumulative), as counts in that order. */
const WindowCounts = z.tuple([Count, Count, Count]);

export const ExpectedBreachesSchema = z.object({
  total: WindowCounts,
  /** Support tier of the ticket's queue. Every tier, channel and priority is listed, zeros too, in a fixed order. */
  byTier: z.array(z.object({ tier: SupportTierSchema, counts: WindowCounts })),
  byChannel: z.array(z.object({ channel: ChannelSchema, counts: WindowCounts })),
  byPriority: z.array(z.object({ priority: PrioritySchema, counts: WindowCounts })),
});
export type ExpectedBreaches = z.infer<typeof ExpectedBreachesSchema>;

/** Today's results, "today" being the calendar day in the watching supervisor's time zone. */
export const WallboardTodaySchema = z.object({
  timeZone: TimeZoneSchema,
  /** Midnight that began the day, as an instant. */
  since: IsoDateTimeSchema,
  /** First-response clocks decided today: met when answered in time, breached when their due time passed. */
  firstResponseMet: Count,
  firstResponseBreached: Count,
  /** Calendar minutes from arrival to first response, over tickets first answered today; null: none yet. */
  medianFirstResponseMinutes: z.number().nonnegative().nullable(),
  csatAnswers: Count,
  /** Satisfied answers (isSatisfied: 4 or 5 of 5, "good" on the good/bad scale). */
  csatSatisfied: Count,
});
export type WallboardToday = z.infer<typeof WallboardTodaySchema>;

export const WallboardSnapshotSchema = z.object({
  computedAt: IsoDateTimeSchema,
  queues: z.array(WallboardQueueSchema),
  agents: z.array(WallboardAgentSchema),
  /** Waiting for someone to acknowledge, oldest first; `escalationCount` counts them all when the list is cut. */
  escalations: z.array(WallboardEscalationSchema),
  escalationCount: Count,
  /** Shift handovers no one of the incoming shift has acknowledged yet (of the last day), oldest first; `handoffCount` counts them all. */
  handoffs: z.array(WallboardHandoffSchema),
  handoffCount: Count,
  expectedBreaches: ExpectedBreachesSchema,
  today: WallboardTodaySchema,
});
export type WallboardSnapshot = z.infer<typeof WallboardSnapshotSchema>;

/** What a console asks to watch the wallboard with: the zone its "today" is counted in. */
export const WallboardWatchSchema = z.object({ timeZone: TimeZoneSchema }).strict();
export type WallboardWatch = z.infer<typeof WallboardWatchSchema>;

/** The socket.io events of the wallboard, beside the sync protocol's. */
export const wallboardSocketEvents = { watch: 'wallboard.watch', unwatch: 'wallboard.unwatch', snapshot: 'wallboard.snapshot' } as const;

/** First-response compliance as a share (0–1); null when nothing was decided today. */
export function firstResponseCompliance(today: Pick<WallboardToday, 'firstResponseMet' | 'firstResponseBreached'>): number | null {
  const decided = today.firstResponseMet + today.firstResponseBreached;
  return decided === 0 ? null : today.firstResponseMet / decided;
}

/** CSAT as the share of satisfied answers (0–1); null with no answers today. */
export function csatScore(today: Pick<WallboardToday, 'csatAnswers' | 'csatSatisfied'>): number | null {
  return today.csatAnswers === 0 ? null : today.csatSatisfied / today.csatAnswers;
}
