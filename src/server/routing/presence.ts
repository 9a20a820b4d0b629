import type { Transaction } from 'kysely';
import { AgentSchema, AgentStatusSchema, type AgentStatus } from '../../shared/domain/people.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';

type Reader = ServerDb | Transaction<Database>;
type Trx = Transaction<Database>;

/** An agent who has never chosen is online as soon as a console of theirs connects: opening the console is coming to work. */
export const FIRST_STATUS: AgentStatus = 'online';

export interface PresenceRow {
  /** What the agent chose. */
  status: AgentStatus;
  statusAt: string;
  /** While set, their consoles are all gone and at this instant they count as offline. */
  offlineAt: string | null;
  /** Their consoles stayed away past the grace period (or never connected): offline until one does. */
  lost: boolean;
}

function fromRow(row: Database['agent_presence']): PresenceRow {
  return { status: AgentStatusSchema.parse(row.status), statusAt: row.status_at, offlineAt: row.offline_at, lost: row.lost === 1 };
}

export async function readPresence(db: Reader): Promise<Map<string, PresenceRow>> {
  const rows = await db.selectFrom('agent_presence').selectAll().execute();
  return new Map(rows.map((row) => [row.user_id, fromRow(row)]));
}

async function presenceOf(db: Reader, userId: string): Promise<PresenceRow | undefined> {
  const row = await db.selectFrom('agent_presence').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row && fromRow(row);
}

/** What routing goes by: the agent's choice while a console of theirs is (or was, within the grace period) connected; offline otherwise. */
export function effectiveStatus(row: PresenceRow | undefined): AgentStatus {
  return !row || row.lost ? 'offline' : row.status;
}

/** How an agent's presence moved: what routing must do follows from the two. */
export interface PresenceChange {
  userId: string;
  before: AgentStatus;
  after: AgentStatus;
}

async function write(trx: Trx, userId: string, before: PresenceRow | undefined, after: PresenceRow): Promise<PresenceChange> {
  const row = { status: after.status, status_at: after.statusAt, offline_at: after.offlineAt, lost: after.lost ? 1 : 0 };
  if (before) await trx.updateTable('agent_presence').set(row).where('user_id', '=', userId).execute();
  else await trx.insertInto('agent_presence').values({ user_id: userId, ...row }).execute();
  return { userId, before: effectiveStatus(before), after: effectiveStatus(after) };
}

/** The agent chose a status. Choosing from a console they are at: it counts at once, whatever the connection did before. */
export async function chooseStatus(trx: Trx, userId: string, status: AgentStatus, at: string, fromConsole: boolean): Promise<PresenceChange> {
  const before = await presenceOf(trx, userId);
  const connection = fromConsole ? { offlineAt: null, lost: false } : { offlineAt: before?.offlineAt ?? null, lost: before?.lost ?? true };
  return write(trx, userId, before, { status, statusAt: at, ...connection });
}

/** A console of theirs connected: present again, with the status they last chose. */
export async function consoleConnected(trx: Trx, userId: string, at: string): Promise<PresenceChange> {
  const before = await presenceOf(trx, userId);
  return write(trx, userId, before, { status: before?.status ?? FIRST_STATUS, statusAt: before?.statusAt ?? at, offlineAt: null, lost: false });
}

/** Their last console went: unless one comes back by `offlineAt`, they count as offline then. */
export async function consolesGone(trx: Trx, userId: string, offlineAt: string): Promise<void> {
  await trx.updateTable('agent_presence').set({ offline_at: offlineAt }).where('user_id', '=', userId).where('lost', '=', 0).execute();
}

/** Agents whose grace period is over: each is now offline to routing. */
export async function expireGracePeriods(trx: Trx, now: string): Promise<PresenceChange[]> {
  const due = await trx.selectFrom('agent_presence').selectAll().where('lost', '=', 0).where('offline_at', '<=', now).execute();
  const changes: PresenceChange[] = [];
  for (const row of due) {
    const before = fromRow(row);
    changes.push(await write(trx, row.user_id, before, { ...before, offlineAt: null, lost: true }));
  }
  return changes;
}

/** The earliest instant someone's grace period ends. */
export async function nextGraceEnd(db: Reader): Promise<string | null> {
  const row = await db.selectFrom('agent_presence').select((eb) => eb.fn.min('offline_at').as('at')).where('lost', '=', 0).executeTakeFirst();
  return row?.at ?? null;
}

/**
 * After a restart no console is connected to this server yet, though the table may say some were:
 * their consoles reconnect within seconds and clear it; whoever does not is offline after the grace period.
 */
export async function startGracePeriods(trx: Trx, offlineAt: string): Promise<void> {
  await trx.updateTable('agent_presence').set({ offline_at: offlineAt }).where('lost', '=', 0).where('offline_at', 'is', null).execute();
}

/** Puts the agent's row (names, queues and presence) in the change log for every console. */
export async function publishAgent(trx: Trx, userId: string, at: string, origin?: { clientId: string; mutationId: number }): Promise<void> {
  const user = await trx.selectFrom('users').select(['id', 'name', 'role', 'tier', 'time_zone']).where('id', '=', userId).executeTakeFirstOrThrow();
  const queues = await trx.selectFrom('queue_members').select('queue_id').where('user_id', '=', userId).orderBy('queue_id').execute();
  const row = AgentSchema.parse({
    id: user.id,
    name: user.name,
    role: user.role,
    tier: user.tier,
    timeZone: user.time_zone,
    queueIds: queues.map((q) => q.queue_id),
    status: effectiveStatus(await presenceOf(trx, userId)),
  });
  await appendChange(trx, { scope: 'shared', entity: 'agent', rowId: userId, row, ...(origin ? { origin } : {}) }, at);
}
