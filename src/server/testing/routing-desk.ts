import type { AgentStatus, Role } from '../../shared/domain/people.js';
import type { Channel, Priority, Ticket, TicketType } from '../../shared/domain/ticket.js';
import type { AgentRoutingInput, QueueRoutingInput } from '../../shared/routing/settings.js';
import { AgentRoutingSchema, QueueRoutingSchema } from '../../shared/routing/settings.js';
import { isoNow } from '../../shared/clock.js';
import { hashPassword } from '../auth/passwords.js';
import { receiveCustomerMessage } from '../intake/customer-intake.js';
import { saveAgentSettings, saveQueueSettings } from '../routing/settings-store.js';
import type { RunningTestServer } from './test-server.js';

/** What loginAs and openSyncSocket sign in with by default. */
export const TEST_PASSWORD = 'shiftdesk';

export interface DeskPerson {
  id: string;
  name: string;
  role?: Role;
  queues?: string[];
  routing?: AgentRoutingInput;
}

/**
 * A small desk of the test's own (no demo data): queues with their routing settings, people with
 * theirs, all able to sign in with TEST_PASSWORD as `<id>@test`.
 */
export async function buildDesk(server: RunningTestServer, desk: { queues: Record<string, QueueRoutingInput & { tier?: 1 | 2 | 3 }>; people: DeskPerson[] }): Promise<void> {
  const { db, clock } = server.context;
  const at = isoNow(clock);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const id of Object.keys(desk.queues)) {
      await trx.insertInto('queues').values({ id, name: id[0]!.toUpperCase() + id.slice(1), tier: desk.queues[id]!.tier ?? 1, created_at: at }).execute();
    }
    for (const [id, { tier: _tier, ...routing }] of Object.entries(desk.queues)) await saveQueueSettings(trx, id, QueueRoutingSchema.parse(routing), at);
    for (const person of desk.people) {
      await trx
        .insertInto('users')
        .values({ id: person.id, email: `${person.id}@test`, name: person.name, password_hash: passwordHash, role: person.role ?? 'agent', tier: 1, locale: 'en', time_zone: 'UTC', created_at: at })
        .execute();
      for (const queueId of person.queues ?? []) await trx.insertInto('queue_members').values({ queue_id: queueId, user_id: person.id }).execute();
      if (person.routing) await saveAgentSettings(trx, person.id, AgentRoutingSchema.parse(person.routing), at);
    }
  });
}

/** The agent chose a status at a console they are at (what the console's mutation does). */
export async function setStatus(server: RunningTestServer, userId: string, status: AgentStatus): Promise<void> {
  const { db, router, feed } = server.context;
  await db.transaction().execute((trx) => router.setStatus(trx, userId, status, { userId, name: userId }, { fromConsole: true }));
  feed.committed();
}

/** A customer's mail arriving through intake, as every channel hands one over. */
export async function customerWrites(
  server: RunningTestServer,
  message: { subject: string; body?: string; from?: string; channel?: Channel; priority?: Priority; type?: TicketType; queueId?: string },
): Promise<Ticket> {
  const { context } = server;
  const outcome = await context.db.transaction().execute((trx) =>
    receiveCustomerMessage(context, trx, {
      channel: message.channel ?? 'email',
      from: { email: message.from ?? 'customer@example.com', name: 'Customer', locale: 'en' },
      subject: message.subject,
      body: message.body ?? message.subject,
      acknowledge: false,
      ...(message.priority ? { priority: message.priority } : {}),
      ...(message.type ? { type: message.type } : {}),
      ...(message.queueId ? { queueId: message.queueId } : {}),
    }),
  );
  context.feed.committed();
  return outcome.ticket;
}

/** What routing's deadline loop does when its time comes; tests call it after moving the clock. */
export async function runRouting(server: RunningTestServer): Promise<void> {
  await server.context.router.deadlines().runDue();
}

export async function ticketRow(server: RunningTestServer, id: string) {
  return server.context.db.selectFrom('tickets').select(['queue_id', 'assignee_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
}
