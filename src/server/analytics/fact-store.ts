import type { Transaction } from 'kysely';
import type { Channel, CustomerTier, Priority, TicketStatus, TicketType } from '../../shared/domain/ticket.js';
import type { SlaService } from '../sla/sla-service.js';
import type { ServerDb } from '../storage/database.js';
import type { AnalyticsDimensions, Database } from '../storage/schema.js';
import { ticketFacts, type Dimensions, type FactContext, type TicketHistoryFacts } from './ticket-facts.js';

type Trx = Transaction<Database>;

/** Tickets worked out per transaction: small enough that consoles' writes never wait long behind one. */
const BATCH = 250;
/** SQLite takes at most 32,766 bound values in one statement. */
const MAX_VARIABLES = 32_000;

const factTables = ['analytics_tickets', 'analytics_durations', 'analytics_sla', 'analytics_open_spans', 'analytics_csat'] as const;

const row = (ticketId: string, d: Dimensions): AnalyticsDimensions => ({
  ticket_id: ticketId,
  queue_id: d.queueId,
  channel: d.channel,
  customer_tier: d.customerTier,
  priority: d.priority,
  agent_id: d.agentId,
});

/**
 * Keeps the analytics facts (migration 0019) in step with the tickets: the tickets the triggers
 * marked dirty are read, worked out and written back in one transaction, so a change that lands
 * meanwhile marks its ticket again and is never lost.
 */
export class AnalyticsFacts {
  constructor(
    private readonly db: ServerDb,
    private readonly sla: SlaService,
    private readonly now: () => number,
  ) {}

  /** Works out every dirty ticket; answers how many. `pause` runs between batches (the server yields there). */
  async refresh(pause: () => Promise<void> = async () => {}): Promise<number> {
    let done = 0;
    for (;;) {
      const count = await this.db.transaction().execute((trx) => this.refreshBatch(trx));
      done += count;
      if (count < BATCH) return done;
      await pause();
    }
  }

  async pending(): Promise<number> {
    const { n } = await this.db.selectFrom('analytics_dirty').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  private async refreshBatch(trx: Trx): Promise<number> {
    const ids = (await trx.selectFrom('analytics_dirty').select('ticket_id').limit(BATCH).execute()).map((r) => r.ticket_id);
    if (ids.length === 0) return 0;
    const context: FactContext = {
      policy: (await this.sla.policy(trx)).policy,
      queueTiers: new Map((await trx.selectFrom('queues').select(['id', 'tier']).execute()).map((q) => [q.id, q.tier])),
      now: this.now(),
    };
    const histories = await readHistories(trx, ids);
    for (const table of factTables) await trx.deleteFrom(table).where('ticket_id', 'in', ids).execute();
    const rows = { tickets: [] as Database['analytics_tickets'][], durations: [] as Database['analytics_durations'][], sla: [] as Database['analytics_sla'][], spans: [] as Database['analytics_open_spans'][], csat: [] as Database['analytics_csat'][] };
    for (const history of histories) {
      const facts = ticketFacts(history, context);
      const dims = row(history.id, facts.dimensions);
      rows.tickets.push({
        ...dims,
        created_ms: facts.createdAt,
        first_solved_ms: facts.firstSolvedAt,
        first_contact: facts.firstContact ? 1 : 0,
        reopened: facts.reopened ? 1 : 0,
        tiers_visited: facts.tiersVisited,
        tiers_escalated: facts.tiersEscalated,
      });
      for (const d of facts.durations) rows.durations.push({ ...dims, metric: d.metric, at_ms: d.at, business_min: d.businessMinutes, calendar_min: d.calendarMinutes });
      for (const s of facts.sla) rows.sla.push({ ...dims, target: s.target, outcome: s.outcome, at_ms: s.at });
      for (const s of facts.openSpans) rows.spans.push({ ...dims, opened_ms: s.openedAt, closed_ms: s.closedAt });
      if (facts.csat) rows.csat.push({ ...row(history.id, facts.csat.dimensions), answered_ms: facts.csat.answeredAt, score: facts.csat.score, commented: facts.csat.commented ? 1 : 0 });
    }
    await insertAll(trx, 'analytics_tickets', rows.tickets);
    await insertAll(trx, 'analytics_durations', rows.durations);
    await insertAll(trx, 'analytics_sla', rows.sla);
    await insertAll(trx, 'analytics_open_spans', rows.spans);
    await insertAll(trx, 'analytics_csat', rows.csat);
    await trx.deleteFrom('analytics_dirty').where('ticket_id', 'in', ids).execute();
    return ids.length;
  }
}

async function insertAll<T extends (typeof factTables)[number]>(trx: Trx, table: T, rows: Database[T][]): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]!).length;
  const chunk = Math.floor(MAX_VARIABLES / perRow);
  for (let start = 0; start < rows.length; start += chunk) {
    await trx.insertInto(table).values(rows.slice(start, start + chunk) as never).execute();
  }
}

/** The histories of these tickets (a deleted ticket has none, and its facts are simply gone). */
async function readHistories(trx: Trx, ids: string[]): Promise<TicketHistoryFacts[]> {
  const tickets = await trx
    .selectFrom('tickets')
    .select(['id', 'queue_id', 'channel', 'customer_tier', 'priority', 'type', 'assignee_id', 'status', 'created_at'])
    .where('id', 'in', ids)
    .execute();
  const events = await trx
    .selectFrom('ticket_events')
    .select(['ticket_id', 'kind', 'at', 'data_json'])
    .where('ticket_id', 'in', ids)
    .where('kind', 'in', ['status', 'responded', 'queue', 'escalated'])
    .orderBy('ticket_id')
    .orderBy('at')
    .execute();
  const messages = await trx.selectFrom('messages').select(['ticket_id', 'created_at', 'author_kind', 'is_public']).where('ticket_id', 'in', ids).execute();
  const answers = await trx.selectFrom('csat_answers').select(['ticket_id', 'score', 'answered_at', 'agent_id', 'comment']).where('ticket_id', 'in', ids).execute();

  const byTicket = new Map<string, TicketHistoryFacts & { events: TicketHistoryFacts['events'][number][]; messages: TicketHistoryFacts['messages'][number][] }>();
  for (const t of tickets) {
    byTicket.set(t.id, {
      id: t.id,
      queueId: t.queue_id,
      channel: t.channel as Channel,
      customerTier: t.customer_tier as CustomerTier,
      priority: t.priority as Priority,
      type: t.type as TicketType,
      assigneeId: t.assignee_id,
      status: t.status as TicketStatus,
      createdAt: Date.parse(t.created_at),
      events: [],
      messages: [],
      csat: null,
    });
  }
  for (const e of events) byTicket.get(e.ticket_id)?.events.push({ kind: e.kind, at: Date.parse(e.at), data: JSON.parse(e.data_json) as Record<string, unknown> });
  for (const m of messages) byTicket.get(m.ticket_id)?.messages.push({ at: Date.parse(m.created_at), authorKind: m.author_kind as 'customer' | 'agent' | 'system', isPublic: m.is_public === 1 });
  for (const a of answers) {
    const ticket = byTicket.get(a.ticket_id);
    if (ticket) ticket.csat = { score: a.score, answeredAt: Date.parse(a.answered_at), agentId: a.agent_id, commented: (a.comment ?? '').trim() !== '' };
  }
  return [...byTicket.values()];
}
