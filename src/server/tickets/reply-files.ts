import type { Transaction } from 'kysely';
import type { User } from '../../shared/domain/people.js';
import type { AttachmentMeta } from '../../shared/domain/ticket.js';
import type { Rejection } from '../../shared/sync/mutations.js';
import type { Database } from '../storage/schema.js';

/**
 * Moves the files a console uploaded for a reply or note (PUT /api/v1/uploads/:id) onto the message,
 * in the transaction that writes it. The stored names, types and sizes are the server's own, not what
 * the mutation says. A file the agent never uploaded refuses the reply, so no message claims a file
 * nobody can download.
 */
export async function claimReplyFiles(
  trx: Transaction<Database>,
  user: User,
  target: { ticketId: string; messageId: string; at: string },
  files: readonly Pick<AttachmentMeta, 'id'>[],
): Promise<{ attachments: AttachmentMeta[] } | { rejection: Rejection }> {
  if (files.length === 0) return { attachments: [] };
  const ids = files.map((file) => file.id);
  const uploads = await trx.selectFrom('uploads').selectAll().where('id', 'in', ids).where('user_id', '=', user.id).execute();
  const missing = ids.filter((id) => !uploads.some((upload) => upload.id === id));
  if (missing.length > 0) return { rejection: { code: 'invalid', field: 'attachments', message: `attachments: file ${missing[0]} was not uploaded` } };
  const inOrder = ids.map((id) => uploads.find((upload) => upload.id === id)!);
  for (const upload of inOrder) {
    await trx
      .insertInto('attachments')
      .values({ id: upload.id, ticket_id: target.ticketId, message_id: target.messageId, filename: upload.filename, content_type: upload.content_type, size: upload.size, data: upload.data, created_at: target.at })
      .execute();
  }
  await trx.deleteFrom('uploads').where('id', 'in', ids).execute();
  return { attachments: inOrder.map((upload) => ({ id: upload.id, filename: upload.filename, contentType: upload.content_type, size: upload.size })) };
}
