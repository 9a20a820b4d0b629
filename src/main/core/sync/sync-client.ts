import { io, type Socket } from 'socket.io-client';
import { isoNow, type Clock } from '../../../shared/clock.js';
import type { User } from '../../../shared/domain/people.js';
import { PushReplySchema, type Mutation } from '../../../shared/sync/mutations.js';
import { ChangesPushSchema, PullWireReplySchema, socketEvents, type PullRequest, type PullWireReply } from '../../../shared/sync/protocol.js';
import { combineApplied, hasNews, nothingApplied, type AppliedChanges, type Replica } from '../replica/replica.js';
import { storedChange } from '../replica/stored-change.js';
import { inlineDecoder, type ChangeDecoder } from './change-decoder.js';
import { PageStream } from './page-stream.js';

export type SyncStatus = 'connecting' | 'online' | 'offline';

export interface SyncListener {
  status(status: SyncStatus, lastSyncedAt: string | null): void;
  applied(changes: AppliedChanges): void;
  outboxChanged(): void;
  /** The server no longer accepts the token: the user has to sign in again. */
  unauthorized(): void;
}

export interface SyncIdentity {
  clientId: string;
  user: User;
}

/** Large enough that a first sync of a big desk is not a thousand round trips. */
const PULL_PAGE = 2000;
/** Pages asked for ahead of the replica: enough to keep the server busy, few enough to bound memory. */
const PAGES_AHEAD = 6;
const PUSH_BATCH = 100;
const REQUEST_TIMEOUT_MS = 15_000;
/** A round that failed while still connected (a timeout, a page that would not decode) is retried. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/**
 * Keeps the replica and the server in step, one round at a time: push the outbox in order, then pull
 * every change after the cursors until caught up, then let confirmed mutations go and rebuild the
 * overlay. A round runs on connect, after every new mutation, and whenever a pushed change cannot be
 * applied as it arrives; a request during a round causes one more, so nothing is missed and nothing
 * runs twice at once. Between rounds, changes pushed to the user's rooms are applied on arrival.
 */
export class SyncClient {
  private socket: Socket | null = null;
  private identity: SyncIdentity | null = null;
  private running = false;
  private again = false;
  private lastSyncedAt: string | null = null;
  private currentStatus: SyncStatus = 'connecting';
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly socketFeatures: ((socket: Socket) => void)[] = [];
  /** What must reach the server before the mutations about to be pushed (the files a reply lists); a failure waits for the next round. */
  beforePush: ((mutations: readonly Mutation[]) => Promise<void>) | null = null;

  constructor(
    private readonly replica: Replica,
    private readonly clock: Clock,
    private readonly listener: SyncListener,
    /** Decodes pulled pages; pushes are small and decoded on arrival, where latency counts. */
    private readonly decoder: ChangeDecoder = inlineDecoder,
  ) {}

  get status(): SyncStatus {
    return this.currentStatus;
  }

  get syncedAt(): string | null {
    return this.lastSyncedAt;
  }

