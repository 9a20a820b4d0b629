import type { Clock } from '../../shared/clock.js';
import type { ServerDb } from '../storage/database.js';

export interface CompactionResult {
  superseded: number;
  tombstones: number;
  floor: number;
}

/**
 * Keeps the change log from growing without end. A change followed by a later one for the same row
 * in the same scope tells a client nothing the later one does not, so it goes at once; the log from
 * 0 then is a snapshot of the present. Deletions are kept for the retention period and then go too,
 * raising the floor: a client whose cursor is below it starts afresh from 0.
 */
export async function compactChangeLog(db: ServerDb, clock: Clock, retentionDays: number): Promise<CompactionResult> {
  const cutoff = new Date(clock.now() - retentionDays * 86_400_000).toISOString();
  return db.transaction().execute(async (trx) => {
    const superseded = await trx
      .deleteFrom('changes')
      .where(({ eb, selectFrom }) =>
        eb(
          'seq',
          '<',
          selectFrom('changes as later')
            .select((later) => later.fn.max('later.seq').as('latest'))
            .whereRef('later.scope', '=', 'changes.scope')
            .whereRef('later.entity', '=', 'changes.entity')
            .whereRef('later.row_id', '=', 'changes.row_id'),
        ),
      )
      .executeTakeFirst();
    const expired = await trx.selectFrom('changes').select((eb) => eb.fn.max('seq').as('seq')).where('op', '=', 'delete').where('created_at', '<', cutoff).executeTakeFirst();
    const expiredUpTo = Number(expired?.seq ?? 0);
    let tombstones = 0;
    const previous = await trx.selectFrom('meta').select('value').where('key', '=', 'log_floor').executeTakeFirst();
    let floor = Number(previous?.value ?? 0);
    if (expiredUpTo > 0) {
      tombstones = Number((await trx.deleteFrom('changes').where('op', '=', 'delete').where('seq', '<=', expiredUpTo).executeTakeFirst()).numDeletedRows);
      // A client that has seen everything up to the last dropped deletion missed none of them.
      floor = Math.max(floor, expiredUpTo);
      await trx
        .insertInto('meta')
        .values({ key: 'log_floor', value: String(floor) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(floor) }))
        .execute();
    }
    return { superseded: Number(superseded.numDeletedRows), tombstones, floor };
  });
}
