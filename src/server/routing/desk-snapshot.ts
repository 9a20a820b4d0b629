import type { Transaction } from 'kysely';
import type { Channel } from '../../shared/domain/ticket.js';
import type { RoutingAgent, RoutingDesk, RoutingQueue } from '../../shared/routing/placement.js';
import { defaultCapacity, queueOpenAt } from '../../shared/routing/settings.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { effectiveStatus, readPresence } from './presence.js';
import { readAgentRouting, readQueueRouting } from './settings-store.js';

type Reader = ServerDb | Transaction<Database>;

/** What routing asks of the rota (the ShiftDirectory); every answer read through the caller's transaction. */
export interface Rota {
  onShiftAgentIds(db: Reader, at: Date): Promise<Set<string>>;
  nextShiftStart(db: Reader, queueId: string, at: Date): Promise<Date | null>;
}

/**
 * The desk as routing sees it at one instant: every queue with its members, every member with their
 * presence, shift, skills, capacity and load. Read once per decision (or per sweep of many), then
 * decided on without further reads. `except`: a ticket being placed again does not count in its
 * current assignee's load.
 */
export async function loadDesk(trx: Reader, rota: Rota, at: number, except?: string): Promise<RoutingDesk> {
  let loadQuery = trx
    .selectFrom('tickets')
    .select(['assignee_id', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['new', 'open'])
    .where('assignee_id', 'is not', null);
  if (except) loadQuery = loadQuery.where('id', '!=', except);
  const [queues, members, users, queueRouting, agentRouting, presence, loads, onShift] = await Promise.all([
    trx.selectFrom('queues').select(['id', 'name']).orderBy('id').execute(),
    trx.selectFrom('queue_members').select(['queue_id', 'user_id']).orderBy('user_id').execute(),
    trx.selectFrom('users').select(['id', 'name']).execute(),
    readQueueRouting(trx),
    readAgentRouting(trx),
    readPresence(trx),
    loadQuery.groupBy(['assignee_id', 'channel']).execute(),
    rota.onShiftAgentIds(trx, new Date(at)),
  ]);

  const load = new Map<string, Partial<Record<Channel, number>>>();
  for (const row of loads) load.set(row.assignee_id!, { ...load.get(row.assignee_id!), [row.channel]: Number(row.n) });
  const agents = new Map<string, RoutingAgent>();
  for (const user of users) {
    const routing = agentRouting.get(user.id);
    agents.set(user.id, {
      id: user.id,
      name: user.name,
      status: effectiveStatus(presence.get(user.id)),
      onShift: onShift.has(user.id),
      skills: routing?.skills ?? [],
      capacity: routing?.capacity ?? defaultCapacity,
      load: load.get(user.id) ?? {},
      lastRoutedSeq: routing?.lastRoutedSeq ?? 0,
    });
  }
  const routingQueues = new Map<string, RoutingQueue>();
  for (const queue of queues) {
    const settings = queueRouting.get(queue.id);
    routingQueues.set(queue.id, {
      id: queue.id,
      name: queue.name,
      open: settings ? queueOpenAt(settings, at) : true,
      skills: settings?.skills ?? [],
      overflowQueueId: settings?.overflowQueueId ?? null,
      memberIds: members.filter((m) => m.queue_id === queue.id).map((m) => m.user_id),
    });
  }
  return { queues: routingQueues, agents };
}
