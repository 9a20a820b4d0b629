import { sql, type Kysely } from 'kysely';

/**
 * What the wallboard reads after every commit, without scanning the desk's whole history: tickets first
 * answered or solved since midnight (the unfinished ones come by the status index), escalations by
 * state, and handovers not yet acknowledged. Partial where most rows of a long history are not wanted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tickets_first_responded').on('tickets').column('first_responded_at').where(sql.ref('first_responded_at'), 'is not', null).execute();
  await db.schema.createIndex('tickets_solved').on('tickets').column('solved_at').where(sql.ref('solved_at'), 'is not', null).execute();
  await db.schema.createIndex('escalations_state').on('escalations').columns(['state', 'escalated_at']).execute();
  await db.schema.createIndex('handoff_notes_unacknowledged').on('handoff_notes').column('incoming_start').where(sql.ref('acknowledged_at'), 'is', null).execute();
}
