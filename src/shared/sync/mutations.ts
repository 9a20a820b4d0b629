import { z } from 'zod';
import { AgentStatusSchema } from '../domain/people.js';
import { AttachmentMetaSchema, IsoDateTimeSchema, PrioritySchema, TicketStatusSchema } from '../domain/ticket.js';
import { MAX_REPLY_FILES } from '../domain/reply-files.js';
import { HandedOverShiftSchema, HandoffBodySchema, HandoffQueueIdSchema } from '../domain/handoff.js';
import { LoggedCallSchema } from '../domain/phone-call.js';
import { EscalationReasonSchema, EscalationTargetSchema } from '../domain/escalation.js';
import { RemoteSessionArgsSchema } from '../remote/note.js';
import { MAX_TAGS, TagSchema } from '../domain/tags.js';
import { QueueViewSpecSchema, ViewNameSchema } from '../queue/queue-view.js';
import { MacroContentSchema, MacroIdSchema } from '../domain/knowledge.js';

/**
 * Agent actions as intent mutations: each says what the agent meant ("set the status from open to
 * pending"), not the row it wants, so the server can check it against the present and refuse it
 * precisely. Ids are a per-client sequence: 1, 2, 3, … never reused.
 */
const TicketRef = { ticketId: z.uuid() };
const Text = z.string().trim().min(1).max(100_000);
// Files uploaded (by id, console-minted) before the reply or note that lists them is pushed.
const ReplyFiles = z.array(AttachmentMetaSchema).max(MAX_REPLY_FILES).optional();

export const mutationArgs = {
  'ticket.reply': z.object({ ...TicketRef, body: Text, writtenAt: IsoDateTimeSchema, attachments: ReplyFiles }).strict(),
  'ticket.note': z.object({ ...TicketRef, body: Text, writtenAt: IsoDateTimeSchema, attachments: ReplyFiles }).strict(),
  'ticket.setStatus': z.object({ ...TicketRef, from: TicketStatusSchema, to: TicketStatusSchema }).strict(),
  'ticket.setPriority': z.object({ ...TicketRef, from: PrioritySchema, to: PrioritySchema }).strict(),
  'ticket.assign': z.object({ ...TicketRef, expectedAssignee: z.string().nullable(), assignee: z.string().nullable() }).strict(),
  // Tags are a set: adding and removing never conflict, so two agents' edits both take effect.
  'ticket.setTags': z
    .object({ ...TicketRef, add: z.array(TagSchema).max(MAX_TAGS), remove: z.array(TagSchema).max(MAX_TAGS) })
    .strict()
    .refine((args) => args.add.length + args.remove.length > 0, 'add or remove at least one tag'),
  // The console mints the note's id, so it can show the note at once and acknowledge it before the
  // server has seen it; a duplicate delivery is caught by the mutation id, like any other.
  // With `shift`, the note hands over that shift of the author's (the draft offered at its end).
  'handoff.write': z.object({ handoffId: z.uuid(), queueId: HandoffQueueIdSchema, body: HandoffBodySchema, writtenAt: IsoDateTimeSchema, shift: HandedOverShiftSchema.optional() }).strict(),
  'handoff.acknowledge': z.object({ handoffId: z.uuid() }).strict(),
  // On an existing ticket or opening a new one; offline too, so it carries when it was logged.
  'call.log': LoggedCallSchema,
  // The console mints the escalation's id, like a handoff note's, so the agent sees it (and later who
  // acknowledged it) at once, offline too.
  'ticket.escalate': z.object({ ...TicketRef, escalationId: z.uuid(), target: EscalationTargetSchema, reason: EscalationReasonSchema }).strict(),
  'escalation.acknowledge': z.object({ escalationId: z.uuid() }).strict(),
  'escalation.decline': z.object({ escalationId: z.uuid(), reason: EscalationReasonSchema }).strict(),
  // The agent's own queue views (docs/queue.md): the console mints a new view's id, like a handoff note's.
  'view.save': QueueViewSpecSchema.extend({ viewId: z.uuid(), name: ViewNameSchema }).strict(),
  'view.delete': z.object({ viewId: z.uuid() }).strict(),
  // The agent's own presence; it reaches the server when the console does, which is when it matters.
  'agent.setStatus': z.object({ status: AgentStatusSchema }).strict(),
  // Creates or replaces a macro (the console mints a new one's id); personal or shared, docs/knowledge.md.
  'macro.save': z.object({ macroId: MacroIdSchema, macro: MacroContentSchema }).strict(),
  'macro.delete': z.object({ macroId: MacroIdSchema }).strict(),
  // A remote session opened from the ticket (docs/remote-assistance.md): noted on it, offline too.
  'ticket.remoteSession': RemoteSessionArgsSchema,
} as const;

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgs)[N]>;

const mutationBase = { id: z.number().int().positive(), createdAt: IsoDateTimeSchema };

