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
];
