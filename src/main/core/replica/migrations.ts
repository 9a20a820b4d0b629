/**
 * The replica's own numbered migrations, tracked in SQLite's user_version. Released entries are never
 * edited; a change is a new entry at the end.
 */
export const replicaMigrations: readonly string[] = [
  `
  CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE queues (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    queue_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    row TEXT NOT NULL
  );
  CREATE INDEX tickets_queue ON tickets (queue_id);
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    row TEXT NOT NULL
  );
  CREATE INDEX messages_ticket ON messages (ticket_id, created_at);
  `,
  // The outbox belongs to the client of one user, so a shared machine never sends one agent's
  // changes as another's; overlay tables hold their optimistic effects, rebuilt from the outbox.
  `
  CREATE TABLE outbox (
    client_id TEXT NOT NULL,
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    local_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    rejection TEXT,
    PRIMARY KEY (client_id, id)
  );
  CREATE TABLE overlay_tickets (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE TABLE overlay_messages (id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, created_at TEXT NOT NULL, row TEXT NOT NULL);
  CREATE INDEX overlay_messages_ticket ON overlay_messages (ticket_id, created_at);
  `,
  // Shared data every console keeps: colleagues, macros, and the knowledge base with a full-text
  // index, so an agent on a train can still search it.
  `
  CREATE TABLE agents (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE TABLE macros (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE TABLE articles (id TEXT PRIMARY KEY, locale TEXT NOT NULL, row TEXT NOT NULL);
  CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
  `,
  // Cursors became one per scope. What was pulled under the single cursor is dropped and pulled
  // again; the outbox and each user's client id stay.
  `
  DELETE FROM messages; DELETE FROM tickets; DELETE FROM queues; DELETE FROM agents; DELETE FROM macros;
  DELETE FROM articles; DELETE FROM articles_fts;
  DELETE FROM sync_state WHERE key IN ('cursor', 'epoch');
  `,
  // Shift handoff notes, and their overlay: notes written here and acknowledgements made here that
  // the server has not confirmed yet. Notes arrive as new changes, so nothing needs pulling again.
  `
  CREATE TABLE handoffs (id TEXT PRIMARY KEY, queue_id TEXT, created_at TEXT NOT NULL, row TEXT NOT NULL);
  CREATE INDEX handoffs_created ON handoffs (created_at);
  CREATE TABLE overlay_handoffs (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    row TEXT NOT NULL,
    written INTEGER NOT NULL,
    acknowledged INTEGER NOT NULL
  );
  `,
  // The SLA policy in force (one row), so an offline status change can pause or restart a countdown.
  `
  CREATE TABLE sla_policy (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  `,
  // Escalations, with the people each concerns (so "mine" is an index lookup), and their overlay:
  // escalations raised, acknowledged or declined here that the server has not confirmed yet.
  `
  CREATE TABLE escalations (id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, escalated_at TEXT NOT NULL, row TEXT NOT NULL);
  CREATE INDEX escalations_ticket ON escalations (ticket_id, escalated_at);
  CREATE TABLE escalation_people (user_id TEXT NOT NULL, escalation_id TEXT NOT NULL, PRIMARY KEY (user_id, escalation_id));
  CREATE INDEX escalation_people_escalation ON escalation_people (escalation_id);
  CREATE TABLE overlay_escalations (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    escalated_at TEXT NOT NULL,
    row TEXT NOT NULL,
    escalated INTEGER NOT NULL,
    acknowledged INTEGER NOT NULL,
    declined INTEGER NOT NULL
  );
  `,
  // The rota (shift rotations, on-call rotations, overrides and swaps), so the console knows who is
  // on shift and on call with the server out of reach. Rows arrive as new changes: nothing to re-pull.
  `
  CREATE TABLE shift_rotations (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE TABLE on_call_rotations (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE TABLE shift_overrides (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE TABLE shift_swaps (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  `,
  // Shift handoff: the note each agent is writing, kept here and not only on screen so a restart
  // loses none of it (per user, and kept when another user signs in, like the outbox); and full-text
  // indexes of the notes, the replica's and those written here not yet confirmed, so notes are
  // searchable offline. Notes already held are indexed at once.
  `
  CREATE TABLE handoff_drafts (user_id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE VIRTUAL TABLE handoffs_fts USING fts5(id UNINDEXED, author, body, tokenize = 'unicode61 remove_diacritics 2');
  INSERT INTO handoffs_fts (id, author, body) SELECT id, json_extract(row, '$.authorName'), json_extract(row, '$.body') FROM handoffs;
  CREATE VIRTUAL TABLE overlay_handoffs_fts USING fts5(id UNINDEXED, author, body, tokenize = 'unicode61 remove_diacritics 2');
  `,
  // Remote assistance (issue 7): requesters' assets, found by owner (a requester's e-mail, or @domain
  // for an organisation's), and the admins' remote tools and allowlist (one row, 'current').
  `
  CREATE TABLE remote_assets (id TEXT PRIMARY KEY, owner_key TEXT NOT NULL, row TEXT NOT NULL);
  CREATE INDEX remote_assets_owner ON remote_assets (owner_key);
  CREATE TABLE remote_settings (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  `,
  // Ticket view (issue 7): each ticket's history (who changed what, when), shown in its thread offline;
  // and the reply or note each agent is writing per ticket, with the macro actions staged on it and the
  // files attached (their bytes here, not only on screen), so a restart loses none of it.
  `
  CREATE TABLE ticket_events (id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, at TEXT NOT NULL, row TEXT NOT NULL);
  CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at);
  CREATE TABLE ticket_drafts (user_id TEXT NOT NULL, ticket_id TEXT NOT NULL, row TEXT NOT NULL, PRIMARY KEY (user_id, ticket_id));
  CREATE TABLE draft_files (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, ticket_id TEXT NOT NULL, data BLOB NOT NULL);
  `,
  // Queues (issue 7, Q): the agent's saved views and their overlay (a row of NULL is a deletion made
  // here), and a full-text index of tickets (rowid = ticket number; see ticket-search.ts), built at
  // once from the tickets and messages already held.
  `
  CREATE TABLE queue_views (id TEXT PRIMARY KEY, row TEXT NOT NULL);
  CREATE TABLE overlay_queue_views (id TEXT PRIMARY KEY, row TEXT);
  CREATE VIRTUAL TABLE tickets_fts USING fts5(id UNINDEXED, number, subject, requester, tags, messages, tokenize = 'unicode61 remove_diacritics 2');
  INSERT INTO sync_state (key, value) VALUES ('ticketSearchStale', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  `,
  // Queue speed (issue 7): the queue's columns of every ticket as the agent sees it, so that listing
  // 100,000 tickets reads small columns rather than every ticket's JSON (queue-rows.ts). Made from the
  // tickets already held at the next start.
  `
  CREATE TABLE queue_rows (
    id TEXT PRIMARY KEY,
    queue_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    subject TEXT NOT NULL,
    requester_name TEXT NOT NULL,
    requester_email TEXT NOT NULL,
    assignee_id TEXT,
    choices INTEGER NOT NULL,
    due_ms INTEGER,
    warn_ms INTEGER,
    sla_order INTEGER NOT NULL
  );
  CREATE INDEX queue_rows_queue ON queue_rows (queue_id);
  INSERT INTO sync_state (key, value) VALUES ('queueRowsStale', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  `,
];
