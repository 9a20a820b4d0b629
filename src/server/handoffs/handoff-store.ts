import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { HandoffListQuery, HandoffPage } from '../../shared/api/rest.js';
import type { HandedOverShift, Handover, HandoffNote } from '../../shared/domain/handoff.js';
import type { User } from '../../shared/domain/people.js';
import { fullTextQuery } from '../../shared/full-text-query.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import { handoffScope, visibleQueueIds } from '../people/visibility.js';
import type { ShiftDirectory } from '../shifts/shift-directory.js';
import { handoffFromRows, handoffToRow } from './rows.js';

type Trx = Transaction<Database>;

/** What handoffs ask of the rota. */
type HandoffRota = Pick<ShiftDirectory, 'shiftOf' | 'nextShiftStart'>;

export interface HandoffPolicy {
  /** How long into the incoming shift a handover may wait for its first acknowledgement before the supervisors hear of it. */
  acknowledgeMinutes: number;
}

/** The rule: nobody of the incoming shift acknowledging within 30 minutes of its start alerts the supervisors. */
export const defaultHandoffPolicy: HandoffPolicy = { acknowledgeMinutes: 30 };

export interface NewHandoff {
  /** A console mints its own (it shows the note before the server has it); otherwise one is made here. */
  id?: string;
  queueId: string | null;
  body: string;
  writtenAt?: string;
  /** The author's shift this note hands over; checked against the rota. */
  shift?: HandedOverShift;
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
    private readonly rota: HandoffRota,
    private readonly policy: HandoffPolicy = defaultHandoffPolicy,
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
    const handover = input.shift ? await this.handover(trx, author, input.queueId, input.shift, at) : null;
    const note: HandoffNote = {
      id,
      queueId: input.queueId,
      authorId: author.id,
      authorName: author.name,
      body: input.body,
      createdAt: at,
      ...(input.writtenAt && input.writtenAt < at ? { writtenAt: input.writtenAt } : {}),
      acknowledgements: [],
      ...(handover ? { handover } : {}),
    };
    await trx.insertInto('handoff_notes').values(handoffToRow(note)).execute();
    await trx.insertInto('handoff_notes_fts').values({ id, author: author.name, body: note.body }).execute();
    await this.publish(trx, note, input.origin);
    return note;
  }

  /**
   * The handover a note makes: the shift must be one the author worked (by the rota as it is now, so a
   * note written offline meets the rota when it arrives). The incoming shift starts when the queue is
   * next staffed at the shift's end; a note for the whole desk, or of a queue no rotation covers, goes
   * to whoever is there at the end. The clock for acknowledging starts then, or when the note arrives
   * if that is later: a late note gets its full time, and never alerts on arrival.
   */
  private async handover(trx: Trx, author: User, queueId: string | null, shift: HandedOverShift, at: string): Promise<Handover> {
    const end = new Date(shift.end);
    // The last instant of the stint: the author works it then, whoever comes next.
    const worked = await this.rota.shiftOf(trx, author.id, new Date(end.getTime() - 1));
    if (!worked || worked.rotationId !== shift.rotationId || worked.shiftId !== shift.shiftId || worked.end.getTime() !== end.getTime()) {
      throw new HandoffRefusal('invalid', 'shift', `shift: you do not work shift "${shift.shiftId}" of rotation "${shift.rotationId}" ending at ${shift.end}`);
    }
    const incoming = (queueId === null ? null : await this.rota.nextShiftStart(trx, queueId, end)) ?? end;
    const clockFrom = Math.max(incoming.getTime(), Date.parse(at));
    return {
      rotationId: shift.rotationId,
      shiftId: shift.shiftId,
      end: end.toISOString(),
      incomingStart: incoming.toISOString(),
      acknowledgeBy: new Date(clockFrom + this.policy.acknowledgeMinutes * 60_000).toISOString(),
    };
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
    const at = options.at ?? isoNow(this.clock);
    await trx.insertInto('handoff_acknowledgements').values({ handoff_id: id, agent_id: agent.id, agent_name: agent.name, at }).execute();
    if (before.handover && !before.handover.acknowledgedAt && takesOver(before, agent)) {
      // The incoming shift has it: no alert from now on, and an alert already sent is answered.
      await trx.updateTable('handoff_notes').set({ acknowledged_at: at, alert_due_at: null }).where('id', '=', id).execute();
    }
    const note = (await this.find(trx, id))!;
    await this.publish(trx, note, options.origin);
    return { note, changed: true };
  }

  /**
   * Records that the supervisors were alerted about a handover nobody took over in time, and answers
   * the note as it is now; null when it no longer waits (acknowledged meanwhile, or alerted already).
   */
  async markSupervisorsAlerted(trx: Trx, id: string, at: string): Promise<HandoffNote | null> {
    const updated = await trx
      .updateTable('handoff_notes')
      .set({ supervisors_alerted_at: at, alert_due_at: null })
      .where('id', '=', id)
      .where('alert_due_at', 'is not', null)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return null;
    const note = (await this.find(trx, id))!;
    await this.publish(trx, note, undefined);
    return note;
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

  /**
   * The notes a user may read (the whole desk's and their queues'), newest first, a page at a time;
   * with `q`, only those whose author or text has every word of it (as in the console's search).
   */
  async list(user: User, query: HandoffListQuery): Promise<HandoffPage> {
    const queueIds = await visibleQueueIds(this.db, user);
    const nothing = { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    if (query.queueId !== undefined && !queueIds.includes(query.queueId)) return nothing;
    const match = query.q === undefined ? undefined : fullTextQuery(query.q);
    if (match === null) return nothing;
    let base = this.db.selectFrom('handoff_notes');
    base =
      query.queueId !== undefined
        ? base.where('queue_id', '=', query.queueId)
        : base.where((eb) => eb.or([eb('queue_id', 'is', null), ...(queueIds.length > 0 ? [eb('queue_id', 'in', queueIds)] : [])]));
    if (match !== undefined) {
      base = base.where('id', 'in', (eb) => eb.selectFrom('handoff_notes_fts').select('id').where(sql<boolean>`handoff_notes_fts MATCH ${match}`));
    }
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

/**
 * Whose acknowledgement takes a handover over: an agent's other than the author's. A supervisor who
 * reads it has not taken the queue over, and is the one the alert would go to.
 */
function takesOver(note: HandoffNote, reader: User): boolean {
  return reader.id !== note.authorId && reader.role === 'agent';
}
