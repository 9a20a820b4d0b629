import { io as connect, type Socket } from 'socket.io-client';
import type { PushReply } from '../../shared/sync/mutations.js';
import { decodeChanges, socketEvents, type Acked, type Change, type Cursors, type PullReply, type PullWireReply } from '../../shared/sync/protocol.js';
import { loginAs } from './test-server.js';

/** A console's sync socket as a test holds it: signed in, connected, and closed by the caller. */
export async function openSyncSocket(url: string, email: string): Promise<Socket> {
  const socket = connect(url, { auth: { token: await loginAs(url, email) }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** One pull as the console sends it, with the reply's binary changes decoded and validated. */
export async function pullOnce(socket: Socket, request: unknown): Promise<Acked<PullReply>> {
  const reply = (await socket.timeout(5000).emitWithAck(socketEvents.pull, request)) as Acked<PullWireReply>;
  return reply.ok ? { ok: true, value: { ...reply.value, changes: decodeChanges(reply.value.changes) } } : reply;
}

/** Pulls page after page from the cursors until caught up: everything the user may see since then. */
export async function pullAll(socket: Socket, from: Cursors = {}, limit = 100): Promise<{ changes: Change[]; cursors: Cursors }> {
  const changes: Change[] = [];
  let cursors = from;
  for (;;) {
    const reply = await pullOnce(socket, { cursors, limit });
    if (!reply.ok) throw new Error(reply.error.message);
    changes.push(...reply.value.changes);
    cursors = reply.value.cursors;
    if (!reply.value.hasMore) return { changes, cursors };
  }
}

/** One push of mutations as the console sends it; the reply is left for the test to judge. */
export function pushOnce(socket: Socket, request: unknown): Promise<Acked<PushReply>> {
  return socket.timeout(5000).emitWithAck(socketEvents.push, request) as Promise<Acked<PushReply>>;
}

/** The sockets a test file opens against its server, all closed at the end. */
export class SocketPool {
  private readonly sockets: Socket[] = [];

  constructor(private readonly url: () => string) {}

  async open(email: string): Promise<Socket> {
    return this.track(await openSyncSocket(this.url(), email));
  }

  track(socket: Socket): Socket {
    this.sockets.push(socket);
    return socket;
  }

  closeAll(): void {
    for (const socket of this.sockets.splice(0)) socket.disconnect();
  }
}

type UpsertOf<E extends Change['entity']> = Extract<Change, { entity: E; op: 'upsert' }>;

/** The rows of one entity as a console would hold them after applying these changes in order, by id. */
export function rowsAfter<E extends Change['entity']>(changes: readonly Change[], entity: E): Map<string, UpsertOf<E>['row']> {
  const rows = new Map<string, UpsertOf<E>['row']>();
  for (const change of changes) {
    if (change.entity !== entity) continue;
    if (change.op === 'upsert') rows.set(change.row.id, change.row as UpsertOf<E>['row']);
    else rows.delete(change.rowId);
  }
  return rows;
}
