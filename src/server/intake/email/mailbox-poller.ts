import { ImapFlow, type MailboxObject } from 'imapflow';
import type { MailboxPollReply } from '../../../shared/admin/mailboxes.js';
import { isoNow } from '../../../shared/clock.js';
import type { ServerContext } from '../../context.js';
import { quarantine } from '../../quarantine/quarantine-store.js';
import type { DeadlineWork } from '../../scheduling/deadline-loop.js';
import type { Database } from '../../storage/schema.js';
import { ingestMail, MAX_MAIL_BYTES, type IngestOutcome } from './ingest-mail.js';
import { advanceCursor, findMailboxRow, recordPoll, restartCursor } from './mailbox-store.js';

type Row = Database['mailboxes'];
export type PollCounts = Omit<MailboxPollReply, 'mailbox'>;

/** A server that is down or refuses the password is tried again after this, not every interval. */
const MIN_RETRY_MS = 5 * 60_000;

/**
 * Reads the desk's IMAP mailboxes. Each message is taken in (or quarantined) in the transaction
 * that moves the mailbox's cursor past its UID, so a crash at any point neither loses a mail nor
 * takes one twice; Message-IDs catch the rest (a rebuilt folder, the same mail in two mailboxes).
 * A dead server or a wrong password is written to the mailbox's last_error and never reaches the
 * server's process.
 */
export class MailboxPoller {
  private readonly polls = new Map<string, Promise<PollCounts | null>>();
  private stopped = false;

  constructor(
    private readonly context: ServerContext,
    private readonly intervalMs: number,
  ) {}

  /** Polls one mailbox now (after a poll of it already running); null when there is no such mailbox. */
  poll(id: string): Promise<PollCounts | null> {
    const earlier = this.polls.get(id)?.catch(() => null) ?? Promise.resolve(null);
    const next = earlier.then(() => this.pollOnce(id));
    this.polls.set(id, next);
    void next.finally(() => {
      if (this.polls.get(id) === next) this.polls.delete(id);
    });
    return next;
  }

  /** Every enabled mailbox on its interval, each after its last poll; one whose last poll failed waits longer. */
  deadlines(): DeadlineWork {
    const enabled = () => this.context.db.selectFrom('mailboxes').select(['id', 'last_polled_at', 'last_error']).where('enabled', '=', 1).execute();
    const dueAt = (row: Pick<Row, 'last_polled_at' | 'last_error'>) =>
      row.last_polled_at ? Date.parse(row.last_polled_at) + (row.last_error ? Math.max(this.intervalMs, MIN_RETRY_MS) : this.intervalMs) : 0;
    return {
      runDue: async () => {
        for (const row of await enabled()) {
          if (this.stopped || dueAt(row) > this.context.clock.now()) continue;
          // One mailbox whose poll could not even be recorded must not keep the others unread.
          await this.poll(row.id).catch((error: unknown) => console.error('shiftdesk: polling a mailbox failed', error));
        }
      },
      nextDeadline: async () => {
        const next = Math.min(...(await enabled()).map(dueAt));
        return Number.isFinite(next) ? new Date(next).toISOString() : null;
      },
    };
  }

