import type { Kysely } from 'kysely';

/**
 * The rota: shift rotations (working hours of a tier, shifts in their own time zones), on-call
 * rotations, overrides and swaps. A rotation's shifts and member lists are read and written whole,
 * so they are kept as JSON beside the columns queries filter on. Shift and on-call rotations share
 * one id space (overrides and swaps name either), which the store keeps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shift_rotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('queue_ids_json', 'text', (c) => c.notNull())
    .addColumn('shifts_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('on_call_rotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('member_ids_json', 'text', (c) => c.notNull())
    .addColumn('handover_weekday', 'text', (c) => c.notNull())
    .addColumn('handover_time', 'text', (c) => c.notNull())
    .addColumn('handover_time_zone', 'text', (c) => c.notNull())
    .addColumn('length_days', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('shift_swaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rotation_id', 'text', (c) => c.notNull())
    .addColumn('first_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('first_starts_at', 'text', (c) => c.notNull())
    .addColumn('first_ends_at', 'text', (c) => c.notNull())
    .addColumn('second_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('second_starts_at', 'text', (c) => c.notNull())
    .addColumn('second_ends_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The later of the two windows' ends: after it the swap no longer changes who works.
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shift_swaps_ends').on('shift_swaps').columns(['ends_at']).execute();

  await db.schema
    .createTable('shift_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rotation_id', 'text', (c) => c.notNull())
    .addColumn('shift_id', 'text')
    .addColumn('replaced_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('replacement_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shift_overrides_ends').on('shift_overrides').columns(['ends_at']).execute();
}
