import { io, type Socket } from 'socket.io-client';
import type { Clock } from '../../../shared/clock.js';
import { PokeSchema, PullReplySchema, socketEvents } from '../../../shared/sync/protocol.js';
import type { AppliedChanges, Replica } from '../replica/replica.js';

export type SyncStatus = 'connecting' | 'online' | 'offline';

export interface SyncListener {
  status(status: SyncStatus, lastSyncedAt: string | null): void;
  applied(changes: AppliedChanges): void;
  /** The server no longer accepts the token: the user has to sign in again. */
  unauthorized(): void;
}

const PULL_PAGE = 500;
const PULL_TIMEOUT_MS = 15_000;

/**
 * Keeps the replica caught up: pull everything after the cursor on connect, and again whenever the
 * server pokes. Pulls never overlap, and a poke that arrives during a pull triggers one more round,
 * so no change is missed and none is fetched twice in parallel.
 */
export class SyncClient {
  private socket: Socket | null = null;
  private pulling = false;
  private pullAgain = false;
  private lastSyncedAt: string | null = null;
  private currentStatus: SyncStatus = 'connecting';

  constructor(
    private readonly replica: Replica,
    private readonly clock: Clock,
    private readonly listener: SyncListener,
  ) {}

  get status(): SyncStatus {
    return this.currentStatus;
  }

  get syncedAt(): string | null {
    return this.lastSyncedAt;
  }

  start(serverUrl: string, token: string): void {
    this.stop();
    const socket = io(serverUrl, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;
    this.setStatus('connecting');
    socket.on('connect', () => void this.pull());
    socket.on('disconnect', () => this.setStatus('offline'));
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') {
        this.stop();
        this.listener.unauthorized();
        return;
      }
      this.setStatus('offline');
    });
    socket.on(socketEvents.poke, (raw: unknown) => {
      if (PokeSchema.safeParse(raw).success) void this.pull();
    });
  }

  stop(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  private async pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    try {
      do {
        this.pullAgain = false;
        await this.catchUp();
      } while (this.pullAgain);
      this.lastSyncedAt = new Date(this.clock.now()).toISOString();
      this.setStatus('online');
    } catch {
      // A failed pull leaves the cursor where it was; the next connect or poke resumes from there.
      if (!this.socket?.connected) this.setStatus('offline');
    } finally {
      this.pulling = false;
    }
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const socket = this.socket;
      if (!socket?.connected) throw new Error('not connected');
      const raw: unknown = await socket.timeout(PULL_TIMEOUT_MS).emitWithAck(socketEvents.pull, { since: this.replica.cursor(), limit: PULL_PAGE });
      const reply = parseAck(raw);
      const applied = this.replica.applyPage(reply.changes, reply.cursor);
      if (applied.ticketIds.length > 0 || applied.queuesChanged) this.listener.applied(applied);
      if (!reply.hasMore) return;
    }
  }

  private setStatus(status: SyncStatus): void {
    this.currentStatus = status;
    this.listener.status(status, this.lastSyncedAt);
  }
}

function parseAck(raw: unknown) {
  const ack = raw as { ok?: boolean; value?: unknown; error?: { message?: string } };
  if (!ack?.ok) throw new Error(ack?.error?.message ?? 'pull failed');
  return PullReplySchema.parse(ack.value);
}
