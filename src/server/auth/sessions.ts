import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import type { ServerDb } from '../storage/database.js';

/** Long enough to outlast a night shift and a weekend offline; a lost laptop is revoked by deleting rows. */
const SESSION_DAYS = 30;

/** Only a hash is stored, so a copy of the database does not hand out live tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: ServerDb, clock: Clock, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + SESSION_DAYS * 86_400_000).toISOString(),
    })
    .execute();
  return token;
}

export async function userIdForToken(db: ServerDb, clock: Clock, token: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= clock.now()) return null;
  return row.user_id;
}
