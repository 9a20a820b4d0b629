import { z } from 'zod';
import { TicketSchema, MessageSchema } from '../domain/ticket.js';
import { QueueSchema, AgentSchema } from '../domain/people.js';
import { ArticleSchema, MacroSchema } from '../domain/knowledge.js';

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
]);

const DeleteChangeSchema = z.object({
  ...changeBase,
  entity: z.enum(['ticket', 'message', 'queue', 'agent', 'macro', 'article']),
  op: z.literal('delete'),
  rowId: z.string(),
});

export const ChangeSchema = z.union([UpsertChangeSchema, DeleteChangeSchema]);
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeEntity = Change['entity'];

export const PullRequestSchema = z.object({
  since: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000).default(500),
  /** Lets the reply say which of this client's mutations the server has processed. */
  clientId: z.uuid().optional(),
  /** The server epoch the client's cursor belongs to; another epoch means another database. */
  epoch: z.string().optional(),
});
export type PullRequest = z.input<typeof PullRequestSchema>;

export const PullReplySchema = z.object({
  changes: z.array(ChangeSchema),
  /** The highest seq the server looked at: the client's next `since`, even when nothing was visible. */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /**
   * The last of this client's mutations the server has processed, read in the same transaction as
   * the page: once a pull says so, the mutation's effects are in the replica and it can leave the
   * outbox without a flicker.
   */
  lastMutationId: z.number().int().min(0),
  epoch: z.string(),
  /**
   * The cursor is older than the log keeps deletions for, or belongs to another epoch: drop what was
   * pulled (never the outbox) and pull again from 0, which yields a fresh snapshot of the compacted log.
   */
  reset: z.boolean(),
});
export type PullReply = z.infer<typeof PullReplySchema>;

/** Sent to a scope's room when it has news; the client answers with a pull. */
export const PokeSchema = z.object({ seq: z.number().int().positive() });
export type Poke = z.infer<typeof PokeSchema>;

/** Every socket acknowledgement is either a result or an error a person can be shown. */
export type Acked<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const socketEvents = {
  pull: 'sync:pull',
  push: 'sync:push',
  poke: 'sync:poke',
} as const;
