import type { WebhookMessage, WebhookReply } from '../../../shared/intake/webhook.js';
import { isoNow } from '../../../shared/clock.js';
import { placeholderAddress } from '../../../shared/domain/requester-address.js';
import type { ServerContext } from '../../context.js';
import { HttpError } from '../../http/errors.js';
import { IntakeRefusal } from '../attachments.js';
import { receiveCustomerMessage } from '../customer-intake.js';
import type { Integration } from '../integrations.js';
import { TicketStoreError } from '../../tickets/ticket-store.js';

/**
 * A webhook post becomes a customer message. The integration and the source's conversation id make
 * the thread key, so two bridges cannot write into each other's tickets. An author without an email
 * gets a placeholder address the desk never writes to; the acknowledgement comes back in the answer.
 */
export async function receiveWebhook(context: ServerContext, integration: Integration, post: WebhookMessage): Promise<WebhookReply> {
  const refSource = `webhook:${integration.id}`;
  const ref = `${post.source}:${post.conversationId}`;
  const email = post.author.email ?? placeholderEmail(post);
  try {
    const outcome = await context.db.transaction().execute(async (trx) => {
      const known = await trx.selectFrom('external_refs').select('ticket_id').where('source', '=', refSource).where('ref', '=', ref).executeTakeFirst();
      const result = await receiveCustomerMessage(context, trx, {
        channel: post.channel,
        from: { email, name: post.author.name, ...(post.author.locale ? { locale: post.author.locale } : {}) },
        subject: post.subject ?? `${post.source}: ${post.text.split('\n')[0]!.slice(0, 120)}`,
        body: post.text,
        attachments: post.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, data: Buffer.from(a.contentBase64, 'base64') })),
        original: { contentType: 'application/json', data: Buffer.from(JSON.stringify(post)) },
        ticketId: known?.ticket_id ?? null,
        acknowledge: true,
        ...(post.queueId ? { queueId: post.queueId } : {}),
        ...(post.priority ? { priority: post.priority } : {}),
        ...(post.type ? { type: post.type } : {}),
      });
      const at = isoNow(context.clock);
      await trx
        .insertInto('external_refs')
        .values({ source: refSource, ref, ticket_id: result.ticket.id, updated_at: at })
        .onConflict((oc) => oc.columns(['source', 'ref']).doUpdateSet({ ticket_id: result.ticket.id, updated_at: at }))
        .execute();
      return result;
    });
    context.feed.committed();
    const ack = outcome.acknowledgement;
    return { ticketId: outcome.ticket.id, number: outcome.ticket.number, created: outcome.created, acknowledgement: ack ? { subject: ack.subject, body: ack.body, answerBy: ack.answerBy, locale: ack.locale } : null };
  } catch (error) {
    if (error instanceof IntakeRefusal) throw new HttpError(413, 'too_large', `body.attachments: ${error.message}`);
    if (error instanceof TicketStoreError) throw new HttpError(400, 'invalid_request', `body.${error.message}`);
    throw error;
  }
}

function placeholderEmail(post: WebhookMessage): string {
  const who = (post.author.handle ?? post.author.name).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'customer';
  const where = post.source.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'webhook';
  return placeholderAddress(who, where);
}
