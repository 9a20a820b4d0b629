import Database from 'better-sqlite3';
import { AgentSchema, QueueSchema, type Agent, type Queue } from '../../../shared/domain/people.js';
import { ArticleSchema, MacroSchema, type Article, type Macro } from '../../../shared/domain/knowledge.js';
import type { ArticleHit } from '../../../shared/desk-api/contract.js';
import type { LocalEscalation, LocalHandoffNote, LocalTicketDetail } from '../../../shared/desk-api/contract.js';
import { EscalationSchema } from '../../../shared/domain/escalation.js';
import { HandoffNoteSchema, type HandedOverShift } from '../../../shared/domain/handoff.js';
import { OnCallRotationSchema, ShiftOverrideSchema, ShiftRotationSchema, ShiftSwapSchema } from '../../../shared/domain/shifts.js';
import type { RotaFacts } from '../../../shared/shifts/schedule.js';
import type { User } from '../../../shared/domain/people.js';
import { MessageSchema, TicketSchema, type Ticket } from '../../../shared/domain/ticket.js';
import { CursorsSchema, type Cursors } from '../../../shared/sync/protocol.js';
import { compilePolicy, type CompiledPolicy } from '../../../shared/sla/engine.js';
import { ReplicatedPolicySchema } from '../../../shared/sla/policy.js';
import { replicaMigrations } from './migrations.js';
import { Outbox } from './outbox.js';
import { HandoffDrafts } from './handoff-drafts.js';
import { RemoteReplica } from '../remote/remote-replica.js';
import { KnowledgeReplica } from './knowledge-replica.js';
import { DesktopReplica } from '../desktop/my-counts.js';
import { SavedViews } from './saved-views.js';
import { TicketSearch } from './ticket-search.js';
import { QueueRows } from './queue-rows.js';
import { fullTextQuery } from '../../../shared/full-text-query.js';
import { rebuildOverlay } from './overlay.js';
import { ticketHistory } from './ticket-history.js';
import { TicketDrafts } from './ticket-drafts.js';
import { isRotaEntity, type StoredChange } from './stored-change.js';
import { seenRow, seenTickets } from './seen-tickets.js';

export interface Salvage {
  outbox: { client_id: string; id: number; name: string; args: string; local_id: string; created_at: string; rejection: string | null }[];
  state: [string, string][];
  /** Handoff drafts, by user. */
  drafts: { user_id: string; row: string }[];
}

/**
 * The indexes a bulk load defers (see beginBulkLoad): migration 1's, and the desktop tray's (the
 * agent's tickets by assignee, ticket links by number; created here for replicas that lack them).
 */
const threadIndexes =
  "CREATE INDEX IF NOT EXISTS tickets_queue ON tickets (queue_id); CREATE INDEX IF NOT EXISTS messages_ticket ON messages (ticket_id, created_at); CREATE INDEX IF NOT EXISTS tickets_assignee ON tickets (json_extract(row, '$.assigneeId')); CREATE INDEX IF NOT EXISTS tickets_number ON tickets (number);";

const tableOf = { ticket: 'tickets', message: 'messages', queue: 'queues', agent: 'agents', macro: 'macros', article: 'articles', handoff: 'handoffs', slaPolicy: 'sla_policy', escalation: 'escalations', shiftRotation: 'shift_rotations', onCallRotation: 'on_call_rotations', shiftOverride: 'shift_overrides', shiftSwap: 'shift_swaps', view: 'queue_views', asset: 'remote_assets', remoteSettings: 'remote_settings', ticketEvent: 'ticket_events' } as const;

/** What changed on screen, so the renderer re-reads only that. */
export interface AppliedChanges {
  ticketIds: string[];
  queuesChanged: boolean;
  handoffIds: string[];
  escalationIds: string[];
  /** A rotation, override or swap arrived: who is on shift and on call may read differently now. */
  rotaChanged: boolean;
  /** An agent's row (name, queues, presence) arrived. */
  agentsChanged: boolean;
  /** A requester's asset, or the admins' remote tools and allowlist, arrived. */
  remoteChanged: boolean;
  /** A macro or an article arrived. */
  knowledgeChanged: boolean;
  /** One of the agent's saved queue views arrived, or the overlay of views saved here changed. */
  viewsChanged: boolean;
}

