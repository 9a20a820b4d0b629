import type { ChangesPush } from '../../shared/sync/protocol.js';
import { RawJson } from './raw-json.js';
import type { ServerDb } from '../storage/database.js';
import { changesAfter, changesJson, latestSeq, scopeHeads, type ChangeRow } from './change-log.js';

const READ_BATCH = 2000;

/** A push as the server sends it: the changes are the log's JSON, spliced into the packet unparsed. */
export type OutgoingPush = Omit<ChangesPush, 'changes'> & { changes: RawJson };

/**
 * Pushes every committed change to the room of its scope, in log order, with the seq of the scope's
 * previous change. Consecutive changes of one scope travel together; a run of another scope in
 * between ends the packet, so a console in both rooms receives them in the order they were made.
 * Reading the log rather than trusting announcements keeps this exact: it never skips or repeats.
 */
export class ChangeBroadcaster {
  private sent = 0;
  private heads = new Map<string, number>();
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: ServerDb,
    private readonly emit: (push: OutgoingPush) => void,
  ) {}

  /** Takes over from the log as it stands: what is already there clients get by pulling. */
  async start(): Promise<void> {
    this.heads = await scopeHeads(this.db);
    this.sent = await latestSeq(this.db);
  }

  /** Called after each commit; overlapping calls fold into one more read. */
  committed(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.drain().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const rows = await changesAfter(this.db, this.sent, READ_BATCH);
        if (rows.length === 0) break;
        this.send(rows);
        this.sent = rows[rows.length - 1]!.seq;
        if (rows.length < READ_BATCH) break;
      }
    } while (this.again);
  }

  private send(rows: ChangeRow[]): void {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]!.scope === rows[start]!.scope) continue;
      const run = rows.slice(start, i);
      const scope = run[0]!.scope;
      const lastSeq = run[run.length - 1]!.seq;
      this.emit({ scope, prevSeq: this.heads.get(scope) ?? 0, lastSeq, changes: new RawJson(changesJson(run).toString('utf8')) });
      this.heads.set(scope, lastSeq);
      start = i;
    }
  }
}
