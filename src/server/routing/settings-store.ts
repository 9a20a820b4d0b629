import type { Transaction } from 'kysely';
import type { AgentSettings, QueueSettings } from '../../shared/routing/api.js';
import { AgentRoutingSchema, QueueRoutingSchema, type AgentRouting, type QueueRouting } from '../../shared/routing/settings.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { effectiveStatus, FIRST_STATUS, readPresence } from './presence.js';

type Reader = ServerDb | Transaction<Database>;

export class SettingsRefusal extends Error {
  constructor(
    readonly code: 'invalid' | 'not_found',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every queue's routing settings, keyed by queue; a queue without a row has the defaults. */
export async function readQueueRouting(db: Reader): Promise<Map<string, QueueRouting>> {
  const rows = await db.selectFrom('queue_routing').selectAll().execute();
  return new Map(
    rows.map((row) => [
      row.queue_id,
      QueueRoutingSchema.parse({ skills: JSON.parse(row.skills_json), calendar: row.calendar_json ? JSON.parse(row.calendar_json) : null, overflowQueueId: row.overflow_queue_id }),
    ]),
  );
}

/** Every agent's skills and capacity, keyed by user, with when routing last served them. */
export async function readAgentRouting(db: Reader): Promise<Map<string, AgentRouting & { lastRoutedSeq: number }>> {
  const rows = await db.selectFrom('agent_routing').selectAll().execute();
  return new Map(
    rows.map((row) => [row.user_id, { ...AgentRoutingSchema.parse({ skills: JSON.parse(row.skills_json), capacity: JSON.parse(row.capacity_json) }), lastRoutedSeq: row.last_routed_seq }]),
  );
}

const defaultQueue = QueueRoutingSchema.parse({});
const defaultAgent = AgentRoutingSchema.parse({});

export async function listQueueSettings(db: Reader): Promise<QueueSettings[]> {
  const [queues, routing] = await Promise.all([db.selectFrom('queues').select(['id', 'name', 'tier']).orderBy('tier').orderBy('name').execute(), readQueueRouting(db)]);
  return queues.map((queue) => ({ id: queue.id, name: queue.name, tier: queue.tier as QueueSettings['tier'], ...(routing.get(queue.id) ?? defaultQueue) }));
}

/**
 * Replaces a queue's settings. The overflow queue must exist, and following overflow from it must
 * never come back here: routing would stop at the loop anyway, but an admin who made one meant something else.
 */
export async function saveQueueSettings(trx: Transaction<Database>, queueId: string, settings: QueueRouting, at: string): Promise<QueueSettings> {
  const queue = await trx.selectFrom('queues').select('id').where('id', '=', queueId).executeTakeFirst();
  if (!queue) throw new SettingsRefusal('not_found', 'id', `No queue "${queueId}"`);
  if (settings.overflowQueueId !== null) {
    const routing = await readQueueRouting(trx);
    const known = new Set((await trx.selectFrom('queues').select('id').execute()).map((q) => q.id));
    if (!known.has(settings.overflowQueueId)) throw new SettingsRefusal('invalid', 'overflowQueueId', `overflowQueueId: no queue "${settings.overflowQueueId}"`);
    for (let next: string | null = settings.overflowQueueId, hops = 0; next !== null && hops <= known.size; next = routing.get(next)?.overflowQueueId ?? null, hops++) {
      if (next === queueId) throw new SettingsRefusal('invalid', 'overflowQueueId', `overflowQueueId: overflowing to "${settings.overflowQueueId}" leads back to "${queueId}"`);
    }
  }
  const row = { skills_json: JSON.stringify(settings.skills), calendar_json: settings.calendar ? JSON.stringify(settings.calendar) : null, overflow_queue_id: settings.overflowQueueId, updated_at: at };
  await trx
    .insertInto('queue_routing')
    .values({ queue_id: queueId, ...row })
    .onConflict((oc) => oc.column('queue_id').doUpdateSet(row))
    .execute();
  return (await listQueueSettings(trx)).find((q) => q.id === queueId)!;
}

export async function listAgentSettings(db: Reader): Promise<AgentSettings[]> {
  const [users, members, routing, presence] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'email', 'role', 'tier', 'time_zone']).orderBy('name').execute(),
    db.selectFrom('queue_members').select(['queue_id', 'user_id']).orderBy('queue_id').execute(),
    readAgentRouting(db),
    readPresence(db),
  ]);
  return users.map((user) => {
    const { lastRoutedSeq: _seq, ...settings } = routing.get(user.id) ?? { ...defaultAgent, lastRoutedSeq: 0 };
    const here = presence.get(user.id);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role as AgentSettings['role'],
      tier: user.tier as AgentSettings['tier'],
      timeZone: user.time_zone,
      queueIds: members.filter((m) => m.user_id === user.id).map((m) => m.queue_id),
      status: here?.status ?? FIRST_STATUS,
      effectiveStatus: effectiveStatus(here),
      statusSince: here?.statusAt ?? null,
      ...settings,
    };
  });
}

export async function saveAgentSettings(trx: Transaction<Database>, userId: string, settings: AgentRouting, at: string): Promise<void> {
  const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw new SettingsRefusal('not_found', 'id', `No agent "${userId}"`);
  const row = { skills_json: JSON.stringify(settings.skills), capacity_json: JSON.stringify(settings.capacity), updated_at: at };
  await trx
    .insertInto('agent_routing')
    .values({ user_id: userId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
}
