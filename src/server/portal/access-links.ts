import { randomBytes, randomUUID } from 'node:crypto';
import { isoNow } from '../../shared/clock.js';
import { renderTemplate, type CustomerLocale } from '../../shared/notifications/templates.js';
import { hashToken } from '../auth/sessions.js';
import type { ServerContext } from '../context.js';
import { findRequester, isDeliverable, normaliseEmail } from '../intake/customers/requesters.js';
import { formatAnswerTime } from '../notifications/expected-answer.js';
import { templateFor } from '../notifications/template-store.js';
import { enqueueOutbound } from '../outbound/outbound-queue.js';

/** Long enough to reach the mailbox on a slow relay, short enough that an old mail is no key. */
export const LINK_MINUTES = 60;
/** More requests than this an hour for one address are answered as usual but send nothing: no mail-bombing a customer. */
export const LINKS_PER_HOUR = 5;

/**
 * Mails a sign-in link to an address that has written to the desk. The caller answers the same
 * whatever happens here, so the page never tells a stranger which addresses are customers.
 */
export async function sendAccessLink(context: ServerContext, address: string, locale: CustomerLocale): Promise<void> {
  const email = normaliseEmail(address);
  if (!isDeliverable(email)) return;
  const now = context.clock.now();
  const at = isoNow(context.clock);
  await context.db.transaction().execute(async (trx) => {
    const ticket = await trx.selectFrom('tickets').select('requester_name').where('requester_email', '=', email).orderBy('created_at', 'desc').executeTakeFirst();
    if (!ticket) return;
    const recent = await trx
      .selectFrom('portal_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', email)
      .where('created_at', '>', new Date(now - 3_600_000).toISOString())
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= LINKS_PER_HOUR) return;

    const token = randomBytes(32).toString('base64url');
    const expires = now + LINK_MINUTES * 60_000;
    await trx.insertInto('portal_links').values({ token_hash: hashToken(token), email, created_at: at, expires_at: new Date(expires).toISOString(), used_at: null }).execute();
    const template = await templateFor(trx, 'portal.link', locale);
    const values = {
      'requester.name': (await findRequester(trx, email))?.name ?? ticket.requester_name,
      'link.url': `${context.links.portalUrl()}/link/${token}`,
      'link.expires': formatAnswerTime(expires, 'UTC', locale),
    };
    await enqueueOutbound(
      trx,
      {
        ticketId: null,
        kind: 'portal.link',
        channel: 'email',
        to: email,
        subject: renderTemplate(template.subject, values),
        body: renderTemplate(template.body, values),
        headers: { messageId: `${randomUUID()}@${context.notifier.mailDomain}` },
      },
      at,
    );
  });
  // Wakes the outbound queue: the customer is waiting for this mail.
  context.feed.committed();
}

/** Whether a link can still sign someone in; looking does not use it up. */
export async function accessLinkUsable(context: ServerContext, token: string): Promise<boolean> {
  const row = await context.db.selectFrom('portal_links').select(['expires_at', 'used_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row !== undefined && row.used_at === null && row.expires_at > isoNow(context.clock);
}

/** Uses a link up and answers whose it was; null for a link unknown, expired or already used. */
export async function redeemAccessLink(context: ServerContext, token: string): Promise<string | null> {
  const at = isoNow(context.clock);
  // One conditional update: two tabs pressing Continue at once cannot both get in.
  const row = await context.db
    .updateTable('portal_links')
    .set({ used_at: at })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .returning('email')
    .executeTakeFirst();
  return row?.email ?? null;
}
