import type { z } from 'zod';
import { Server as SocketServer } from 'socket.io';
import type { Server as HttpServer } from 'node:http';
import { PullRequestSchema, socketEvents, type Acked, type PullWireReply } from '../../shared/sync/protocol.js';
import { PushRequestSchema, type PushReply } from '../../shared/sync/mutations.js';
import { applyPush } from './mutations.js';
import type { User } from '../../shared/domain/people.js';
import { userForToken } from '../auth/guard.js';
import { visibleScopes } from '../people/visibility.js';
import type { ServerContext } from '../context.js';
import { readChanges } from './change-log.js';
import { ChangeBroadcaster } from './change-broadcast.js';
import { splicingParser } from './raw-json.js';

interface SocketData {
  user: User;
  scopes: string[];
}

/** A request refused for a reason the client can act on (too fast, no session yet): its code goes back as is. */
export class SocketRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Every socket request is validated at the edge and answered through its acknowledgement, with an
 * error naming the field for a malformed one; nothing is applied from a message that does not parse.
 */
export async function answer<S extends z.ZodType, T>(raw: unknown, ack: unknown, schema: S, handle: (request: z.output<S>) => Promise<T>): Promise<void> {
  if (typeof ack !== 'function') return;
  const reply = ack as (answer: Acked<T>) => void;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    reply({ ok: false, error: { code: 'invalid_input', message: `${issue?.path.join('.') || 'request'}: ${issue?.message}` } });
    return;
  }
  try {
    reply({ ok: true, value: await handle(parsed.data) });
  } catch (error) {
    reply({ ok: false, error: { code: error instanceof SocketRefusal ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) } });
  }
}

/**
 * Clients join one room per scope they may read. Committed changes are pushed to the rooms of their
 * scopes, and pulls are filtered by the same scopes, so nothing reaches a socket it may not see.
 */
export async function attachSyncSocket(httpServer: HttpServer, context: ServerContext): Promise<{ io: SocketServer; close(): Promise<void> }> {
  const { db, clock, feed } = context;
  const io = new SocketServer<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    // The chat widget, embedded in customers' web pages, loads the browser client from here.
    serveClient: true,
    // The console is a desktop app, not a web page: no browser origin needs cross-site access.
    cors: { origin: false },
    // Pushes carry the log's JSON spliced into one text frame (see raw-json.ts).
    parser: splicingParser,
  });

  io.use(async (socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    const user = await userForToken(db, clock, typeof token === 'string' ? token : undefined).catch(() => null);
    if (!user) return next(new Error('unauthorized'));
    socket.data.user = user;
    socket.data.scopes = await visibleScopes(db, user);
    next();
  });

  io.on('connection', (socket) => {
    const data = socket.data;
    void socket.join(data.scopes);
    socket.on(socketEvents.pull, (raw: unknown, ack: unknown) =>
      answer(raw, ack, PullRequestSchema, (request): Promise<PullWireReply> => readChanges(db, data.scopes, request, context.epoch)),
    );
    socket.on(socketEvents.push, (raw: unknown, ack: unknown) =>
      answer(raw, ack, PushRequestSchema, (request): Promise<PushReply> => applyPush(context, data.user, request)),
    );
  });

  const broadcaster = new ChangeBroadcaster(db, (push) => io.to(push.scope).emit(socketEvents.changes as never, push as never));
  await broadcaster.start();
  const unsubscribe = feed.subscribe(
    () => void broadcaster.committed().catch((error: unknown) => console.error('shiftdesk: pushing committed changes failed; consoles will pull them', error)),
  );
  return {
    // Other namespaces (the chat widget's) share the HTTP server and this one's lifetime.
    io,
    async close() {
      unsubscribe();
      await io.close();
    },
  };
}
