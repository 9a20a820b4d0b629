import { Server as SocketServer } from 'socket.io';
import type { Server as HttpServer } from 'node:http';
import { PullRequestSchema, socketEvents, type Acked, type PullReply } from '../../shared/sync/protocol.js';
import type { User } from '../../shared/domain/people.js';
import { userForToken } from '../auth/guard.js';
import { visibleScopes } from '../people/visibility.js';
import type { ServerContext } from '../context.js';
import { readChanges } from './change-log.js';

interface SocketData {
  user: User;
  scopes: string[];
}

/**
 * Clients join one room per scope they may read. A commit pokes the rooms of its scopes; each client
 * then pulls, and the pull is filtered by the same scopes, so nothing reaches a socket it may not see.
 */
export function attachSyncSocket(httpServer: HttpServer, context: ServerContext): { close(): Promise<void> } {
  const { db, clock, feed } = context;
  const io = new SocketServer<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    // The console is a desktop app, not a web page: no browser origin needs cross-site access.
    cors: { origin: false },
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
    socket.on(socketEvents.pull, async (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (answer: Acked<PullReply>) => void;
      const parsed = PullRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reply({ ok: false, error: { code: 'invalid_input', message: `${issue?.path.join('.') || 'request'}: ${issue?.message}` } });
        return;
      }
      try {
        reply({ ok: true, value: await readChanges(db, data.scopes, parsed.data.since, parsed.data.limit) });
      } catch (error) {
        reply({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
      }
    });
  });

  const unsubscribe = feed.subscribe(({ scopes, seq }) => io.to(scopes).emit(socketEvents.poke as never, { seq } as never));
  return {
    async close() {
      unsubscribe();
      await io.close();
    },
  };
}