export const nothingApplied: AppliedChanges = { ticketIds: [], queuesChanged: false, handoffIds: [], escalationIds: [], rotaChanged: false, agentsChanged: false, remoteChanged: false, knowledgeChanged: false, viewsChanged: false };

export function combineApplied(a: AppliedChanges, b: AppliedChanges): AppliedChanges {
  return {
    ticketIds: [...new Set([...a.ticketIds, ...b.ticketIds])],
    queuesChanged: a.queuesChanged || b.queuesChanged,
    handoffIds: [...new Set([...a.handoffIds, ...b.handoffIds])],
    escalationIds: [...new Set([...a.escalationIds, ...b.escalationIds])],
    rotaChanged: a.rotaChanged || b.rotaChanged,
    agentsChanged: a.agentsChanged || b.agentsChanged,
    remoteChanged: a.remoteChanged || b.remoteChanged,
    knowledgeChanged: a.knowledgeChanged || b.knowledgeChanged,
    viewsChanged: a.viewsChanged || b.viewsChanged,
  };
}

export function hasNews(applied: AppliedChanges): boolean {
  return applied.ticketIds.length > 0 || applied.queuesChanged || applied.handoffIds.length > 0 || applied.escalationIds.length > 0 || applied.rotaChanged || applied.agentsChanged || applied.remoteChanged || applied.knowledgeChanged || applied.viewsChanged;
}

/**
 * The desktop's offline copy of what its user may see. Replica tables are written only from server
 * data; rows are kept as the server's JSON so a new column on the server needs no replica migration.
 */
export class Replica {
  private readonly db: Database.Database;
  readonly outbox: Outbox;
  readonly handoffDrafts: HandoffDrafts;
  /** Replies and notes being written, with staged macro actions and attached files (docs/ticket-view.md). */
  readonly ticketDrafts: TicketDrafts;
  /** Requesters' assets and the remote tools' settings, read from the replica (offline too). */
  readonly remote: RemoteReplica;
  /** Articles suggested for a ticket (offline too). */
  readonly knowledge: KnowledgeReplica;
  /** The tray's counts and ticket links' lookups. */
  readonly desktop: DesktopReplica;
  /** The agent's saved queue views, and the tickets' full-text index (docs/queue.md). */
  readonly views: SavedViews;
  readonly ticketSearch: TicketSearch;
  /** What tickets.list answers: the queue's columns of every ticket. */
  readonly queueRows: QueueRows;
  private readonly write: ReturnType<typeof prepareWrites>;
  private compiledPolicy: { row: string; policy: CompiledPolicy } | null = null;

  constructor(file: string) {
    this.db = new Database(file);
    try {
      // Only a new, empty file takes this (a replica already in WAL mode keeps its size). With 4 KB
      // pages a ticket row of ~1.5 KB fills a page with two or three rows; 16 KB pages halve the time a
      // first sync spends writing (measured in tmp benchmarks: 85k → 200k rows/s).
      this.db.pragma('page_size = 16384');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('cache_size = -65536');
      // Checkpointing every 4 MB (the default) copies the same B-tree pages out again and again while
      // a large sync writes; every 100 MB makes a first sync three times faster, and the WAL file is
      // cut back afterwards.
      this.db.pragma('wal_autocheckpoint = 25000');
      this.db.pragma('journal_size_limit = 67108864');
      const check = this.db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`replica failed its integrity check: ${String(check)}`);
      this.migrate();
      this.ticketSearch = new TicketSearch(this.db);
      this.queueRows = new QueueRows(this.db);
      this.endBulkLoad();
      this.write = prepareWrites(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.outbox = new Outbox(this.db, { get: (key) => this.getState(key), set: (key, value) => this.setState(key, value) });
    this.handoffDrafts = new HandoffDrafts(this.db);
    this.ticketDrafts = new TicketDrafts(this.db);
    this.remote = new RemoteReplica(this.db);
    this.knowledge = new KnowledgeReplica(this.db);
    this.desktop = new DesktopReplica(this.db);
    this.views = new SavedViews(this.db);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > replicaMigrations.length) throw new Error(`replica schema ${version} is newer than this console knows (${replicaMigrations.length})`);
    for (let next = version; next < replicaMigrations.length; next++) {
      this.db.transaction(() => {
        this.db.exec(replicaMigrations[next]!);
        this.db.pragma(`user_version = ${next + 1}`);
      })();
    }
  }

