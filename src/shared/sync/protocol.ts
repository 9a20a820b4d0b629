import { z } from 'zod';
import { TicketSchema, MessageSchema } from '../domain/ticket.js';
import { QueueSchema, AgentSchema } from '../domain/people.js';
import { ArticleSchema, MacroSchema } from '../domain/knowledge.js';
import { HandoffNoteSchema } from '../domain/handoff.js';
import { EscalationSchema } from '../domain/escalation.js';
import { TicketEventSchema } from '../domain/ticket-event.js';
import { ReplicatedPolicySchema } from '../sla/policy.js';
import { OnCallRotationSchema, ShiftOverrideSchema, ShiftRotationSchema, ShiftSwapSchema } from '../domain/shifts.js';
import { AssetSchema } from '../remote/asset.js';
import { SavedViewSchema } from '../queue/queue-view.js';
import { StoredRemoteSettingsSchema } from '../remote/settings.js';

/**
 * One entry of the server's change log. `seq` is global and monotonic; `scope` is the unit of
 * authorisation (`queue:<id>`, `shared`), so a pull can be filtered to what the user may see.
 */
const changeBase = { seq: z.number().int().positive(), scope: z.string() };

// Upserts are discriminated by entity so a page of messages is not tried against every other shape
// first: validation is a large part of what an initial sync of 400,000 rows costs.
const UpsertChangeSchema = z.discriminatedUnion('entity', [
  z.object({ ...changeBase, entity: z.literal('ticket'), op: z.literal('upsert'), row: TicketSchema }),
  z.object({ ...changeBase, entity: z.literal('message'), op: z.literal('upsert'), row: MessageSchema }),
  z.object({ ...changeBase, entity: z.literal('queue'), op: z.literal('upsert'), row: QueueSchema }),
  z.object({ ...changeBase, entity: z.literal('agent'), op: z.literal('upsert'), row: AgentSchema }),
  z.object({ ...changeBase, entity: z.literal('macro'), op: z.literal('upsert'), row: MacroSchema }),
  z.object({ ...changeBase, entity: z.literal('article'), op: z.literal('upsert'), row: ArticleSchema }),
  z.object({ ...changeBase, entity: z.literal('handoff'), op: z.literal('upsert'), row: HandoffNoteSchema }),
  z.object({ ...changeBase, entity: z.literal('slaPolicy'), op: z.literal('upsert'), row: ReplicatedPolicySchema }),
  z.object({ ...changeBase, entity: z.literal('escalation'), op: z.literal('upsert'), row: EscalationSchema }),
  z.object({ ...changeBase, entity: z.literal('shiftRotation'), op: z.literal('upsert'), row: ShiftRotationSchema }),
  z.object({ ...changeBase, entity: z.literal('onCallRotation'), op: z.literal('upsert'), row: OnCallRotationSchema }),
  z.object({ ...changeBase, entity: z.literal('shiftOverride'), op: z.literal('upsert'), row: ShiftOverrideSchema }),
  z.object({ ...changeBase, entity: z.literal('shiftSwap'), op: z.literal('upsert'), row: ShiftSwapSchema }),
  // An agent's own queue views (docs/queue.md), in scope user:<id>, so they follow the agent to another workstation.
  z.object({ ...changeBase, entity: z.literal('view'), op: z.literal('upsert'), row: SavedViewSchema }),
  // Remote assistance (docs/remote-assistance.md): requesters' assets, and the admins' tools and allowlist as row 'current'.
  z.object({ ...changeBase, entity: z.literal('asset'), op: z.literal('upsert'), row: AssetSchema }),
  z.object({ ...changeBase, entity: z.literal('remoteSettings'), op: z.literal('upsert'), row: StoredRemoteSettingsSchema.extend({ id: z.literal('current') }) }),
  // A ticket's history (docs/ticket-view.md), in the ticket's scopes, so the thread shows it offline.
  z.object({ ...changeBase, entity: z.literal('ticketEvent'), op: z.literal('upsert'), row: TicketEventSchema }),
]);

