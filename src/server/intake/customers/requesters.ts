import type { Transaction } from 'kysely';
import { CustomerLocaleSchema, type CustomerLocale } from '../../../shared/notifications/templates.js';
import { isPlaceholderAddress } from '../../../shared/domain/requester-address.js';
import type { ServerDb } from '../../storage/database.js';
import type { Database } from '../../storage/schema.js';

type Reader = ServerDb | Transaction<Database>;

export interface Requester {
  email: string;
  name: string;
  locale: CustomerLocale;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Addresses the desk can write to: not the placeholders of phone callers and monitoring systems. */
export function isDeliverable(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && !isPlaceholderAddress(email);
}

export async function findRequester(reader: Reader, email: string): Promise<Requester | null> {
  const row = await reader.selectFrom('requesters').select(['email', 'name', 'locale']).where('email', '=', normaliseEmail(email)).executeTakeFirst();
  if (!row) return null;
  return { email: row.email, name: row.name, locale: CustomerLocaleSchema.catch('en').parse(row.locale) };
}

/**
 * Remembers who wrote and in which language. A language the customer chose (portal, chat) replaces
 * the one we knew; one we only guessed from their words never overrides a known one.
 */
export async function rememberRequester(trx: Transaction<Database>, input: { email: string; name: string; locale: CustomerLocale; chosen: boolean }, at: string): Promise<Requester> {
  const email = normaliseEmail(input.email);
  const known = await findRequester(trx, email);
  const locale = known && !input.chosen ? known.locale : input.locale;
  const name = input.name.trim() || known?.name || email;
  if (known) await trx.updateTable('requesters').set({ name, locale, updated_at: at }).where('email', '=', email).execute();
  else await trx.insertInto('requesters').values({ email, name, locale, created_at: at, updated_at: at }).execute();
  return { email, name, locale };
}
