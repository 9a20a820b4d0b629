import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { DeadlineWork } from '../scheduling/deadline-loop.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

/** The channels the desk can speak on by itself; chat falls back to email when the widget is gone. */
export type OutboundChannel = 'email' | 'chat';

export interface OutboundHeaders {
  /** Without angle brackets; replies to it thread back to the ticket. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** The agent who wrote a reply: a mail's From name, the name the chat widget shows. */
  fromName?: string;
}

export interface OutboundItem {
  id: string;
  ticketId: string | null;
  kind: string;
  channel: OutboundChannel;
  to: string;
  subject: string;
  body: string;
  headers: OutboundHeaders;
  attempts: number;
}

/** A delivery that can never succeed (a 5xx answer, an address the channel refuses): do not retry it. */
export class PermanentDeliveryError extends Error {}

export interface Deliverer {
  deliver(item: OutboundItem): Promise<void>;
}

/** Waits between attempts: a relay that is down for a night still gets the mail out in the morning. */
const RETRY_AFTER_MINUTES = [1, 5, 15, 60, 240, 720];
const MAX_ATTEMPTS = RETRY_AFTER_MINUTES.length + 1;
const BATCH = 50;

/**
 * Queued in the transaction that caused it, so a ticket solved is a notice sent, even if the server
 * stops before the relay answers.
 */
export async function enqueueOutbound(trx: Transaction<Database>, item: Omit<OutboundItem, 'id' | 'attempts'>, at: string): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('outbound_messages')
    .values({
      id,
      ticket_id: item.ticketId,
      kind: item.kind,
      channel: item.channel,
      to_address: item.to,
      subject: item.subject,
      body: item.body,
      headers_json: JSON.stringify(item.headers),
      status: 'queued',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
  return id;
}

export type Deliverers = Partial<Record<OutboundChannel, Deliverer>>;

/**
 * Sends what is due through the channel's deliverer; a failure waits and tries again, then gives up
 * visibly. A channel with no deliverer (no mail relay configured) keeps its items queued, not lost.
 */
export function outboundDeliveries(db: ServerDb, clock: Clock, deliverers: Deliverers): DeadlineWork {
  // Read on every run: channels register their deliverers after start. SQL has no empty `in ()`, and no channel is named ''.
  const ready = () => {
    const channels = Object.keys(deliverers);
    return channels.length > 0 ? channels : [''];
  };
  return {
    async runDue() {
      for (;;) {
        const due = await db
          .selectFrom('outbound_messages')
          .selectAll()
          .where('status', '=', 'queued')
          .where('channel', 'in', ready())
          .where('next_attempt_at', '<=', isoNow(clock))
          .orderBy('next_attempt_at')
          .limit(BATCH)
          .execute();
        for (const row of due) await attempt(db, clock, deliverers[row.channel as OutboundChannel]!, itemOf(row));
        if (due.length < BATCH) return;
      }
    },
    async nextDeadline() {
      const next = await db
        .selectFrom('outbound_messages')
        .select((eb) => eb.fn.min('next_attempt_at').as('at'))
        .where('status', '=', 'queued')
        .where('channel', 'in', ready())
        .executeTakeFirst();
      return next?.at ? String(next.at) : null;
    },
  };
}

async function attempt(db: ServerDb, clock: Clock, deliverer: Deliverer, item: OutboundItem): Promise<void> {
  const attempts = item.attempts + 1;
  try {
    await deliverer.deliver(item);
    await db.updateTable('outbound_messages').set({ status: 'sent', attempts, sent_at: isoNow(clock), last_error: null }).where('id', '=', item.id).execute();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const giveUp = error instanceof PermanentDeliveryError || attempts >= MAX_ATTEMPTS;
    const wait = RETRY_AFTER_MINUTES[Math.min(attempts - 1, RETRY_AFTER_MINUTES.length - 1)]! * 60_000;
    await db
      .updateTable('outbound_messages')
      .set({ status: giveUp ? 'failed' : 'queued', attempts, last_error: reason.slice(0, 1000), next_attempt_at: new Date(clock.now() + wait).toISOString() })
      .where('id', '=', item.id)
      .execute();
  }
}

function itemOf(row: Database['outbound_messages']): OutboundItem {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind,
    channel: row.channel as OutboundChannel,
    to: row.to_address,
    subject: row.subject,
    body: row.body,
    headers: JSON.parse(row.headers_json) as OutboundHeaders,
    attempts: row.attempts,
  };
}
