import { sql, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { ChangeEntity, PullRequestSchema, PullWireReply } from '../../shared/sync/protocol.js';
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

/** Below this seq, deletions may have been compacted away: older cursors must start afresh. */
export async function logFloor(db: ServerDb | Transaction<Database>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'log_floor').executeTakeFirst();
  return Number(row?.value ?? 0);
}

/**
 * What a client is sent of a log entry; its cause (client and mutation) stays on the server. The row
 * is read as the bytes SQLite holds: as text it would be decoded from UTF-8 into a string only to be
 * encoded back into the page, which was a third of the server's work in a first sync.
 */
const changeColumns = ['seq', 'scope', 'entity', 'op', 'row_id', sql<Buffer | null>`CAST(row_json AS BLOB)`.as('row_json')] as const;
export type ChangeRow = Pick<Selectable<Database['changes']>, 'seq' | 'scope' | 'entity' | 'op' | 'row_id'> & { row_json: Buffer | null };

/**
 * The JSON text of a Change[] spliced from stored rows. Rows were validated when the change was made
 * and written only by this server, and the console validates what it receives: parsing and
 * re-serialising them here would double the cost of every sync.
 */
export function changesJson(rows: readonly ChangeRow[]): Buffer {
  const parts: Buffer[] = [];
  let text = '[';
  rows.forEach((r, index) => {
    const head = `${index === 0 ? '' : ','}{"seq":${r.seq},"scope":${JSON.stringify(r.scope)},"entity":"${r.entity}",`;
    if (r.op === 'upsert' && r.row_json) {
      parts.push(Buffer.from(`${text}${head}"op":"upsert","row":`), r.row_json);
      text = '}';
    } else text += `${head}"op":"delete","rowId":${JSON.stringify(r.row_id)}}`;
  });
  parts.push(Buffer.from(`${text}]`));
  return Buffer.concat(parts);
}

/**
 * One page of the scopes' changes after each scope's cursor, and how far the client's mutations have
 * been processed, read in one transaction so the two always agree.
 */
export async function readChanges(db: ServerDb, scopes: string[], request: z.output<typeof PullRequestSchema>, epoch: string): Promise<PullWireReply> {
  const { cursors, limit, clientId } = request;
  return db.transaction().execute(async (trx) => {
    const client = clientId
      ? await trx.selectFrom('client_mutations').select('last_mutation_id').where('client_id', '=', clientId).executeTakeFirst()
      : undefined;
    const lastMutationId = client?.last_mutation_id ?? 0;
    const known = Object.values(cursors).filter((seq) => seq > 0);
    if ((request.epoch !== undefined && request.epoch !== epoch) || (known.length > 0 && Math.min(...known) < (await logFloor(trx)))) {
      return { changes: changesJson([]), cursors: {}, hasMore: true, lastMutationId, epoch, reset: true };
    }
    const since = (scope: string) => cursors[scope] ?? 0;
    const lowest = scopes.length === 0 ? 0 : Math.min(...scopes.map(since));
    // Reading the head first bounds the page, so a change committed meanwhile is left for the next pull
    // instead of being skipped by a cursor that jumped past it.
    const head = await latestSeq(trx);
    const rows = scopes.length === 0 || head <= lowest ? [] : await pageRows(trx, scopes.map((scope) => ({ scope, after: since(scope) })), head, limit + 1);
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    // The page holds every visible change up to its last seq, so every scope is complete that far.
    const reached = hasMore ? page[page.length - 1]!.seq : head;
    const next = Object.fromEntries(scopes.map((scope) => [scope, Math.max(since(scope), reached)]));
    return { changes: changesJson(page), cursors: next, hasMore, lastMutationId, epoch, reset: false };
  });
}

/**
 * The first `count` changes of the scopes, each after its own cursor, in log order. One query with a
 * term per scope made SQLite gather every remaining change of every scope and sort them to keep the
 * first page: each page of a first sync re-read the whole rest of the log. Instead, the seqs are found
 * first from the (scope, seq) index alone, at most `count` per scope, and only the rows of the page
 * are read.
 */
async function pageRows(trx: Transaction<Database>, scopes: { scope: string; after: number }[], head: number, count: number): Promise<ChangeRow[]> {
  const inScope = (scope: string, after: number, upTo: number) =>
    trx.selectFrom('changes').where('scope', '=', scope).where('seq', '>', after).where('seq', '<=', upTo).orderBy('seq');
  const seqs: number[] = [];
  for (const { scope, after } of scopes) {
    const found = await inScope(scope, after, head).select('seq').limit(count).execute();
    for (const row of found) seqs.push(row.seq);
  }
  if (seqs.length === 0) return [];
  seqs.sort((a, b) => a - b);
  const last = seqs[Math.min(count, seqs.length) - 1]!;
  const rows: ChangeRow[] = [];
  for (const { scope, after } of scopes) rows.push(...(await inScope(scope, after, last).select(changeColumns).execute()));
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Committed changes after `seq`, in order, for the broadcaster. */
export async function changesAfter(db: ServerDb, seq: number, limit: number): Promise<ChangeRow[]> {
  return db.selectFrom('changes').select(changeColumns).where('seq', '>', seq).orderBy('seq').limit(limit).execute();
}

/** The last seq of every scope, where a broadcaster starting up takes over the log. */
export async function scopeHeads(db: ServerDb): Promise<Map<string, number>> {
  const rows = await db.selectFrom('changes').select((eb) => ['scope', eb.fn.max('seq').as('seq')]).groupBy('scope').execute();
  return new Map(rows.map((r) => [r.scope, Number(r.seq)]));
}

export async function latestSeq(db: ServerDb | Transaction<Database>): Promise<number> {
  const row = await db.selectFrom('changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}
