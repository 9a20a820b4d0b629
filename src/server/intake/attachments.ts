import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AttachmentMeta } from '../../shared/domain/ticket.js';
import type { Database } from '../storage/schema.js';

/** Per file and per message: mail servers commonly refuse more than 25 MB, so nothing legitimate is lost. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

export interface IncomingFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface IncomingOriginal {
  contentType: string;
  data: Buffer;
}

/** Why a message cannot be taken in as it is; channels answer 4xx or quarantine it with this reason. */
export class IntakeRefusal extends Error {}

/** Names a file keeps on disk when downloaded: no paths, no control characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/\p{Cc}/gu, '').trim();
  return base.slice(0, 200) || 'attachment';
}

/** Checks the files and gives each its id, before the message that lists them is written. */
export function describeAttachments(files: readonly IncomingFile[]): { meta: AttachmentMeta; file: IncomingFile }[] {
  if (files.length > MAX_ATTACHMENTS) throw new IntakeRefusal(`too many attachments: ${files.length} (at most ${MAX_ATTACHMENTS})`);
  return files.map((file) => {
    if (file.data.length > MAX_ATTACHMENT_BYTES) throw new IntakeRefusal(`attachment "${safeFilename(file.filename)}" is ${file.data.length} bytes (at most ${MAX_ATTACHMENT_BYTES})`);
    const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(file.contentType) ? file.contentType.toLowerCase() : 'application/octet-stream';
    return { meta: { id: randomUUID(), filename: safeFilename(file.filename), contentType, size: file.data.length }, file };
  });
}

export async function storeAttachments(trx: Transaction<Database>, ticketId: string, messageId: string, described: ReturnType<typeof describeAttachments>, at: string): Promise<void> {
  for (const { meta, file } of described) {
    await trx
      .insertInto('attachments')
      .values({ id: meta.id, ticket_id: ticketId, message_id: messageId, filename: meta.filename, content_type: meta.contentType, size: meta.size, data: file.data, created_at: at })
      .execute();
  }
}

export async function storeOriginal(trx: Transaction<Database>, ticketId: string, messageId: string, original: IncomingOriginal): Promise<void> {
  await trx.insertInto('message_originals').values({ message_id: messageId, ticket_id: ticketId, content_type: original.contentType, data: original.data }).execute();
}
