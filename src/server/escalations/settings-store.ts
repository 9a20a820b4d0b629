import type { Transaction } from 'kysely';
import {
  EscalationPoliciesSchema,
  EscalationTriggersSchema,
  type EscalationPolicies,
  type EscalationTriggers,
  type StoredPolicies,
  type StoredTriggers,
} from '../../shared/escalations/settings.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

type Reader = ServerDb | Transaction<Database>;

type Kind = 'triggers' | 'policies';

/** The latest version of a document; version 0, `empty`, when nobody has stored one. */
async function current<T>(db: Reader, kind: Kind, parse: (value: unknown) => T, empty: T) {
  const row = await db.selectFrom('escalation_documents').selectAll().where('kind', '=', kind).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { version: 0, document: empty, updatedAt: null, updatedBy: null };
  return { version: row.version, document: parse(JSON.parse(row.document)), updatedAt: row.created_at, updatedBy: row.created_by };
}

/** A desk nobody has configured escalates by hand only, and pages the target queue (see ladderFor). */
export const currentTriggers = (db: Reader): Promise<StoredTriggers> =>
  current(db, 'triggers', (value) => EscalationTriggersSchema.parse(value), { tierQueues: {}, rules: [] });
export const currentPolicies = (db: Reader): Promise<StoredPolicies> =>
  current(db, 'policies', (value) => EscalationPoliciesSchema.parse(value), { policies: [] });

/** Versions are kept, never edited: an escalation's history can always say which rules and ladder applied. */
export async function storeDocument(trx: Transaction<Database>, { kind, document }: EscalationDocument, userId: string | null, at: string): Promise<number> {
  const latest = await trx.selectFrom('escalation_documents').select((eb) => eb.fn.max('version').as('version')).where('kind', '=', kind).executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  await trx.insertInto('escalation_documents').values({ kind, version, document: JSON.stringify(document), created_by: userId, created_at: at }).execute();
  return version;
}

/**
 * What the schema cannot know: that the queues, people and on-call rotations a document names exist.
 * Answers each problem as `path: message`, so the admin is told exactly what to fix.
 */
export type EscalationDocument = { kind: 'triggers'; document: EscalationTriggers } | { kind: 'policies'; document: EscalationPolicies };

export async function missingReferences(db: Reader, { kind, document }: EscalationDocument): Promise<string[]> {
  const [queues, users, rotations] = await Promise.all([
    db.selectFrom('queues').select('id').execute(),
    db.selectFrom('users').select('id').execute(),
    db.selectFrom('on_call_rotations').select('id').execute(),
  ]);
  const known = { queue: new Set(queues.map((q) => q.id)), user: new Set(users.map((u) => u.id)), rotation: new Set(rotations.map((r) => r.id)) };
  const problems: string[] = [];
  const check = (set: Set<string>, id: string, path: string, what: string) => {
    if (!set.has(id)) problems.push(`${path}: no ${what} "${id}"`);
  };
  if (kind === 'triggers') {
    for (const [tier, queueId] of Object.entries(document.tierQueues)) if (queueId !== undefined) check(known.queue, queueId, `tierQueues.${tier}`, 'queue');
    document.rules.forEach((rule, index) => {
      if (rule.target && 'queueId' in rule.target) check(known.queue, rule.target.queueId, `rules.${index}.target.queueId`, 'queue');
    });
    return problems;
  }
  document.policies.forEach((policy, p) => {
    policy.queueIds.forEach((queueId, q) => check(known.queue, queueId, `policies.${p}.queueIds.${q}`, 'queue'));
    policy.levels.forEach((level, l) =>
      level.targets.forEach((target, t) => {
        const path = `policies.${p}.levels.${l}.targets.${t}`;
        if (target.kind === 'onCall') check(known.rotation, target.rotationId, `${path}.rotationId`, 'on-call rotation');
        if (target.kind === 'queue') check(known.queue, target.queueId, `${path}.queueId`, 'queue');
        if (target.kind === 'users') target.userIds.forEach((userId, u) => check(known.user, userId, `${path}.userIds.${u}`, 'user'));
      }),
    );
  });
  return problems;
}
