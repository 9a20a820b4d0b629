import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/guard.js';
import { hashToken } from '../auth/sessions.js';
import { HttpError } from '../http/errors.js';
import type { ServerDb } from '../storage/database.js';

/** The token a demo desk's integrations use, printed with the demo users; never created otherwise. */
export const DEMO_INTAKE_TOKEN = 'demo-intake-token';
/** The demo integration's webhook signing secret, printed with the token. */
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret';

export interface Integration {
  id: string;
  name: string;
  /** Kept readable (unlike the token): verifying an HMAC needs the secret itself. */
  signingSecret: string | null;
}

export async function createIntegration(db: ServerDb, name: string, token: string, createdAt: string, signingSecret: string | null = null): Promise<Integration> {
  const integration = { id: randomUUID(), name, signingSecret };
  await db
    .insertInto('integrations')
    .values({ id: integration.id, name, token_hash: hashToken(token), created_at: createdAt, revoked_at: null, signing_secret: signingSecret })
    .execute();
  return integration;
}

/** The integration whose bearer token the request carries; anything else is refused before the body is used. */
export async function requireIntegration(db: ServerDb, request: FastifyRequest): Promise<Integration> {
  const token = bearerToken(request);
  const row = token
    ? await db.selectFrom('integrations').select(['id', 'name', 'signing_secret']).where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).executeTakeFirst()
    : undefined;
  if (!row) throw new HttpError(401, 'unauthorized', 'An integration token is required (Authorization: Bearer …)');
  return { id: row.id, name: row.name, signingSecret: row.signing_secret };
}