export const MutationSchema = z.discriminatedUnion('name', [
  z.object({ ...mutationBase, name: z.literal('ticket.reply'), args: mutationArgs['ticket.reply'] }),
  z.object({ ...mutationBase, name: z.literal('ticket.note'), args: mutationArgs['ticket.note'] }),
  z.object({ ...mutationBase, name: z.literal('ticket.setStatus'), args: mutationArgs['ticket.setStatus'] }),
  z.object({ ...mutationBase, name: z.literal('ticket.setPriority'), args: mutationArgs['ticket.setPriority'] }),
  z.object({ ...mutationBase, name: z.literal('ticket.assign'), args: mutationArgs['ticket.assign'] }),
  z.object({ ...mutationBase, name: z.literal('ticket.setTags'), args: mutationArgs['ticket.setTags'] }),
  z.object({ ...mutationBase, name: z.literal('handoff.write'), args: mutationArgs['handoff.write'] }),
  z.object({ ...mutationBase, name: z.literal('handoff.acknowledge'), args: mutationArgs['handoff.acknowledge'] }),
  z.object({ ...mutationBase, name: z.literal('call.log'), args: mutationArgs['call.log'] }),
  z.object({ ...mutationBase, name: z.literal('ticket.escalate'), args: mutationArgs['ticket.escalate'] }),
  z.object({ ...mutationBase, name: z.literal('escalation.acknowledge'), args: mutationArgs['escalation.acknowledge'] }),
  z.object({ ...mutationBase, name: z.literal('escalation.decline'), args: mutationArgs['escalation.decline'] }),
  z.object({ ...mutationBase, name: z.literal('view.save'), args: mutationArgs['view.save'] }),
  z.object({ ...mutationBase, name: z.literal('view.delete'), args: mutationArgs['view.delete'] }),
  z.object({ ...mutationBase, name: z.literal('agent.setStatus'), args: mutationArgs['agent.setStatus'] }),
  z.object({ ...mutationBase, name: z.literal('macro.save'), args: mutationArgs['macro.save'] }),
  z.object({ ...mutationBase, name: z.literal('macro.delete'), args: mutationArgs['macro.delete'] }),
  z.object({ ...mutationBase, name: z.literal('ticket.remoteSession'), args: mutationArgs['ticket.remoteSession'] }),
]);
export type Mutation = z.infer<typeof MutationSchema>;
export type EscalationMutation = Extract<Mutation, { name: 'ticket.escalate' | 'escalation.acknowledge' | 'escalation.decline' }>;
/** The mutations that change a ticket's own fields or thread (escalating it is an escalation's business). */
export type TicketMutation = Exclude<Extract<Mutation, { name: `ticket.${string}` }>, EscalationMutation>;
export type HandoffMutation = Extract<Mutation, { name: `handoff.${string}` }>;
export type CallMutation = Extract<Mutation, { name: 'call.log' }>;
export type MacroMutation = Extract<Mutation, { name: `macro.${string}` }>;

export function isMacroMutation(mutation: Mutation): mutation is MacroMutation {
  return mutation.name === 'macro.save' || mutation.name === 'macro.delete';
}

export type ViewMutation = Extract<Mutation, { name: `view.${string}` }>;

export function isViewMutation(mutation: Mutation): mutation is ViewMutation {
  return mutation.name === 'view.save' || mutation.name === 'view.delete';
}

export function isHandoffMutation(mutation: Mutation): mutation is HandoffMutation {
  return mutation.name === 'handoff.write' || mutation.name === 'handoff.acknowledge';
}

export function isEscalationMutation(mutation: Mutation): mutation is EscalationMutation {
  return mutation.name === 'ticket.escalate' || mutation.name === 'escalation.acknowledge' || mutation.name === 'escalation.decline';
}

export const PushRequestSchema = z.object({
  clientId: z.uuid(),
  mutations: z.array(MutationSchema).min(1).max(100),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * Why a mutation was refused, as a code the console translates. `conflict` carries the value the
 * ticket has now and who changed it, so the agent sees "changed by X meanwhile" with fresh values.
 * `stale` is a reply or note written long before it arrived, on a ticket that has moved on since:
 * `current` is the ticket's status now, `changedBy` who moved it on, and `field` how (`thread`:
 * someone wrote on it; `ticket`: someone changed it). Sent again, it carries a fresh `writtenAt`.
 */
export const rejectionCodes = ['conflict', 'stale', 'not_found', 'forbidden', 'invalid'] as const;
export const RejectionSchema = z.object({
  code: z.enum(rejectionCodes),
  message: z.string(),
  field: z.string().optional(),
  current: z.string().nullable().optional(),
  changedBy: z.string().nullable().optional(),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const MutationResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.number().int(), status: z.literal('applied') }),
  z.object({ id: z.number().int(), status: z.literal('rejected'), rejection: RejectionSchema }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushReplySchema = z.object({
  /** Results in order; a duplicate answers with the result stored the first time. */
  results: z.array(MutationResultSchema),
  /** Set when a mutation arrived before its predecessor: resend from this id. */
  expectedId: z.number().int().optional(),
});
export type PushReply = z.infer<typeof PushReplySchema>;