  start(serverUrl: string, token: string, identity: SyncIdentity): void {
    this.stop();
    this.identity = identity;
    const socket = io(serverUrl, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;
    this.setStatus('connecting');
    socket.on('connect', () => this.requestRound());
    socket.on('disconnect', () => this.setStatus('offline'));
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') {
        this.stop();
        this.listener.unauthorized();
        return;
      }
      this.setStatus('offline');
    });
    socket.on(socketEvents.changes, (raw: unknown) => this.pushed(raw));
    for (const feature of this.socketFeatures) feature(socket);
  }

  /** A feature that talks over the same connection (ticket presence) is handed every new socket. */
  attachToSocket(feature: (socket: Socket) => void): void {
    this.socketFeatures.push(feature);
    if (this.socket) feature(this.socket);
  }

  stop(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  /**
   * A change pushed to one of the user's rooms. During a round the round's own pull will bring it;
   * otherwise it is applied at once if the replica holds everything of its scope before it, and any
   * doubt (a gap, a malformed message, an unknown scope) becomes a pull, which validates and decides.
   */
  private pushed(raw: unknown): void {
    if (this.running || !this.identity) {
      this.requestRound();
      return;
    }
    try {
      const push = ChangesPushSchema.parse(raw);
      const applied = this.replica.applyPushed(push.scope, push.prevSeq, push.lastSeq, push.changes.map(storedChange));
      if (!applied) return this.requestRound();
      // Someone else's change under one of this agent's unconfirmed ones: the overlay is rebuilt on it.
      const overlaid = this.replica.outbox.unconfirmed(this.identity.clientId, 1).length > 0 ? this.replica.refreshOverlay(this.identity.clientId, this.identity.user) : nothingApplied;
      const news = combineApplied(applied, overlaid);
      if (hasNews(news)) this.listener.applied(news);
    } catch {
      this.requestRound();
    }
  }

  requestRound(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        await this.push();
        await this.pull();
      } while (this.again);
      this.lastSyncedAt = isoNow(this.clock);
      this.failures = 0;
      this.setStatus('online');
    } catch {
      // Whatever was not confirmed stays in the outbox and the cursor where it was: the next connect
      // resumes from there, and while connected the round is tried again, less and less often.
      if (!this.socket?.connected) this.setStatus('offline');
      else this.retryLater();
    } finally {
      this.running = false;
    }
  }

  private retryLater(): void {
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.failures++);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.requestRound();
    }, delay);
    this.retry.unref();
  }

  private connected(): Socket {
    const socket = this.socket;
    if (!socket?.connected) throw new Error('not connected');
    return socket;
  }

  private async push(): Promise<void> {
    const { outbox } = this.replica;
    for (;;) {
      // Read each batch: a carry-over gives the client a new id.
      const identity = this.identity!;
      const entries = outbox.unconfirmed(identity.clientId, PUSH_BATCH);
      if (entries.length === 0) return;
      await this.beforePush?.(entries.map((e) => e.mutation));
      const raw: unknown = await this.connected()
        .timeout(REQUEST_TIMEOUT_MS)
        .emitWithAck(socketEvents.push, { clientId: identity.clientId, mutations: entries.map((e) => e.mutation) });
      const reply = PushReplySchema.parse(unwrap(raw));
      const refused = reply.results.filter((r) => r.status === 'rejected');
      for (const result of refused) if (result.status === 'rejected') outbox.refuse(identity.clientId, result.id, result.rejection);
      if (refused.length > 0) {
        // An exact rollback: the refused mutation leaves the overlay, the replica was never touched.
        this.listener.applied(this.replica.refreshOverlay(identity.clientId, identity.user));
        this.listener.outboxChanged();
      }
      if (reply.expectedId !== undefined && this.carryOverBelow(reply.expectedId)) continue;
      // Processed (applied or refused) is all the server tells us here; the pull confirms the effects.
      if (reply.expectedId !== undefined || reply.results.length < entries.length || entries.length < PUSH_BATCH) return;
    }
  }

  /**
   * A server that expects an id below the first this client has still to send has lost what it knew
   * of the client (a new database, a restored backup): resending would be refused as a gap forever.
   * The unsent mutations move to a fresh client numbered from 1; answers whether they did.
   */
  private carryOverBelow(expectedId: number): boolean {
    const identity = this.identity!;
    const { outbox } = this.replica;
    if (expectedId >= outbox.nextToSend(identity.clientId)) return false;
    this.identity = { ...identity, clientId: outbox.carryOver(identity.user.id, identity.clientId) };
    this.listener.outboxChanged();
    return true;
  }

  private async request(body: PullRequest): Promise<PullWireReply> {
    const raw: unknown = await this.connected().timeout(REQUEST_TIMEOUT_MS).emitWithAck(socketEvents.pull, body);
    return PullWireReplySchema.parse(unwrap(raw));
  }

  /** Pulls until caught up; a first sync into an empty replica builds the thread indexes once, at the end. */
  private async pull(): Promise<void> {
    const waitingBefore = this.replica.outbox.unconfirmed(this.identity!.clientId).length;
    const stream = new PageStream(
      (cursors) => {
        const epoch = this.replica.getState('epoch');
        return this.request({ cursors, limit: PULL_PAGE, clientId: this.identity!.clientId, ...(epoch ? { epoch } : {}) });
      },
      (bytes) => this.decoder.decode(bytes),
      PAGES_AHEAD,
    );
    const bulk = this.replica.beginBulkLoad();
    try {
      stream.start(this.replica.cursors());
      await this.applyPages(stream);
    } finally {
      stream.close();
      if (bulk) this.replica.endBulkLoad();
    }
    if (this.replica.outbox.unconfirmed(this.identity!.clientId).length !== waitingBefore) this.listener.outboxChanged();
  }

  private async applyPages(stream: PageStream): Promise<void> {
    for (;;) {
      const page = await stream.take();
      const identity = this.identity!;
      if (page.reset) {
        // Start afresh from the server's compacted log; the outbox and the overlay's inputs stay.
        this.replica.resetSynced();
        this.replica.setState('epoch', page.epoch);
        // Another database may not know this client: its unsent changes go in the next push, from 1.
        if (this.carryOverBelow(page.lastMutationId + 1)) this.again = true;
        stream.start({});
        continue;
      }
      if (this.replica.getState('epoch') === null) this.replica.setState('epoch', page.epoch);
      // Mutations are confirmed only on the last page, when their effects are surely in the replica.
      const confirm = page.hasMore ? null : { clientId: identity.clientId, lastMutationId: page.lastMutationId, user: identity.user };
      const applied = this.replica.applyPull(page.changes, page.cursors, confirm);
      if (hasNews(applied)) this.listener.applied(applied);
      if (!page.hasMore) return;
    }
  }

  private setStatus(status: SyncStatus): void {
    this.currentStatus = status;
    this.listener.status(status, this.lastSyncedAt);
  }
}

function unwrap(raw: unknown): unknown {
  const ack = raw as { ok?: boolean; value?: unknown; error?: { message?: string } };
  if (!ack?.ok) throw new Error(ack?.error?.message ?? 'request failed');
  return ack.value;
}
