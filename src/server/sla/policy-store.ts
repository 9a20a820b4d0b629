import type { Transaction } from 'kysely';
import { SlaPolicySchema, type SlaPolicy } from '../../shared/sla/policy.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

export interface StoredPolicy {
  version: number;
  policy: SlaPolicy;
  reason: string;
  createdAt: string;
}

/** Policies are versioned, never edited: a ticket's history can always say which one applied. */
export async function currentPolicy(db: ServerDb | Transaction<Database>): Promise<StoredPolicy | null> {
  const row = await db.selectFrom('sla_policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return { version: row.version, policy: SlaPolicySchema.parse(JSON.parse(row.document)), reason: row.reason, createdAt: row.created_at };
}

export async function storePolicy(trx: Transaction<Database>, policy: SlaPolicy, reason: string, createdBy: string | null, createdAt: string): Promise<number> {
  const latest = await trx.selectFrom('sla_policies').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  await trx.insertInto('sla_policies').values({ version, document: JSON.stringify(policy), reason, created_by: createdBy, created_at: createdAt }).execute();
  return version;
}
