import type { Socket } from 'socket.io-client';
import { DeskError } from '../../shared/desk-api/errors.js';
import { seesAllQueues, type User } from '../../shared/domain/people.js';
import type { Acked } from '../../shared/sync/protocol.js';
import { WallboardSnapshotSchema, wallboardSocketEvents, type WallboardSnapshot } from '../../shared/wallboard/snapshot.js';
import type { DeskApi } from '../../shared/desk-api/contract.js';

const WATCH_TIMEOUT_MS = 10_000;

/**
 * This console's side of the wallboard, over the sync client's socket: asks the server to watch (again
 * after every reconnect, while the wallboard is open) and hands each pushed snapshot on. The last one
 * is kept, so a wallboard that loses the server still shows what it knew, with its time.
 */
export class WallboardLink {
  private socket: Socket | null = null;
  /** The zone "today" is counted in while the wallboard is open; null when it is not. */
  private timeZone: string | null = null;
  private latest: WallboardSnapshot | null = null;

  constructor(private readonly changed: (snapshot: WallboardSnapshot) => void) {}

  /** Handed each new socket of the sync client. */
  attach(socket: Socket): void {
    this.socket = socket;
    socket.on('connect', () => {
      if (this.timeZone !== null) void this.watch(socket, this.timeZone).then(this.take, () => undefined);
    });
    socket.on(wallboardSocketEvents.snapshot, (raw: unknown) => {
      const parsed = WallboardSnapshotSchema.safeParse(raw);
      if (parsed.success && this.timeZone !== null) this.take(parsed.data);
    });
  }

  /** Starts watching; answers the server's figures, or offline the last known ones. */
  async open(timeZone: string): Promise<WallboardSnapshot | null> {
    this.timeZone = timeZone;
    const socket = this.socket;
    if (!socket?.connected) return this.latest;
    const snapshot = await this.watch(socket, timeZone);
    this.latest = snapshot;
    return snapshot;
  }

  close(): void {
    this.timeZone = null;
    this.latest = null;
    if (this.socket?.connected) this.socket.emit(wallboardSocketEvents.unwatch, {});
  }

  private readonly take = (snapshot: WallboardSnapshot): void => {
    this.latest = snapshot;
    this.changed(snapshot);
  };

  private async watch(socket: Socket, timeZone: string): Promise<WallboardSnapshot> {
    const reply = (await socket.timeout(WATCH_TIMEOUT_MS).emitWithAck(wallboardSocketEvents.watch, { timeZone })) as Acked<unknown>;
    if (!reply.ok) throw new DeskError(reply.error.code === 'forbidden' ? 'forbidden' : 'unavailable', reply.error.message);
    return WallboardSnapshotSchema.parse(reply.value);
  }
}

/** The DeskApi methods of the wallboard: supervisors and admins only, refused here before the server is asked. */
export function wallboardApi(link: WallboardLink, user: () => User): Pick<DeskApi, 'wallboard.get' | 'wallboard.leave'> {
  const overseer = () => {
    if (!seesAllQueues(user())) throw new DeskError('forbidden', 'The wallboard is for supervisors and admins');
  };
  return {
    'wallboard.get': async ({ timeZone }) => {
      overseer();
      return link.open(timeZone);
    },
    'wallboard.leave': async () => {
      link.close();
      return {};
    },
  };
}
