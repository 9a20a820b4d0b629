import type { Transaction } from 'kysely';
import { SlaPolicySchema, type ReplicatedPolicy, type SlaPolicy } from '../../shared/sla/policy.js';
import { appendChange } from '../sync/change-log.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

export interface StoredPolicy {
  version: number;
  policy: SlaPolicy;
  reason: string;
  createdAt: string;
}

/**
 * Policies are versioned, never edited: a ticket's history can always say which one applied. The
 * one in force is also in the change log, so consoles hold it (see ReplicatedPolicySchema).
 */
export async function currentPolicy(db: ServerDb | Transaction<Database>): Promise<StoredPolicy | null> {
  const row = await db.selectFrom('sla_policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return { version: row.version, policy: SlaPolicySchema.parse(JSON.parse(row.document)), reason: row.reason, createdAt: row.created_at };
}

export async function storePolicy(trx: Transaction<Database>, policy: SlaPolicy, reason: string, createdBy: string | null, createdAt: string): Promise<number> {
  const latest = await trx.selectFrom('sla_policies').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  await trx.insertInto('sla_policies').values({ version, document: JSON.stringify(policy), reason, created_by: createdBy, created_at: createdAt }).execute();
  const row: ReplicatedPolicy = { id: 'current', version, policy };
  await appendChange(trx, { scope: 'shared', entity: 'slaPolicy', rowId: row.id, row }, createdAt);
  return version;
}
