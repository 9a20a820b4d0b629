import type { Transaction } from 'kysely';
import type { RoutingRulesReply } from '../../shared/routing/api.js';
import { queuesNamed, RoutingRulesSchema, type RoutingRules } from '../../shared/routing/rules.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { DEFAULT_QUEUE_ID } from '../tickets/ticket-store.js';

type Reader = ServerDb | Transaction<Database>;

/** Before an admin saves rules: nothing matches, every ticket goes to the general queue as it always did. */
const builtIn: RoutingRulesReply = { version: 0, document: { rules: [], defaultQueueId: DEFAULT_QUEUE_ID }, reason: 'built-in', createdAt: null, createdBy: null };

/**
 * Rules are versioned, never edited, like the SLA policy: a ticket's routing decision names the
 * version it was made by, and that version can still be read.
 */
export async function currentRules(db: Reader): Promise<RoutingRulesReply> {
  const row = await db.selectFrom('routing_rules').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return builtIn;
  return { version: row.version, document: RoutingRulesSchema.parse(JSON.parse(row.document)), reason: row.reason, createdAt: row.created_at, createdBy: row.created_by };
}

export class RulesRefusal extends Error {
  constructor(
    readonly code: 'invalid' | 'conflict',
    /** The body field at fault, as the REST error names it. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Stores a new version; refuses queues that do not exist, and a save based on a version someone has since replaced. */
export async function storeRules(trx: Transaction<Database>, document: RoutingRules, change: { reason: string; createdBy: string | null; createdAt: string; baseVersion?: number }): Promise<number> {
  const latest = await trx.selectFrom('routing_rules').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
  const current = Number(latest?.version ?? 0);
  if (change.baseVersion !== undefined && change.baseVersion !== current) {
    throw new RulesRefusal('conflict', 'baseVersion', `baseVersion: the rules were changed meanwhile (now version ${current}, edited from ${change.baseVersion})`);
  }
  const queues = new Set((await trx.selectFrom('queues').select('id').execute()).map((q) => q.id));
  const unknown = queuesNamed(document).find(({ queueId }) => !queues.has(queueId));
  if (unknown) throw new RulesRefusal('invalid', `document.${unknown.path}`, `document.${unknown.path}: no queue "${unknown.queueId}"`);
  const version = current + 1;
  await trx.insertInto('routing_rules').values({ version, document: JSON.stringify(document), reason: change.reason, created_by: change.createdBy, created_at: change.createdAt }).execute();
  return version;
}
