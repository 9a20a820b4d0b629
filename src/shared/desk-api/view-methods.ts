import { z } from 'zod';
import { QueueViewSpecSchema, SavedViewSchema, ViewNameSchema } from '../queue/queue-view.js';

/** A saved view as the console shows it: the replica's, or one saved here the server has not confirmed. */
export const LocalSavedViewSchema = SavedViewSchema.extend({ pending: z.boolean() });
export type LocalSavedView = z.infer<typeof LocalSavedViewSchema>;

export const TICKET_SEARCH_MAX = 10_000;

/** The queue's saved views and full-text search, answered from the replica: both work offline. */
export const viewMethods = {
  /** The agent's own views, by name. */
  'views.list': { input: z.object({}).strict(), output: z.array(LocalSavedViewSchema) },
  /** Creates (no id) or replaces one of the agent's views; through the outbox, so offline too. */
  'views.save': {
    input: QueueViewSpecSchema.extend({ id: z.uuid().optional(), name: ViewNameSchema }).strict(),
    output: z.object({ id: z.uuid() }),
  },
  'views.delete': { input: z.object({ id: z.uuid() }).strict(), output: z.object({ queued: z.boolean() }) },
  /**
   * Tickets whose number, subject, requester, tags or messages have every word of the query (as word
   * prefixes), best match first.
   */
  'tickets.search': {
    input: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(TICKET_SEARCH_MAX).optional() }).strict(),
    output: z.array(z.string()),
  },
} as const;

export const viewEvents = {
  /** The agent's saved views changed: arrived from another workstation, saved or deleted here, or rolled back. */
  'views.changed': z.object({}),
} as const;