  getState(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setState(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** How far each scope has been pulled; kept as one value so a page and its cursors commit together. */
  cursors(): Cursors {
    const saved = this.getState('cursors');
    return saved === null ? {} : CursorsSchema.parse(JSON.parse(saved));
  }

  /**
   * A page of changes and the cursor that follows it commit together: a crash half-way leaves the old
   * cursor, and re-applying the page is harmless because every change is an idempotent upsert or delete.
   */
  private applyPage(changes: readonly StoredChange[], cursors: Cursors): AppliedChanges {
    const ticketIds = new Set<string>();
    let queuesChanged = false;
    let rotaChanged = false;
    let agentsChanged = false;
    let remoteChanged = false;
    let knowledgeChanged = false;
    let viewsChanged = false;
    const handoffIds = new Set<string>();
    const escalationIds = new Set<string>();
    this.db.transaction(() => {
      for (const change of changes) {
        if (change.entity === 'queue') queuesChanged = true;
        if (isRotaEntity(change.entity)) rotaChanged = true;
        if (change.entity === 'agent') agentsChanged = true;
        if (change.entity === 'view') viewsChanged = true;
        if (change.entity === 'asset' || change.entity === 'remoteSettings') remoteChanged = true;
        if (change.entity === 'macro' || change.entity === 'article') knowledgeChanged = true;
        if (change.entity === 'handoff') handoffIds.add(change.id);
        if (change.entity === 'escalation') escalationIds.add(change.id);
        this.applyChange(change, ticketIds);
      }
      this.ticketSearch.reindex(ticketIds);
      this.queueRows.refresh(ticketIds);
      this.setState('cursors', JSON.stringify(cursors));
    })();
    return { ticketIds: [...ticketIds], queuesChanged, handoffIds: [...handoffIds], escalationIds: [...escalationIds], rotaChanged, agentsChanged, remoteChanged, knowledgeChanged, viewsChanged };
  }

  /**
   * Applies changes pushed to one scope's room if this replica holds everything of that scope before
   * them; answers null when it does not (it missed something, or never pulled the scope), and the
   * caller pulls instead. Changes it already has are skipped, so a push that races a pull is harmless.
   */
  applyPushed(scope: string, prevSeq: number, lastSeq: number, changes: readonly StoredChange[]): AppliedChanges | null {
    return this.db.transaction(() => {
      const cursors = this.cursors();
      const held = cursors[scope];
      if (held === undefined || held < prevSeq) return null;
      if (held >= lastSeq) return nothingApplied;
      return this.applyPage(
        changes.filter((change) => change.seq > held),
        { ...cursors, [scope]: lastSeq },
      );
    })();
  }

  private applyChange(change: StoredChange, ticketIds: Set<string>): void {
    const write = this.write;
    if (change.op === 'delete') {
      if (change.entity === 'ticket') {
        write.ticketMessagesDelete.run(change.id);
        write.ticketEventsDelete.run(change.id);
        ticketIds.add(change.id);
      }
      if (change.entity === 'article') write.articleIndexDelete.run(change.id);
      if (change.entity === 'handoff') write.handoffIndexDelete.run(change.id);
      if (change.entity === 'escalation') write.escalationPeopleDelete.run(change.id);
      write.delete[change.entity].run(change.id);
      return;
    }
    switch (change.entity) {
      case 'queue':
      case 'agent':
      case 'macro':
      case 'slaPolicy':
      case 'shiftRotation':
      case 'onCallRotation':
      case 'shiftOverride':
      case 'shiftSwap':
      case 'view':
      case 'remoteSettings':
        write[change.entity].run(change.id, change.json);
        return;
      case 'asset':
        write.asset.run(change.id, change.ownerKey, change.json);
        return;
      case 'ticketEvent':
        write.ticketEvent.run(change.id, change.ticketId, change.at, change.json);
        ticketIds.add(change.ticketId);
        return;
      case 'article':
        write.article.run(change.id, change.locale, change.json);
        write.articleIndexDelete.run(change.id);
        write.articleIndex.run(change.id, change.title, change.body);
        return;
      case 'ticket':
        write.ticket.run(change.id, change.queueId, change.number, change.json);
        ticketIds.add(change.id);
        return;
      case 'message':
        write.message.run(change.id, change.ticketId, change.createdAt, change.json);
        ticketIds.add(change.ticketId);
        return;
      case 'handoff':
        write.handoff.run(change.id, change.queueId, change.createdAt, change.json);
        write.handoffIndexDelete.run(change.id);
        write.handoffIndex.run(change.id, change.authorName, change.body);
        return;
      case 'escalation':
        write.escalation.run(change.id, change.ticketId, change.escalatedAt, change.json);
        write.escalationPeopleDelete.run(change.id);
        for (const userId of change.people) write.escalationPerson.run(userId, change.id);
        return;
    }
  }

  listQueues(): Queue[] {
    return this.allRows('queues', QueueSchema);
  }

  listAgents(): Agent[] {
    return this.allRows('agents', AgentSchema);
  }

  /** The SLA policy in force, compiled once per version: its calendars keep what they have computed. */
  slaPolicy(): CompiledPolicy | null {
    const row = this.db.prepare("SELECT row FROM sla_policy WHERE id = 'current'").pluck().get() as string | undefined;
    if (row === undefined) return null;
    if (this.compiledPolicy?.row !== row) this.compiledPolicy = { row, policy: compilePolicy(ReplicatedPolicySchema.parse(JSON.parse(row)).policy) };
    return this.compiledPolicy.policy;
  }

  /** The rota as the server last sent it, for working out shifts offline. */
  rotaFacts(): RotaFacts {
    const rows = <T>(table: string, schema: { parse(value: unknown): T }) => (this.db.prepare(`SELECT row FROM ${table} ORDER BY id`).pluck().all() as string[]).map((row) => schema.parse(JSON.parse(row)));
    return {
      rotations: rows('shift_rotations', ShiftRotationSchema),
      onCallRotations: rows('on_call_rotations', OnCallRotationSchema),
      overrides: rows('shift_overrides', ShiftOverrideSchema),
      swaps: rows('shift_swaps', ShiftSwapSchema),
    };
  }

  listMacros(): Macro[] {
    return this.allRows('macros', MacroSchema);
  }

  getArticle(id: string): Article | null {
    const row = this.db.prepare('SELECT row FROM articles WHERE id = ?').pluck().get(id) as string | undefined;
    return row === undefined ? null : ArticleSchema.parse(JSON.parse(row));
  }

  /**
   * Full-text search of the knowledge base, best matches first. Every word the agent typed must
   * appear (as a word prefix, so "passw" finds "password"); FTS5 syntax in the input is inert.
   */
  searchArticles(query: string, locale: string | undefined, limit = 20): ArticleHit[] {
    const match = fullTextQuery(query);
    if (match === null) return [];
    const rows = this.db
      .prepare(
        `SELECT a.row AS row, snippet(articles_fts, 2, '', '', '…', 16) AS snippet
         FROM articles_fts JOIN articles a ON a.id = articles_fts.id
         WHERE articles_fts MATCH ? AND (? IS NULL OR a.locale = ?)
         ORDER BY bm25(articles_fts, 0, 5, 1) LIMIT ?`,
      )
      .all(match, locale ?? null, locale ?? null, limit) as { row: string; snippet: string }[];
    return rows.map((r) => {
      const article = ArticleSchema.parse(JSON.parse(r.row));
      return { id: article.id, title: article.title, locale: article.locale, isPublic: article.isPublic, snippet: r.snippet };
    });
  }

  private allRows<T>(table: 'queues' | 'agents' | 'macros', schema: { parse(value: unknown): T }): T[] {
    return (this.db.prepare(`SELECT row FROM ${table} ORDER BY id`).pluck().all() as string[]).map((row) => schema.parse(JSON.parse(row)));
  }

  /** Tickets as the agent sees them: the overlay's row where this console has unconfirmed changes. */
  listTickets(): Ticket[] {
    const rows = this.db.prepare(`SELECT ${seenRow} AS row FROM ${seenTickets} ORDER BY t.number DESC`).all() as { row: string }[];
    return rows.map((r) => TicketSchema.parse(JSON.parse(r.row)));
  }

  getTicket(id: string): LocalTicketDetail | null {
    const ticket = this.db.prepare(`SELECT ${seenRow} AS row FROM ${seenTickets} WHERE t.id = ?`).get(id) as
      | { row: string }
      | undefined;
    if (!ticket) return null;
    const messages = this.db.prepare('SELECT row FROM messages WHERE ticket_id = ? ORDER BY created_at').all(id) as { row: string }[];
    const pending = this.db.prepare('SELECT id, row FROM overlay_messages WHERE ticket_id = ? ORDER BY created_at').all(id) as { id: string; row: string }[];
    return {
      ticket: TicketSchema.parse(JSON.parse(ticket.row)),
      messages: [...messages, ...pending].map((m) => MessageSchema.parse(JSON.parse(m.row))).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      pendingMessageIds: pending.map((m) => m.id),
      events: ticketHistory(this.db, id),
    };
  }

  /**
   * Shift handoff notes, newest first: the replica's, with this console's unconfirmed notes and
   * acknowledgements on top.
   */
  listHandoffs(limit: number): LocalHandoffNote[] {
    return this.handoffView('', {}, limit);
  }

  /**
   * Notes whose author or text has every word of the query (as word prefixes), newest first, as
   * listHandoffs shows them: the replica's notes and those written here are both indexed.
   */
  searchHandoffs(query: string, limit: number): LocalHandoffNote[] {
    const match = fullTextQuery(query);
    if (match === null) return [];
    const matching = 'id IN (SELECT id FROM handoffs_fts WHERE handoffs_fts MATCH @match UNION ALL SELECT id FROM overlay_handoffs_fts WHERE overlay_handoffs_fts MATCH @match)';
    return this.handoffView(`AND ${matching}`, { match }, limit);
  }

  private handoffView(where: string, params: Record<string, string>, limit: number): LocalHandoffNote[] {
    const rows = this.db
      .prepare(
        `SELECT row, created_at, written, acknowledged FROM overlay_handoffs WHERE 1 ${where}
         UNION ALL
         SELECT row, created_at, 0, 0 FROM handoffs h WHERE NOT EXISTS (SELECT 1 FROM overlay_handoffs o WHERE o.id = h.id) ${where}
         ORDER BY created_at DESC LIMIT @limit`,
      )
      .all({ ...params, limit }) as { row: string; written: number; acknowledged: number }[];
    return rows.map(localHandoff);
  }

  /** Whether the replica holds a note by the author that hands over that shift. */
  findHandover(authorId: string, shift: HandedOverShift): boolean {
    const found = this.db
      .prepare(
        `SELECT 1 FROM handoffs WHERE json_extract(row, '$.authorId') = ? AND json_extract(row, '$.handover.rotationId') = ?
         AND json_extract(row, '$.handover.shiftId') = ? AND json_extract(row, '$.handover.end') = ?`,
      )
      .get(authorId, shift.rotationId, shift.shiftId, new Date(shift.end).toISOString());
    return found !== undefined;
  }

  getHandoff(id: string): LocalHandoffNote | null {
    const overlaid = this.db.prepare('SELECT row, written, acknowledged FROM overlay_handoffs WHERE id = ?').get(id) as { row: string; written: number; acknowledged: number } | undefined;
    const row = overlaid ?? (this.db.prepare('SELECT row, 0 AS written, 0 AS acknowledged FROM handoffs WHERE id = ?').get(id) as typeof overlaid);
    return row ? localHandoff(row) : null;
  }

  /**
   * Escalations that concern the user personally (see involvedUserIds), newest first: the replica's,
   * with this console's unconfirmed escalations, acknowledgements and declines on top. `exhausted`
   * adds every escalation whose ladder ran out: a supervisor's, as they are the ones told.
   */
  listMyEscalations(userId: string, limit: number, options: { exhausted?: boolean } = {}): LocalEscalation[] {
    return this.overlaidEscalations(
      `SELECT row, escalated_at, escalated, acknowledged, declined FROM overlay_escalations
       UNION ALL
       SELECT e.row, e.escalated_at, 0, 0, 0 FROM escalations e
       WHERE (e.id IN (SELECT escalation_id FROM escalation_people WHERE user_id = @userId)
              OR (@exhausted = 1 AND json_extract(e.row, '$.state') = 'exhausted'))
         AND NOT EXISTS (SELECT 1 FROM overlay_escalations o WHERE o.id = e.id)
       ORDER BY escalated_at DESC LIMIT @limit`,
      { userId, exhausted: options.exhausted ? 1 : 0, limit },
    );
  }

  /** Every escalation the replica holds, newest first, as listMyEscalations shows them (a handoff's lists pick from them). */
  listEscalations(limit: number): LocalEscalation[] {
    return this.overlaidEscalations(
      `SELECT row, escalated_at, escalated, acknowledged, declined FROM overlay_escalations
       UNION ALL
       SELECT row, escalated_at, 0, 0, 0 FROM escalations e WHERE NOT EXISTS (SELECT 1 FROM overlay_escalations o WHERE o.id = e.id)
       ORDER BY escalated_at DESC LIMIT @limit`,
      { limit },
    );
  }

  /** A ticket's escalations, newest first, as listMyEscalations shows them. */
  listTicketEscalations(ticketId: string): LocalEscalation[] {
    return this.overlaidEscalations(
      `SELECT row, escalated_at, escalated, acknowledged, declined FROM overlay_escalations WHERE ticket_id = @ticketId
       UNION ALL
       SELECT row, escalated_at, 0, 0, 0 FROM escalations e
       WHERE ticket_id = @ticketId AND NOT EXISTS (SELECT 1 FROM overlay_escalations o WHERE o.id = e.id)
       ORDER BY escalated_at DESC`,
      { ticketId },
    );
  }

  getEscalation(id: string): LocalEscalation | null {
    return (
      this.overlaidEscalations(
        `SELECT row, escalated, acknowledged, declined FROM overlay_escalations WHERE id = @id
         UNION ALL
         SELECT row, 0, 0, 0 FROM escalations e WHERE id = @id AND NOT EXISTS (SELECT 1 FROM overlay_escalations o WHERE o.id = e.id)`,
        { id },
      )[0] ?? null
    );
  }

  private overlaidEscalations(sql: string, params: Record<string, string | number>): LocalEscalation[] {
    const rows = this.db.prepare(sql).all(params) as { row: string; escalated: number; acknowledged: number; declined: number }[];
    return rows.map((row) => ({
      ...EscalationSchema.parse(JSON.parse(row.row)),
      pending: row.escalated === 1,
      acknowledgementPending: row.acknowledged === 1,
      declinePending: row.declined === 1,
    }));
  }

  /** Rebuilds the overlay from the client's unconfirmed mutations; answers what changed on screen. */
  refreshOverlay(clientId: string, user: User): AppliedChanges {
    return this.db.transaction(() => {
      const { ticketIds, handoffIds, escalationIds, viewsChanged } = rebuildOverlay(this.db, this.outbox.unconfirmed(clientId), user, this.slaPolicy());
      this.queueRows.refresh(ticketIds);
      return { ticketIds: [...ticketIds], queuesChanged: false, handoffIds: [...handoffIds], escalationIds: [...escalationIds], rotaChanged: false, agentsChanged: false, remoteChanged: false, knowledgeChanged: false, viewsChanged };
    })();
  }

  /**
   * Applies a pulled page, advances the cursor and, once caught up, lets confirmed mutations leave the
   * outbox and rebuilds the overlay — all in one transaction, so the screen never shows a change
   * twice (replica and overlay) or not at all.
   */
  applyPull(changes: readonly StoredChange[], cursors: Cursors, confirm: { clientId: string; lastMutationId: number; user: User } | null): AppliedChanges {
    return this.db.transaction(() => {
      const applied = this.applyPage(changes, cursors);
      if (!confirm) return applied;
      this.outbox.confirmUpTo(confirm.clientId, confirm.lastMutationId);
      return combineApplied(applied, this.refreshOverlay(confirm.clientId, confirm.user));
    })();
  }

  /**
   * Before a first sync into an empty replica, the thread indexes go and are built once at the end:
   * one sort instead of 300,000 random index inserts. Answers whether it did, and so whether the
   * caller must end the bulk load. A crash half-way leaves them missing, so opening the replica
   * always rebuilds whatever is missing.
   *
   * Meanwhile SQLite does not wait for the disk at checkpoints, which takes a third off the load. A
   * process crash loses nothing by it; a power cut may corrupt the file, which is then rebuilt from the
   * server keeping the outbox (openReplica), and a first sync has little else to lose.
   */
  beginBulkLoad(): boolean {
    if (this.db.prepare('SELECT 1 FROM tickets LIMIT 1').get() !== undefined) return false;
    this.db.exec('DROP INDEX IF EXISTS messages_ticket; DROP INDEX IF EXISTS tickets_queue; DROP INDEX IF EXISTS tickets_assignee; DROP INDEX IF EXISTS tickets_number;');
    this.db.pragma('synchronous = OFF');
    this.ticketSearch.defer();
    this.queueRows.defer();
    return true;
  }

  endBulkLoad(): void {
    this.db.exec(threadIndexes);
    this.ticketSearch.catchUp();
    this.queueRows.catchUp();
    this.db.pragma('synchronous = NORMAL');
  }

  /** Forgets what was pulled and its cursor, keeping the session's identity and every outbox. */
  resetSynced(): void {
    // Every table a change writes, so an entity added to tableOf is forgotten with the rest.
    const pulled = [...Object.values(tableOf), 'articles_fts', 'handoffs_fts', 'escalation_people', 'tickets_fts', 'queue_rows'].map((table) => `DELETE FROM ${table};`).join(' ');
    this.db.exec(`${pulled} DELETE FROM sync_state WHERE key IN ('cursors', 'epoch');`);
  }

  /**
   * Forgets everything the server sent, e.g. when another user signs in on this machine. The outbox
   * (and each user's client id) stays: what an agent wrote waits for them to sign in again.
   */
  clear(): void {
    this.resetSynced();
    this.db.exec("DELETE FROM overlay_tickets; DELETE FROM overlay_messages; DELETE FROM overlay_handoffs; DELETE FROM overlay_handoffs_fts; DELETE FROM overlay_escalations; DELETE FROM sync_state WHERE key NOT LIKE 'clientId:%' AND key NOT LIKE 'nextMutationId:%';");
  }

  /** Puts outbox rows and client state saved from a broken replica into this fresh one. */
  restore(salvage: Salvage): void {
    this.db.transaction(() => {
      for (const [key, value] of salvage.state) this.setState(key, value);
      const insert = this.db.prepare('INSERT OR IGNORE INTO outbox (client_id, id, name, args, local_id, created_at, rejection) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const row of salvage.outbox) insert.run(row.client_id, row.id, row.name, row.args, row.local_id, row.created_at, row.rejection);
      const insertDraft = this.db.prepare('INSERT OR IGNORE INTO handoff_drafts (user_id, row) VALUES (?, ?)');
      for (const draft of salvage.drafts) insertDraft.run(draft.user_id, draft.row);
    })();
  }

  close(): void {
    this.db.close();
  }
}

function localHandoff(row: { row: string; written: number; acknowledged: number }): LocalHandoffNote {
  return { ...HandoffNoteSchema.parse(JSON.parse(row.row)), pending: row.written === 1, acknowledgementPending: row.acknowledged === 1 };
}

/** Statements prepared once: applying a page is the hot path of every sync. */
function prepareWrites(db: Database.Database) {
  const upsertRow = (table: string) => db.prepare(`INSERT OR REPLACE INTO ${table} (id, row) VALUES (?, ?)`);
  return {
    queue: upsertRow('queues'),
    agent: upsertRow('agents'),
    macro: upsertRow('macros'),
    slaPolicy: upsertRow('sla_policy'),
    shiftRotation: upsertRow('shift_rotations'),
    onCallRotation: upsertRow('on_call_rotations'),
    shiftOverride: upsertRow('shift_overrides'),
    shiftSwap: upsertRow('shift_swaps'),
    view: upsertRow('queue_views'),
    remoteSettings: upsertRow('remote_settings'),
    asset: db.prepare('INSERT OR REPLACE INTO remote_assets (id, owner_key, row) VALUES (?, ?, ?)'),
    article: db.prepare('INSERT OR REPLACE INTO articles (id, locale, row) VALUES (?, ?, ?)'),
    articleIndexDelete: db.prepare('DELETE FROM articles_fts WHERE id = ?'),
    articleIndex: db.prepare('INSERT INTO articles_fts (id, title, body) VALUES (?, ?, ?)'),
    handoffIndexDelete: db.prepare('DELETE FROM handoffs_fts WHERE id = ?'),
    handoffIndex: db.prepare('INSERT INTO handoffs_fts (id, author, body) VALUES (?, ?, ?)'),
    ticket: db.prepare('INSERT OR REPLACE INTO tickets (id, queue_id, number, row) VALUES (?, ?, ?, ?)'),
    message: db.prepare('INSERT OR REPLACE INTO messages (id, ticket_id, created_at, row) VALUES (?, ?, ?, ?)'),
    handoff: db.prepare('INSERT OR REPLACE INTO handoffs (id, queue_id, created_at, row) VALUES (?, ?, ?, ?)'),
    escalation: db.prepare('INSERT OR REPLACE INTO escalations (id, ticket_id, escalated_at, row) VALUES (?, ?, ?, ?)'),
    escalationPerson: db.prepare('INSERT OR IGNORE INTO escalation_people (user_id, escalation_id) VALUES (?, ?)'),
    escalationPeopleDelete: db.prepare('DELETE FROM escalation_people WHERE escalation_id = ?'),
    ticketMessagesDelete: db.prepare('DELETE FROM messages WHERE ticket_id = ?'),
    ticketEvent: db.prepare('INSERT OR REPLACE INTO ticket_events (id, ticket_id, at, row) VALUES (?, ?, ?, ?)'),
    ticketEventsDelete: db.prepare('DELETE FROM ticket_events WHERE ticket_id = ?'),
    delete: Object.fromEntries(Object.entries(tableOf).map(([entity, table]) => [entity, db.prepare(`DELETE FROM ${table} WHERE id = ?`)])) as Record<keyof typeof tableOf, Database.Statement>,
  };
}
