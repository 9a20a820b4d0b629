import type { Namespace, Server as SocketServer } from 'socket.io';
import type { z } from 'zod';
import { ChatActSchema, chatEvents, ChatResumeSchema, ChatSaySchema, ChatStartSchema } from '../../shared/chat/protocol.js';
import type { ServerContext } from '../context.js';
import { answer, SocketRefusal } from '../sync/socket.js';
import { resumeChat, startChat, visitorTurn, type VisitorInput } from './conversation.js';
import { RateLimiter } from './rate-limit.js';

/** Every widget showing one chat (a visitor may have it open in several tabs) listens in its room. */
export const chatRoom = (sessionId: string) => `chat:${sessionId}`;

/**
 * Visitors are strangers: a failure that is not theirs to act on says only that something went wrong,
 * and the details go to the server's log, not to a web page.
 */
function guarded<T, R>(handle: (request: T) => Promise<R>): (request: T) => Promise<R> {
  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      if (error instanceof SocketRefusal) throw error;
      console.error('shiftdesk: chat request failed', error);
      throw new SocketRefusal('internal', 'Something went wrong; please try again');
    }
  };
}

/**
 * The `/chat` namespace, for the widget on customers' web pages. No sign-in: a visitor starts a chat
 * and gets its token, or comes back with the token. Every message is checked against its schema
 * (a bad one is refused and nothing is written) and paced: a few at once, then one every two seconds
 * per chat; and per address (an office shares one) thirty new or resumed chats at once, then one every
 * two seconds, which no real office reaches and a script flooding the desk with chats soon does.
 */
export function attachChatNamespace(io: SocketServer, context: ServerContext): Namespace {
  const chat = io.of('/chat');
  const messages = new RateLimiter(5, 2_000);
  const arrivals = new RateLimiter(30, 2_000);

  chat.on('connection', (socket) => {
    let sessionId: string | null = null;
    const enter = (id: string) => {
      if (sessionId) void socket.leave(chatRoom(sessionId));
      sessionId = id;
      void socket.join(chatRoom(id));
    };
    const arrive = () => {
      if (!arrivals.take(socket.handshake.address)) throw new SocketRefusal('rate_limited', 'Too many chats from this address; wait a minute');
    };
    const turn = guarded(async (input: VisitorInput) => {
      if (!sessionId) throw new SocketRefusal('no_session', 'Start or resume a chat first');
      if (!messages.take(sessionId)) throw new SocketRefusal('rate_limited', 'Too many messages at once; wait a moment');
      const update = await visitorTurn(context, sessionId, input);
      // The sender has it in its acknowledgement; the visitor's other tabs hear it here.
      socket.to(chatRoom(sessionId)).emit(chatEvents.update, update);
      return update;
    });
    const on = <S extends z.ZodType, R>(event: string, schema: S, handle: (request: z.output<S>) => Promise<R>) =>
      socket.on(event, (raw: unknown, ack: unknown) => void answer(raw, ack, schema, handle));

    on(
      chatEvents.start,
      ChatStartSchema,
      guarded(async (start) => {
        arrive();
        const { session, reply } = await startChat(context, start);
        enter(session.id);
        return reply;
      }),
    );
    on(
      chatEvents.resume,
      ChatResumeSchema,
      guarded(async ({ token }) => {
        arrive();
        const resumed = await resumeChat(context, token);
        if (!resumed) throw new SocketRefusal('unknown_session', 'No chat with this token; start a new one');
        enter(resumed.session.id);
        return resumed.reply;
      }),
    );
    on(chatEvents.say, ChatSaySchema, turn);
    on(chatEvents.act, ChatActSchema, turn);
  });
  return chat;
}
