import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Mailbox, MailboxCreateBodySchema, MailboxPatchBodySchema } from '../../../shared/admin/mailboxes.js';
import type { z } from 'zod';
import type { ServerDb } from '../../storage/database.js';
import type { Database } from '../../storage/schema.js';

type Row = Database['mailboxes'];

/** Why a mailbox cannot be saved as asked; `field` names what to fix. */
export class MailboxError extends Error {
  constructor(
    readonly field: 'name' | 'queueId',
    message: string,
  ) {
    super(message);
  }
}

/** The poll's cursor moved under it (another poll, a deleted or re-pointed mailbox): its write must not stand. */
export class CursorMoved extends Error {}

export function mailboxFromRow(row: Row): Mailbox {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    secure: row.secure === 1,
    username: row.username,
    folder: row.folder,
    queueId: row.queue_id,
    enabled: row.enabled === 1,
    uidValidity: row.uid_validity,
    lastUid: row.last_uid,
    lastPolledAt: row.last_polled_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

export async function listMailboxes(db: ServerDb): Promise<Mailbox[]> {
  return (await db.selectFrom('mailboxes').selectAll().orderBy('name').execute()).map(mailboxFromRow);
}

export async function findMailboxRow(db: ServerDb, id: string): Promise<Row | undefined> {
  return db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createMailbox(db: ServerDb, body: z.output<typeof MailboxCreateBodySchema>, at: string): Promise<Mailbox> {
  await checkFields(db, body, null);
  const row: Row = {
    id: randomUUID(),
    name: body.name,
    host: body.host,
    port: body.port,
    secure: body.secure ? 1 : 0,
    username: body.username,
    password: body.password,
    folder: body.folder,
    queue_id: body.queueId,
    uid_validity: null,
    last_uid: 0,
    enabled: body.enabled ? 1 : 0,
    last_polled_at: null,
    last_error: null,
    created_at: at,
  };
  await db.insertInto('mailboxes').values(row).execute();
  return mailboxFromRow(row);
}

/**
 * Another host, user or folder is another mailbox: its cursor starts again (at the oldest unread
 * message), and a mail it shares with the old one is known by its Message-ID and not taken twice.
 */
export async function updateMailbox(db: ServerDb, id: string, patch: z.output<typeof MailboxPatchBodySchema>): Promise<Mailbox | null> {
  const current = await findMailboxRow(db, id);
  if (!current) return null;
  await checkFields(db, patch, id);
  const elsewhere = (['host', 'port', 'username', 'folder'] as const).some((field) => patch[field] !== undefined && patch[field] !== current[field]);
  const changes: Partial<Row> = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.host !== undefined ? { host: patch.host } : {}),
    ...(patch.port !== undefined ? { port: patch.port } : {}),
    ...(patch.secure !== undefined ? { secure: patch.secure ? 1 : 0 } : {}),
    ...(patch.username !== undefined ? { username: patch.username } : {}),
    ...(patch.password !== undefined ? { password: patch.password } : {}),
    ...(patch.folder !== undefined ? { folder: patch.folder } : {}),
    ...(patch.queueId !== undefined ? { queue_id: patch.queueId } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
    ...(elsewhere ? { uid_validity: null, last_uid: 0 } : {}),
    // New settings deserve a poll at once, not after the back-off of the old error.
    last_error: null,
  };
  await db.updateTable('mailboxes').set(changes).where('id', '=', id).execute();
  return mailboxFromRow((await findMailboxRow(db, id))!);
}

export async function deleteMailbox(db: ServerDb, id: string): Promise<Mailbox | null> {
  const row = await findMailboxRow(db, id);
  if (!row) return null;
  await db.deleteFrom('mailboxes').where('id', '=', id).execute();
  return mailboxFromRow(row);
}

async function checkFields(db: ServerDb, fields: { name?: string; queueId?: string }, id: string | null): Promise<void> {
  if (fields.queueId !== undefined && !(await db.selectFrom('queues').select('id').where('id', '=', fields.queueId).executeTakeFirst())) {
    throw new MailboxError('queueId', `queueId: no queue "${fields.queueId}"`);
  }
  if (fields.name !== undefined) {
    const same = await db.selectFrom('mailboxes').select('id').where('name', '=', fields.name).executeTakeFirst();
    if (same && same.id !== id) throw new MailboxError('name', `name: a mailbox called "${fields.name}" exists already`);
  }
}

/**
 * Starts the cursor over for a folder read for the first time, or rebuilt (its UIDVALIDITY changed).
 * Conditional on the validity it replaces, so two polls cannot both restart it.
 */
export async function restartCursor(db: ServerDb, row: Row, uidValidity: string, lastUid: number): Promise<void> {
  const result = await db
    .updateTable('mailboxes')
    .set({ uid_validity: uidValidity, last_uid: lastUid })
    .where('id', '=', row.id)
    .where('uid_validity', row.uid_validity === null ? 'is' : '=', row.uid_validity)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new CursorMoved(`mailbox "${row.name}" changed while it was being read`);
}

/**
 * Moves the cursor past a message, in the transaction that took it in: the message and the cursor
 * commit together or not at all. Refuses (and so rolls the message back) when another poll got there first.
 */
export async function advanceCursor(trx: Transaction<Database>, row: Row, uidValidity: string, uid: number): Promise<void> {
  const result = await trx
    .updateTable('mailboxes')
    .set({ last_uid: uid })
    .where('id', '=', row.id)
    .where('uid_validity', '=', uidValidity)
    .where('last_uid', '<', uid)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new CursorMoved(`mailbox "${row.name}" was read past UID ${uid} by another poll`);
}

export async function recordPoll(db: ServerDb, id: string, at: string, error: string | null): Promise<void> {
  await db.updateTable('mailboxes').set({ last_polled_at: at, last_error: error }).where('id', '=', id).execute();
}