  /** No new message is started; resolves once the ones being read are written. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.polls.values());
  }

  private async pollOnce(id: string): Promise<PollCounts | null> {
    const row = await findMailboxRow(this.context.db, id);
    if (!row) return null;
    const counts: PollCounts = { fetched: 0, created: 0, joined: 0, duplicates: 0, quarantined: 0, error: null };
    const client = new ImapFlow({
      host: row.host,
      port: row.port,
      secure: row.secure === 1,
      auth: { user: row.username, pass: row.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
    // An error event without a listener would take the whole server down.
    client.on('error', () => undefined);
    try {
      await client.connect();
      const lock = await client.getMailboxLock(row.folder);
      try {
        await this.readNew(client, row, counts);
      } finally {
        lock.release();
      }
    } catch (error) {
      counts.error = describeImapError(error);
    } finally {
      await client.logout().catch(() => client.close());
    }
    await recordPoll(this.context.db, id, isoNow(this.context.clock), counts.error);
    return counts;
  }

  private async readNew(client: ImapFlow, row: Row, counts: PollCounts): Promise<void> {
    const folder = client.mailbox as MailboxObject;
    const uidValidity = String(folder.uidValidity);
    let cursor = row.last_uid;
    if (row.uid_validity !== uidValidity) {
      cursor = await startingPoint(client, folder);
      await restartCursor(this.context.db, row, uidValidity, cursor);
    }
    if (folder.exists === 0 || folder.uidNext - 1 <= cursor) return;
    // "n:*" always names the newest message, even one below n: the filter drops it.
    const listed = await client.fetchAll(`${cursor + 1}:*`, { uid: true, size: true }, { uid: true });
    for (const { uid, size } of listed.filter((m) => m.uid > cursor).sort((a, b) => a.uid - b.uid)) {
      if (this.stopped) return;
      counts.fetched++;
      const outcome = (size ?? 0) > MAX_MAIL_BYTES ? await this.quarantineOversize(client, row, uidValidity, uid, size!) : await this.takeIn(client, row, uidValidity, uid);
      if (outcome) counts[countOf(outcome)]++;
      // For people who also read the mailbox; the cursor, not the flag, is what the desk goes by, so a
      // folder that refuses flags is still read (a lost connection fails the next fetch anyway).
      await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true }).catch(() => undefined);
    }
  }

  private async takeIn(client: ImapFlow, row: Row, uidValidity: string, uid: number): Promise<IngestOutcome | null> {
    const advance = (trx: Parameters<typeof advanceCursor>[0]) => advanceCursor(trx, row, uidValidity, uid);
    const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
    if (!message || !message.source) {
      // Deleted by someone between listing and reading: nothing to take in, but nothing to wait for either.
      await this.context.db.transaction().execute(advance);
      return null;
    }
    return ingestMail(this.context, message.source, { name: `imap:${row.name}`, queueId: row.queue_id }, advance);
  }

  /** Too big to take in: its headers go to quarantine so an admin knows, the mail itself stays in the mailbox. */
  private async quarantineOversize(client: ImapFlow, row: Row, uidValidity: string, uid: number, size: number): Promise<IngestOutcome> {
    const message = await client.fetchOne(String(uid), { headers: true }, { uid: true });
    const reason = `the mail is ${size} bytes, over the limit of ${MAX_MAIL_BYTES}; it stays in "${row.folder}" as UID ${uid} (only its headers are kept here)`;
    const quarantineId = await this.context.db.transaction().execute(async (trx) => {
      const id = await quarantine(trx, { source: `imap:${row.name}`, reason, contentType: 'text/rfc822-headers', data: (message && message.headers) || Buffer.alloc(0) }, isoNow(this.context.clock));
      await advanceCursor(trx, row, uidValidity, uid);
      return id;
    });
    return { outcome: 'quarantined', quarantineId, reason };
  }
}

/**
 * Where reading starts in a folder the desk has not read before (or that was rebuilt): at its oldest
 * unread message. Connecting a mailbox with years of read mail must not open a ticket for each, and
 * what the desk took in before is flagged \Seen, so a rebuilt folder does not bring it back.
 */
async function startingPoint(client: ImapFlow, folder: MailboxObject): Promise<number> {
  const unseen = (await client.search({ seen: false }, { uid: true })) || [];
  return unseen.length > 0 ? unseen.reduce((a, b) => Math.min(a, b)) - 1 : Math.max(folder.uidNext - 1, 0);
}

function countOf(outcome: IngestOutcome): 'created' | 'joined' | 'duplicates' | 'quarantined' {
  return outcome.outcome === 'duplicate' ? 'duplicates' : outcome.outcome;
}

/** imapflow's "Command failed" says little; the server's own words say what to fix. */
function describeImapError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const detail = error as Error & { responseText?: string; code?: string; authenticationFailed?: boolean };
  if (detail.authenticationFailed) return `login refused: ${detail.responseText ?? detail.message}`;
  return [detail.message, detail.responseText, detail.code].filter(Boolean).join(': ').slice(0, 1000);
}