const DeleteChangeSchema = z.object({
  ...changeBase,
  entity: z.enum(['ticket', 'message', 'queue', 'agent', 'macro', 'article', 'handoff', 'slaPolicy', 'escalation', 'shiftRotation', 'onCallRotation', 'shiftOverride', 'shiftSwap', 'view', 'asset', 'remoteSettings', 'ticketEvent']),
  op: z.literal('delete'),
  rowId: z.string(),
});

export const ChangeSchema = z.union([UpsertChangeSchema, DeleteChangeSchema]);
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeEntity = Change['entity'];

/**
 * How far a client has each of its scopes, by seq. Cursors are per scope so that a change pushed to one
 * scope's room can be applied on arrival: it says which seq of that scope came before it, and the
 * client knows whether it holds that one. A scope the client has never seen is absent and starts at 0.
 */
export const CursorsSchema = z.record(z.string(), z.number().int().min(0));
export type Cursors = z.infer<typeof CursorsSchema>;

export const PullRequestSchema = z.object({
  cursors: CursorsSchema,
  limit: z.number().int().min(1).max(5000).default(500),
  /** Lets the reply say which of this client's mutations the server has processed. */
  clientId: z.uuid().optional(),
  /** The server epoch the client's cursors belong to; another epoch means another database. */
  epoch: z.string().optional(),
});
export type PullRequest = z.input<typeof PullRequestSchema>;

/**
 * A pull page's changes travel as the JSON text of a Change[] in a binary attachment: the server
 * splices rows it stored as JSON without parsing them, socket.io neither escapes nor re-encodes the
 * text, and the console can hand the bytes to another thread to decode.
 */
const ChangesJsonSchema = z.custom<Uint8Array<ArrayBufferLike>>((value) => value instanceof Uint8Array, 'expected the changes as binary JSON');

const PullReplyFields = {
  /**
   * Every scope the user may read now, each at the seq the page covers; the next pull sends these.
   * A scope missing here is one the user no longer reads.
   */
  cursors: CursorsSchema,
  hasMore: z.boolean(),
  /**
   * The last of this client's mutations the server has processed, read in the same transaction as
   * the page: once a pull says so, the mutation's effects are in the replica and it can leave the
   * outbox without a flicker.
   */
  lastMutationId: z.number().int().min(0),
  epoch: z.string(),
  /**
   * A cursor is older than the log keeps deletions for, or belongs to another epoch: drop what was
   * pulled (never the outbox) and pull again from nothing, which yields a fresh snapshot of the
   * compacted log.
   */
  reset: z.boolean(),
};

export const PullWireReplySchema = z.object({ ...PullReplyFields, changes: ChangesJsonSchema });
export type PullWireReply = z.infer<typeof PullWireReplySchema>;
export type PullReply = Omit<PullWireReply, 'changes'> & { changes: Change[] };

/**
 * Changes of one scope, pushed to its room as they commit. `prevSeq` is the seq of that scope's
 * change before the first one here (0 if none): a client whose cursor for the scope is at least that
 * holds everything before and applies these at once; any other client has missed something and pulls.
 * Unlike a pull page, a push carries its changes as JSON inside the packet: one WebSocket frame per
 * console instead of two, which doubles how many the server sends per second.
 */
export const ChangesPushSchema = z.object({
  scope: z.string(),
  prevSeq: z.number().int().min(0),
  lastSeq: z.number().int().positive(),
  changes: z.array(ChangeSchema),
});
export type ChangesPush = z.infer<typeof ChangesPushSchema>;

const ChangeListSchema = z.array(ChangeSchema);
const utf8 = new TextDecoder();

/** Parses and validates a binary change list; throws naming the first bad field. */
export function decodeChanges(bytes: Uint8Array): Change[] {
  return ChangeListSchema.parse(JSON.parse(utf8.decode(bytes)));
}

/** Every socket acknowledgement is either a result or an error a person can be shown. */
export type Acked<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const socketEvents = {
  pull: 'sync:pull',
  push: 'sync:push',
  changes: 'sync:changes',
} as const;
