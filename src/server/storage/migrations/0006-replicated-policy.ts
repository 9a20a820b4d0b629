import { sql, type Kysely } from 'kysely';

/**
 * Consoles now hold the SLA policy in force, through the change log like any shared row. A database
 * from before has its current policy logged once here; later versions are logged as they are stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO changes (scope, entity, row_id, op, row_json, created_at)
    SELECT 'shared', 'slaPolicy', 'current', 'upsert',
           json_object('id', 'current', 'version', version, 'policy', json(document)), created_at
    FROM sla_policies ORDER BY version DESC LIMIT 1
  `.execute(db);
}
