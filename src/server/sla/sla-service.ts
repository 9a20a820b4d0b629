import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import type { SlaEvent, SlaFacts } from '../../shared/sla/clocks.js';
import { compilePolicy, evaluateSla, type CompiledPolicy, type SlaEvaluation } from '../../shared/sla/engine.js';
import type { SlaPolicy } from '../../shared/sla/policy.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { defaultSlaPolicy } from './default-policy.js';
import { currentPolicy, storePolicy } from './policy-store.js';

type Reader = ServerDb | Transaction<Database>;

/**
 * The server's side of the SLA engine: which policy is in force, and the facts of a ticket the clocks
 * are computed from (its status history and its messages, as the server received them).
 */
export class SlaService {
  private compiled: { version: number; policy: CompiledPolicy } | null = null;

  constructor(
    private readonly db: ServerDb,
    private readonly clock: Clock,
  ) {}

  /** A new server starts with the default matrices, so every ticket has clocks from the first one. */
  async ensurePolicy(): Promise<void> {
    if (await currentPolicy(this.db)) return;
    await this.db.transaction().execute((trx) => storePolicy(trx, defaultSlaPolicy(), 'default policy', null, isoNow(this.clock)));
  }

  async policy(reader: Reader = this.db): Promise<{ version: number; policy: CompiledPolicy }> {
    const latest = await reader.selectFrom('sla_policies').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
    const version = Number(latest?.version ?? 0);
    // Another server node may have stored a newer policy: the version check is one indexed read.
    if (this.compiled?.version === version) return this.compiled;
    const stored = await currentPolicy(reader);
    if (!stored) throw new Error('no SLA policy stored (ensurePolicy runs at start-up)');
    this.compiled = { version: stored.version, policy: compilePolicy(stored.policy) };
    return this.compiled;
  }

  async replacePolicy(trx: Transaction<Database>, policy: SlaPolicy, reason: string, userId: string): Promise<number> {
    return storePolicy(trx, policy, reason, userId, isoNow(this.clock));
  }

  async facts(reader: Reader, ticket: Ticket): Promise<SlaFacts> {
    const eventRows = await reader.selectFrom('ticket_events').select(['kind', 'at', 'data_json']).where('ticket_id', '=', ticket.id).where('kind', 'in', ['status', 'responded']).execute();
    const statusRows = eventRows.filter((row) => row.kind === 'status');
    const messageRows = await reader.selectFrom('messages').select(['created_at', 'written_at', 'author_kind', 'is_public']).where('ticket_id', '=', ticket.id).execute();
    const events: SlaEvent[] = [
      ...statusRows.map((row): SlaEvent => ({ kind: 'status', at: Date.parse(row.at), status: (JSON.parse(row.data_json) as { to: Ticket['status'] }).to })),
      ...messageRows.map(
        (row): SlaEvent => ({
          kind: 'message',
          at: Date.parse(row.created_at),
          authorKind: row.author_kind as 'customer' | 'agent' | 'system',
          isPublic: row.is_public === 1,
          ...(row.written_at ? { writtenAt: Date.parse(row.written_at) } : {}),
        }),
      ),
      // An answered phone call is the customer speaking and the agent answering in the same instant: as
      // a public reply after the message (the clocks keep the order of events at one instant).
      ...eventRows.filter((row) => row.kind === 'responded').map((row): SlaEvent => ({ kind: 'message', at: Date.parse(row.at), authorKind: 'agent', isPublic: true })),
    ];
    return { createdAt: Date.parse(ticket.createdAt), events };
  }

  async evaluate(reader: Reader, ticket: Ticket, now = this.clock.now()): Promise<{ evaluation: SlaEvaluation | null; facts: SlaFacts; version: number }> {
    const { version, policy } = await this.policy(reader);
    const facts = await this.facts(reader, ticket);
    return { evaluation: evaluateSla(policy, ticket, facts, now), facts, version };
  }
}
