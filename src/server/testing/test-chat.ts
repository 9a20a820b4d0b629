import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { chatEvents, type ChatAction, type ChatSessionReply, type ChatStart, type ChatUpdate } from '../../shared/chat/protocol.js';
import type { Acked } from '../../shared/sync/protocol.js';

/**
 * A chat widget as a test drives it: a real socket.io connection to `/chat` that acknowledges every
 * update the desk pushes (as the widget does) and keeps them for the test to wait on.
 */
export class TestVisitor {
  readonly updates: ChatUpdate[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: Socket) {
    socket.on(chatEvents.update, (update: ChatUpdate, ack?: (seen: boolean) => void) => {
      this.updates.push(update);
      ack?.(true);
      for (const wake of this.waiters) wake();
    });
  }

  static async connect(url: string): Promise<TestVisitor> {
    const socket = connect(`${url}/chat`, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new TestVisitor(socket);
  }

  private request<T>(event: string, payload: unknown): Promise<Acked<T>> {
    return this.socket.timeout(5000).emitWithAck(event, payload) as Promise<Acked<T>>;
  }

  start(start: ChatStart): Promise<Acked<ChatSessionReply>> {
    return this.request(chatEvents.start, start);
  }

  resume(token: string): Promise<Acked<ChatSessionReply>> {
    return this.request(chatEvents.resume, { token });
  }

  say(text: string, id: string = randomUUID()): Promise<Acked<ChatUpdate>> {
    return this.request(chatEvents.say, { id, text });
  }

  act(action: ChatAction, id: string = randomUUID()): Promise<Acked<ChatUpdate>> {
    return this.request(chatEvents.act, { id, action });
  }

  /** The first pushed update (already received or still to come) with a line matching `test`. */
  async lineWhere(test: (line: ChatUpdate['lines'][number]) => boolean, timeoutMs = 5000): Promise<ChatUpdate['lines'][number]> {
    const find = () => this.updates.flatMap((u) => u.lines).find(test);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no pushed chat line matched within ${timeoutMs} ms; got ${JSON.stringify(this.updates)}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** The value of an acknowledgement the test expects to succeed, or a failure naming the refusal. */
export function accepted<T>(reply: Acked<T>): T {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}
