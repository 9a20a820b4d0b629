import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Change, ChangeEntity, PullReply, PullRequestSchema } from '../../shared/sync/protocol.js';
import type { Database } from '../storage/schema.js';
import type { ServerDb } from '../storage/database.js';

export interface ChangeInput {
  scope: string;
  entity: ChangeEntity;
  rowId: string;
  /** The full row for an upsert; absent for a delete. */
  row?: object;
  /** The console mutation that caused it, if any. */
  origin?: { clientId: string; mutationId: number };
}

/**
 * Appends inside the caller's transaction, so a domain change and its log entry commit or fail
 * together: a client can never see a change the log does not have, or the reverse.
 */
export async function appendChange(trx: Transaction<Database>, change: ChangeInput, createdAt: string): Promise<number> {
  const inserted = await trx
    .insertInto('changes')
    .values({
      scope: change.scope,
      entity: change.entity,
      row_id: change.rowId,
      op: change.row ? 'upsert' : 'delete',
      row_json: change.row ? JSON.stringify(change.row) : null,
      created_at: createdAt,
      client_id: change.origin?.clientId ?? null,
      mutation_id: change.origin?.mutationId ?? null,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return inserted.seq;
}

export type ChangePage = PullReply;

/** Below this seq, deletions may have been compacted away: older cursors must start afresh. */
export async function logFloor(db: ServerDb | Transaction<Database>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'log_floor').executeTakeFirst();
  return Number(row?.value ?? 0);
}

/**
 * One page of the scopes' changes after `since`, and how far the client's mutations have been
 * processed, read in one transaction so the two always agree.
 */
export async function readChanges(db: ServerDb, scopes: string[], request: z.output<typeof PullRequestSchema>, epoch: string): Promise<ChangePage> {
  const { since, limit, clientId } = request;
  return db.transaction().execute(async (trx) => {
    const client = clientId
      ? await trx.selectFrom('client_mutations').select('last_mutation_id').where('client_id', '=', clientId).executeTakeFirst()
      : undefined;
    const lastMutationId = client?.last_mutation_id ?? 0;
    if ((request.epoch !== undefined && request.epoch !== epoch) || (since > 0 && since < (await logFloor(trx)))) {
      return { changes: [], cursor: 0, hasMore: true, lastMutationId, epoch, reset: true };
    }
    // Reading the head first bounds the page, so a change committed meanwhile is left for the next pull
    // instead of being skipped by a cursor that jumped past it.
    const head = await latestSeq(trx);
    if (scopes.length === 0 || head <= since) return { changes: [], cursor: Math.max(since, head), hasMore: false, lastMutationId, epoch, reset: false };
    const rows = await trx
      .selectFrom('changes')
      .selectAll()
      .where('seq', '>', since)
      .where('seq', '<=', head)
      .where('scope', 'in', scopes)
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const cursor = hasMore ? page[page.length - 1]!.seq : head;
    // Rows were validated when the change was made and written only by this server; the console
    // validates what it receives. Parsing them again here would double the cost of every sync.
    const changes = page.map(
      (r) =>
        (r.op === 'upsert'
          ? { seq: r.seq, scope: r.scope, entity: r.entity, op: 'upsert', row: JSON.parse(r.row_json ?? 'null') }
          : { seq: r.seq, scope: r.scope, entity: r.entity, op: 'delete', rowId: r.row_id }) as Change,
    );
    return { changes, cursor, hasMore, lastMutationId, epoch, reset: false };
  });
}

export async function latestSeq(db: ServerDb | Transaction<Database>): Promise<number> {
  const row = await db.selectFrom('changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}
