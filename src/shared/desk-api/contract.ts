import { z } from 'zod';
import { TicketDetailSchema, TicketSchema } from '../domain/ticket.js';
import { QueueSchema, UserSchema } from '../domain/people.js';
import { SlaExplanationSchema } from '../sla/snapshot.js';


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
  'tickets.list': {
    input: z.object({ queueId: z.string().min(1).optional() }).strict(),
    output: z.array(TicketSchema),
  },
  'tickets.get': {
    input: z.object({ id: z.uuid() }).strict(),
    output: TicketDetailSchema.nullable(),
  },
  /** Asks the server (online only): the timeline behind the ticket's SLA snapshot. */
  'tickets.slaExplanation': {
    input: z.object({ id: z.uuid() }).strict(),
    output: SlaExplanationSchema.nullable(),
  },
} as const;

export const deskEvents = {
  /** Rows changed in the replica; the renderer re-reads only these. */
  'tickets.changed': z.object({ ids: z.array(z.string()) }),
  'queues.changed': z.object({}),
  'connection.changed': ConnectionStateSchema,
  'session.changed': SessionSchema,
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
