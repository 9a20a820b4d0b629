import type { Cursors, PullWireReply } from '../../../shared/sync/protocol.js';
import type { StoredChange } from '../replica/stored-change.js';

/** A pull reply with its changes decoded and ready to store. */
export type PulledPage = Omit<PullWireReply, 'changes'> & { changes: StoredChange[] };

/**
 * The pages of one pull, asked for ahead of the replica. Each page's cursors are the next request,
 * so the next page is asked for the moment a reply arrives, not when the replica has written it: the
 * server reads page n + 1 while the decoder prepares page n and the replica writes page n - 1. At most
 * `depth` pages wait in memory; past that, asking resumes as the replica takes one.
 */
export class PageStream {
  private readonly ahead: Promise<PulledPage>[] = [];
  private parked: Cursors | null = null;
  private closed = false;

  constructor(
    private readonly fetch: (cursors: Cursors) => Promise<PullWireReply>,
    private readonly decode: (bytes: Uint8Array) => Promise<StoredChange[]>,
    private readonly depth: number,
  ) {}

  /** Starts (or, after a reset has emptied it, restarts) the stream from these cursors. */
  start(cursors: Cursors): void {
    this.ask(cursors);
  }

  /** The next page in order; rejects if fetching or decoding it failed. */
  take(): Promise<PulledPage> {
    const page = this.ahead.shift();
    if (!page) return Promise.reject(new Error('no page was asked for'));
    if (this.parked) {
      const cursors = this.parked;
      this.parked = null;
      this.ask(cursors);
    }
    return page;
  }

  close(): void {
    this.closed = true;
  }

  private ask(cursors: Cursors): void {
    const page = this.fetch(cursors).then(async (wire) => {
      // A reset starts over from nothing, which only the caller can do once it has dropped the replica.
      if (wire.hasMore && !wire.reset) this.next(wire.cursors);
      return { ...wire, changes: await this.decode(wire.changes) };
    });
    // A failed page is seen when it is taken; until then it must not count as unhandled.
    page.catch(() => undefined);
    this.ahead.push(page);
  }

  private next(cursors: Cursors): void {
    if (this.closed) return;
    if (this.ahead.length >= this.depth) this.parked = cursors;
    else this.ask(cursors);
  }
}
