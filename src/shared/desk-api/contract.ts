import { z } from 'zod';
import { TicketDetailSchema } from '../domain/ticket.js';
import { TicketEventSchema } from '../domain/ticket-event.js';
import { AgentSchema, QueueSchema, UserSchema } from '../domain/people.js';
import { CallLogSchema, LoggedCallSchema } from '../domain/phone-call.js';
import { EscalationReasonSchema, EscalationSchema, EscalationTargetSchema } from '../domain/escalation.js';
import { SlaExplanationSchema } from '../sla/snapshot.js';
import { QueueListingSchema } from '../queue/queue-listing.js';
import { mutationArgs, RejectionSchema } from '../sync/mutations.js';
import { adminMethods } from './admin-methods.js';
import { analyticsMethods } from './analytics-methods.js';
import { fileMethods } from './file-methods.js';
import { handoffMethods } from './handoff-methods.js';
import { knowledgeEvents, knowledgeMethods } from './knowledge-methods.js';
import { alertEvents, alertMethods } from './alert-methods.js';
import { escalationTargetMethods } from './escalation-targets.js';
import { rotaMethods } from './rota-methods.js';
import { routingMethods } from './routing-methods.js';
import { viewEvents, viewMethods } from './view-methods.js';
import { ticketDraftMethods } from './ticket-draft-methods.js';
import { ticketPresenceEvents, ticketPresenceMethods } from './ticket-presence-methods.js';
import { remoteEvents, remoteMethods } from './remote-methods.js';
import { desktopEvents, desktopMethods } from './desktop-methods.js';
import { wallboardEvents, wallboardMethods } from './wallboard-methods.js';

export { ArticleHitSchema, type ArticleHit } from './knowledge-methods.js';

/** What the renderer asks for; the core stamps the id and the instant it was written. */
export const DeskMutationSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('ticket.reply'), args: mutationArgs['ticket.reply'].omit({ writtenAt: true, attachments: true }) }).strict(),
  z.object({ name: z.literal('ticket.note'), args: mutationArgs['ticket.note'].omit({ writtenAt: true, attachments: true }) }).strict(),
  z.object({ name: z.literal('ticket.setStatus'), args: mutationArgs['ticket.setStatus'] }).strict(),
  z.object({ name: z.literal('ticket.setPriority'), args: mutationArgs['ticket.setPriority'] }).strict(),
  z.object({ name: z.literal('ticket.assign'), args: mutationArgs['ticket.assign'] }).strict(),
  z.object({ name: z.literal('ticket.setTags'), args: mutationArgs['ticket.setTags'] }).strict(),
]);
export type DeskMutation = z.infer<typeof DeskMutationSchema>;

/** A mutation the server refused: kept for the agent to redo or discard, never dropped silently. */
export const RefusedMutationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Null for a change that is not about a ticket (a handoff note, a call that opens a new ticket). */
  ticketId: z.string().nullable(),
  args: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  rejection: RejectionSchema,
});

export const OutboxStateSchema = z.object({
  /** Changes written here and not yet confirmed by the server. */
  waiting: z.number().int(),
  refused: z.array(RefusedMutationSchema),
});
export type OutboxState = z.infer<typeof OutboxStateSchema>;

/** A ticket as the console shows it: the replica's row with this console's unconfirmed changes on top. */
export const LocalTicketDetailSchema = TicketDetailSchema.extend({
  /** Messages written here that the server has not confirmed yet ("sending…"). */
  pendingMessageIds: z.array(z.string()),
  /** The ticket's history (status, assignee, tags, escalations, SLA, routing, CSAT…), oldest first. */
  events: z.array(TicketEventSchema),
});
export type LocalTicketDetail = z.infer<typeof LocalTicketDetailSchema>;

export { LocalHandoffNoteSchema, type LocalHandoffNote } from './handoff-methods.js';

/** An escalation as the console shows it: the replica's, with this console's unconfirmed actions on top. */
export const LocalEscalationSchema = EscalationSchema.extend({
  /** Escalated here and not yet confirmed by the server: who is paged is not known yet. */
  pending: z.boolean(),
  /** This agent's acknowledgement, or decline, is shown but the server has not confirmed it yet. */
  acknowledgementPending: z.boolean(),
  declinePending: z.boolean(),
});
export type LocalEscalation = z.infer<typeof LocalEscalationSchema>;

/** A call logged here that the server has not confirmed yet; `id` is its place in the outbox. */
export const PendingCallSchema = z.object({ id: z.number().int(), call: LoggedCallSchema });
export type PendingCall = z.infer<typeof PendingCallSchema>;


/**
 * DeskApi: the only way the renderer talks to the desktop core. Electron carries it over IPC through
 * the preload bridge, the browser host over a local WebSocket; both validate with these schemas, so
 * the renderer cannot tell (and need not care) which host it runs in.
 */

