import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { HandoffListQuery, HandoffPage } from '../../shared/api/rest.js';
import type { HandoffNote } from '../../shared/domain/handoff.js';
import type { User } from '../../shared/domain/people.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import { handoffScope, visibleQueueIds } from '../people/visibility.js';
import { handoffFromRows, handoffToRow } from './rows.js';

type Trx = Transaction<Database>;

export interface NewHandoff {
  /** A console mints its own (it shows the note before the server has it); otherwise one is made here. */
  id?: string;
  queueId: string | null;
  body: string;
  writtenAt?: string;
  /** When the server received it; demo history passes its own. */
  at?: string;
  /** The console mutation this carries out, recorded in the change log. */
  origin?: { clientId: string; mutationId: number };
}

/**
 * Why a handoff write or acknowledgement cannot happen, in the words both the REST routes (as an
 * HTTP status) and the sync mutations (as a rejection code) answer with.
 */
export class HandoffRefusal extends Error {
  constructor(
    readonly code: 'invalid' | 'forbidden' | 'not_found',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Shift handoff notes and who has acknowledged them. Every write stores the note and appends it,
 * whole, to the change log of its scope in one transaction, so a console holds either both or neither.
 */
export class HandoffStore {
  constructor(
    private readonly db: ServerDb,
    private readonly clock: Clock,
    private readonly feed: ChangeFeed,
  ) {}

  async write(author: User, input: NewHandoff): Promise<HandoffNote> {
    const note = await this.db.transaction().execute((trx) => this.insert(trx, author, input));
    this.feed.committed();
    return note;
  }

  /** For callers that hold a transaction: the mutation applier, demo seeding. */
  async insert(trx: Trx, author: User, input: NewHandoff): Promise<HandoffNote> {
    if (input.queueId !== null) {
      const queue = await trx.selectFrom('queues').select('id').where('id', '=', input.queueId).executeTakeFirst();
      if (!queue) throw new HandoffRefusal('invalid', 'queueId', `queueId: no queue "${input.queueId}"`);
      if (!(await visibleQueueIds(trx, author)).includes(input.queueId)) {
        throw new HandoffRefusal('forbidden', 'queueId', `You do not work in queue "${input.queueId}"`);
      }
    }
    const id = input.id ?? randomUUID();
    if (await trx.selectFrom('handoff_notes').select('id').where('id', '=', id).executeTakeFirst()) {
      // A retried delivery never gets here (mutation ids catch it first): this is another note under a used id.
      throw new HandoffRefusal('invalid', 'handoffId', `handoffId: a handoff note ${id} already exists`);
    }
    const at = input.at ?? isoNow(this.clock);
    const note: HandoffNote = {
      id,
      queueId: input.queueId,
      authorId: author.id,
      authorName: author.name,
      body: input.body,
      createdAt: at,
      ...(input.writtenAt && input.writtenAt < at ? { writtenAt: input.writtenAt } : {}),
      acknowledgements: [],
    };
    await trx.insertInto('handoff_notes').values(handoffToRow(note)).execute();
    await this.publish(trx, note, input.origin);
    return note;
  }

  async acknowledge(agent: User, id: string): Promise<HandoffNote> {
    const { note, changed } = await this.db.transaction().execute((trx) => this.applyAcknowledge(trx, agent, id));
    if (changed) this.feed.committed();
    return note;
  }

  /**
   * Records that the agent read the note. Saying so again changes nothing and appends nothing, so
   * a console that acknowledged offline and again online is not an error.
   */
  async applyAcknowledge(trx: Trx, agent: User, id: string, options: { at?: string; origin?: NewHandoff['origin'] } = {}): Promise<{ note: HandoffNote; changed: boolean }> {
    const before = await this.find(trx, id);
    // A note of a queue the agent does not see answers as a missing one: its existence does not leak.
    if (!before || (before.queueId !== null && !(await visibleQueueIds(trx, agent)).includes(before.queueId))) {
      throw new HandoffRefusal('not_found', 'handoffId', `No handoff note ${id}`);
    }
    if (before.acknowledgements.some((ack) => ack.agentId === agent.id)) return { note: before, changed: false };
    await trx
      .insertInto('handoff_acknowledgements')
      .values({ handoff_id: id, agent_id: agent.id, agent_name: agent.name, at: options.at ?? isoNow(this.clock) })
      .execute();
    const note = (await this.find(trx, id))!;
    await this.publish(trx, note, options.origin);
    return { note, changed: true };
  }

  private async publish(trx: Trx, note: HandoffNote, origin: NewHandoff['origin']): Promise<void> {
    await appendChange(trx, { scope: handoffScope(note.queueId), entity: 'handoff', rowId: note.id, row: note, ...(origin ? { origin } : {}) }, isoNow(this.clock));
  }

  async find(db: ServerDb | Trx, id: string): Promise<HandoffNote | null> {
    const row = await db.selectFrom('handoff_notes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const acknowledgements = await db.selectFrom('handoff_acknowledgements').selectAll().where('handoff_id', '=', id).orderBy('at').orderBy('agent_id').execute();
    return handoffFromRows(row, acknowledgements);
  }

  /** The notes a user may read (the whole desk's and their queues'), newest first, a page at a time. */
  async list(user: User, query: HandoffListQuery): Promise<HandoffPage> {
    const queueIds = await visibleQueueIds(this.db, user);
    if (query.queueId !== undefined && !queueIds.includes(query.queueId)) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    let base = this.db.selectFrom('handoff_notes');
    base =
      query.queueId !== undefined
        ? base.where('queue_id', '=', query.queueId)
        : base.where((eb) => eb.or([eb('queue_id', 'is', null), ...(queueIds.length > 0 ? [eb('queue_id', 'in', queueIds)] : [])]));
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const acknowledgements =
      rows.length === 0
        ? []
        : await this.db
            .selectFrom('handoff_acknowledgements')
            .selectAll()
            .where('handoff_id', 'in', rows.map((r) => r.id))
            .orderBy('at')
            .orderBy('agent_id')
            .execute();
    const items = rows.map((row) => handoffFromRows(row, acknowledgements.filter((ack) => ack.handoff_id === row.id)));
    return { items, page: query.page, pageSize: query.pageSize, total: Number(total.n) };
  }
}
