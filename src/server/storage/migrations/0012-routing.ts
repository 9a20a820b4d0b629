import type { Kysely } from 'kysely';

/**
 * Routing (docs/routing.md): versioned rules, each queue's and agent's routing settings, agents'
 * presence, the one stored wake-up for tickets waiting on capacity, and what each ticket's rule asked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('routing_rules')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A queue without a row: no skills, always open, no overflow.
  await db.schema
    .createTable('queue_routing')
    .addColumn('queue_id', 'text', (c) => c.primaryKey().references('queues.id'))
    .addColumn('skills_json', 'text', (c) => c.notNull())
    .addColumn('calendar_json', 'text')
    .addColumn('overflow_queue_id', 'text', (c) => c.references('queues.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // An agent without a row: no skills, the default capacity, never routed to.
  await db.schema
    .createTable('agent_routing')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('skills_json', 'text', (c) => c.notNull())
    .addColumn('capacity_json', 'text', (c) => c.notNull())
    // Desk-wide order of who routing served last: round robin among equally loaded agents.
    .addColumn('last_routed_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // An agent without a row has never had a console connected: offline to routing.
  await db.schema
    .createTable('agent_presence')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    // What the agent chose: online, away or offline.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_at', 'text', (c) => c.notNull())
    // Set when their last console went; at this instant they count as offline unless one came back.
    .addColumn('offline_at', 'text')
    // 1 once that happened: routing sees them offline until a console connects again.
    .addColumn('lost', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agent_presence_offline_at').on('agent_presence').column('offline_at').execute();

  await db.schema
    .createTable('routing_wakeups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wake_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ticket_routing')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    // The rule's queue: its skills apply only while the ticket is there.
    .addColumn('queue_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('skills_json', 'text', (c) => c.notNull())
    .execute();

  // Loads (an agent's new and open tickets) and waiting tickets (new and open, nobody's) are read on every decision.
  await db.schema.createIndex('tickets_status_assignee').on('tickets').columns(['status', 'assignee_id']).execute();
}