export const ConnectionStateSchema = z.object({
  status: z.enum(['signedOut', 'connecting', 'online', 'offline']),
  serverUrl: z.string(),
  lastSyncedAt: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const SessionSchema = z.object({
  user: UserSchema.nullable(),
  serverUrl: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

const Empty = z.object({}).strict();

export const deskMethods = {
  'session.get': { input: Empty, output: SessionSchema },
  'session.login': {
    input: z.object({
      email: z.string().trim().min(1).max(320),
      password: z.string().min(1).max(1024),
    }).strict(),
    output: SessionSchema,
  },
  'session.logout': { input: Empty, output: SessionSchema },
  'connection.get': { input: Empty, output: ConnectionStateSchema },
  'queues.list': { input: Empty, output: z.array(QueueSchema) },
  /**
   * The queue's columns of every ticket, as columns (queue-listing.ts; queueRowsOf reads them), in the
   * queue's default order, most urgent SLA first (the console's sort then has little left to do).
   * The full ticket is read when it is opened (tickets.get).
   */
  'tickets.list': {
    input: z.object({ queueId: z.string().min(1).optional() }).strict(),
    output: QueueListingSchema,
  },
  'tickets.get': {
    input: z.object({ id: z.uuid() }).strict(),
    output: LocalTicketDetailSchema.nullable(),
  },
  /** Records an agent action in the outbox (applied on screen at once) and sends it when online. */
  'mutations.enqueue': { input: DeskMutationSchema, output: z.object({ id: z.number().int() }) },
  'outbox.get': { input: Empty, output: OutboxStateSchema },
  'agents.list': { input: Empty, output: z.array(AgentSchema) },
  /** Drops a refused mutation the agent has read (or redone). */
  'outbox.discard': { input: z.object({ id: z.number().int() }).strict(), output: OutboxStateSchema },
  /**
   * Logs an inbound phone call on one of the agent's tickets, or as a new phone ticket; works offline.
   * On a ticket it shows in the thread at once; a new ticket's call is listed by `calls.pending` until
   * the ticket arrives.
   */
  'calls.log': { input: CallLogSchema, output: z.object({ id: z.number().int() }) },
  /** Calls logged here and not yet confirmed by the server, oldest first. */
  'calls.pending': { input: Empty, output: z.array(PendingCallSchema) },
  /** Asks the server (online only): the timeline behind the ticket's SLA snapshot. */
  'tickets.slaExplanation': {
    input: z.object({ id: z.uuid() }).strict(),
    output: SlaExplanationSchema.nullable(),
  },
  /**
   * Escalations that involve the agent, newest first: paging them now (state paging, `paged` names
   * them), paged them before or declined by them, or escalated by them (so they see who acknowledged).
   * From the replica, so offline too.
   */
  'escalations.mine': {
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(LocalEscalationSchema),
  },
  /** A ticket's escalations, newest first; from the replica. */
  'escalations.forTicket': { input: z.object({ ticketId: z.uuid() }).strict(), output: z.array(LocalEscalationSchema) },
  /** Escalates a ticket to a higher tier's queue or a named queue, with the agent's reason; works offline. */
  'escalations.escalate': {
    input: z.object({ ticketId: z.uuid(), target: EscalationTargetSchema, reason: EscalationReasonSchema }).strict(),
    output: z.object({ id: z.uuid() }),
  },
  /** Takes an escalation the agent is paged for; stops the ladder. `queued` is false when nothing was left to send. */
  'escalations.acknowledge': { input: z.object({ id: z.uuid() }).strict(), output: z.object({ queued: z.boolean() }) },
  /** Turns down a page with a reason; the next target is paged at once. */
  'escalations.decline': {
    input: z.object({ id: z.uuid(), reason: EscalationReasonSchema }).strict(),
    output: z.object({ queued: z.boolean() }),
  },
  ...handoffMethods,
  ...knowledgeMethods,
  ...alertMethods,
  ...escalationTargetMethods,
  ...rotaMethods,
  ...routingMethods,
  ...fileMethods,
  ...adminMethods,
  ...analyticsMethods,
  ...ticketDraftMethods,
  ...ticketPresenceMethods,
  ...remoteMethods,
  ...desktopMethods,
  ...viewMethods,
  ...wallboardMethods,
} as const;

export const deskEvents = {
  /** Rows changed in the replica; the renderer re-reads only these. */
  'tickets.changed': z.object({ ids: z.array(z.string()) }),
  'queues.changed': z.object({}),
  /** Handoff notes changed: arrived, acknowledged, written here, or rolled back. */
  'handoffs.changed': z.object({ ids: z.array(z.string()) }),
  /** Escalations changed: arrived, paged someone new, acknowledged, declined, escalated here, or rolled back. */
  'escalations.changed': z.object({ ids: z.array(z.string()) }),
  ...alertEvents,
  ...ticketPresenceEvents,
  ...remoteEvents,
  ...knowledgeEvents,
  ...desktopEvents,
  ...viewEvents,
  ...wallboardEvents,
  /** The rota changed (a rotation, override or swap arrived): who is on shift and on call may differ. */
  'rota.changed': z.object({}),
  /** A colleague's row arrived: their name, queues or presence (the agent's own status among them). */
  'agents.changed': z.object({}),
  'connection.changed': ConnectionStateSchema,
  'session.changed': SessionSchema,
  'outbox.changed': OutboxStateSchema,
} as const;

export type DeskMethod = keyof typeof deskMethods;
export type DeskInput<M extends DeskMethod> = z.input<(typeof deskMethods)[M]['input']>;
export type DeskOutput<M extends DeskMethod> = z.infer<(typeof deskMethods)[M]['output']>;
export type DeskEvent = keyof typeof deskEvents;
export type DeskEventPayload<E extends DeskEvent> = z.infer<(typeof deskEvents)[E]>;

/** What a host implements: every method, already given parsed input. */
export type DeskApi = {
  [M in DeskMethod]: (input: z.infer<(typeof deskMethods)[M]['input']>) => Promise<DeskOutput<M>>;
};

export function isDeskMethod(name: unknown): name is DeskMethod {
  return typeof name === 'string' && Object.hasOwn(deskMethods, name);
}
