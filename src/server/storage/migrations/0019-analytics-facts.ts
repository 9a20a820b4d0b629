import { sql, type Kysely } from 'kysely';

/** The columns every fact row carries, so a report filters and groups without joining the tickets. */
const dimensions = ['queue_id', 'channel', 'customer_tier', 'priority', 'agent_id'] as const;

/**
 * Analytics facts (docs/metrics.md): what each ticket's history comes to, worked out per ticket by
 * src/server/analytics/ticket-facts.ts so a 90-day report over a million tickets reads ranges of
 * small rows instead of replaying histories. The time indexes cover every column a report reads, so a
 * range is one index scan without a lookup per row. Times are epoch milliseconds (integers compare and
 * index faster than ISO text; reports bucket them in the caller's zone).
 *
 * Freshness: triggers put a ticket in `analytics_dirty` in the same transaction as whatever changes
 * its history (a ticket row written, a message, an event, a CSAT answer); a new SLA policy dirties
 * them all, since business time follows the policy in force. The analytics service recomputes dirty
 * tickets' facts in the background and before every report, so a report never reads stale facts.
 * Every ticket already stored starts dirty: that is the backfill.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('analytics_dirty').addColumn('ticket_id', 'text', (c) => c.primaryKey()).execute();

  const withDimensions = (table: string) => {
    let builder = db.schema.createTable(table).addColumn('ticket_id', 'text', (c) => c.notNull());
    for (const column of dimensions) builder = builder.addColumn(column, 'text', (c) => (column === 'agent_id' ? c : c.notNull()));
    return builder;
  };

  await withDimensions('analytics_tickets')
    .addColumn('created_ms', 'integer', (c) => c.notNull())
    .addColumn('first_solved_ms', 'integer')
    .addColumn('first_contact', 'integer', (c) => c.notNull())
    .addColumn('reopened', 'integer', (c) => c.notNull())
    .addColumn('tiers_visited', 'integer', (c) => c.notNull())
    .addColumn('tiers_escalated', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_tickets_pk', ['ticket_id'])
    .execute();
  await db.schema.createIndex('analytics_tickets_created').on('analytics_tickets').columns(['created_ms', ...dimensions, 'tiers_visited', 'tiers_escalated']).execute();
  await db.schema.createIndex('analytics_tickets_first_solved').on('analytics_tickets').columns(['first_solved_ms', ...dimensions, 'first_contact', 'reopened']).where(sql.ref('first_solved_ms'), 'is not', null).execute();

  // First response, next reply and resolution times, each at the instant it ended.
  await withDimensions('analytics_durations')
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('business_min', 'real')
    .addColumn('calendar_min', 'real', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analytics_durations_metric_at').on('analytics_durations').columns(['metric', 'at_ms', ...dimensions, 'business_min', 'calendar_min']).execute();
  await db.schema.createIndex('analytics_durations_ticket').on('analytics_durations').column('ticket_id').execute();

  // SLA clocks: met at the instant they stopped, breached at the instant they ran out; `open` clocks
  // carry the instant they will run out (null while paused), and count as breached once it passes.
  await withDimensions('analytics_sla')
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'integer')
    .execute();
  await db.schema.createIndex('analytics_sla_target_at').on('analytics_sla').columns(['target', 'at_ms', ...dimensions, 'outcome']).execute();
  await db.schema.createIndex('analytics_sla_ticket').on('analytics_sla').column('ticket_id').execute();

  // Stretches a ticket was not solved or closed: the backlog at an instant is the stretches around it.
  await withDimensions('analytics_open_spans')
    .addColumn('opened_ms', 'integer', (c) => c.notNull())
    .addColumn('closed_ms', 'integer')
    .execute();
  await db.schema.createIndex('analytics_open_spans_opened').on('analytics_open_spans').columns(['opened_ms', ...dimensions]).execute();
  await db.schema.createIndex('analytics_open_spans_closed').on('analytics_open_spans').columns(['closed_ms', 'opened_ms', ...dimensions]).execute();
  await db.schema.createIndex('analytics_open_spans_ticket').on('analytics_open_spans').column('ticket_id').execute();

  // Answers carry their own dimensions: CSAT credits the agent assigned when the customer answered.
  await withDimensions('analytics_csat')
    .addColumn('answered_ms', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_csat_pk', ['ticket_id'])
    .execute();
  await db.schema.createIndex('analytics_csat_answered').on('analytics_csat').columns(['answered_ms', ...dimensions, 'score']).execute();

  const triggers: [name: string, when: string, ticketId: string][] = [
    ['analytics_ticket_inserted', 'AFTER INSERT ON tickets', 'NEW.id'],
    // Kysely sets every column when it writes a ticket, so this fires on each write of the row.
    ['analytics_ticket_updated', 'AFTER UPDATE OF status, queue_id, assignee_id, priority, customer_tier, channel, type ON tickets', 'NEW.id'],
    ['analytics_ticket_deleted', 'AFTER DELETE ON tickets', 'OLD.id'],
    ['analytics_message_inserted', 'AFTER INSERT ON messages', 'NEW.ticket_id'],
    ['analytics_event_inserted', 'AFTER INSERT ON ticket_events', 'NEW.ticket_id'],
    ['analytics_csat_inserted', 'AFTER INSERT ON csat_answers', 'NEW.ticket_id'],
  ];
  for (const [name, when, ticketId] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${when} BEGIN INSERT OR IGNORE INTO analytics_dirty (ticket_id) VALUES (${ticketId}); END`).execute(db);
  }
  await sql`CREATE TRIGGER analytics_policy_stored AFTER INSERT ON sla_policies BEGIN INSERT OR IGNORE INTO analytics_dirty (ticket_id) SELECT id FROM tickets; END`.execute(db);
  await sql`INSERT INTO analytics_dirty (ticket_id) SELECT id FROM tickets`.execute(db);
}
