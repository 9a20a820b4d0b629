import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isoNow } from '../../shared/clock.js';
import { PortalTokenSchema } from '../../shared/portal/forms.js';
import { hashToken } from '../auth/sessions.js';
import type { ServerContext } from '../context.js';
import { cookieHeader, readCookies } from './cookies.js';

const SESSION_COOKIE = 'portal_session';
/** A customer comes back to a request over days; a week is long enough, and a stolen cookie ages out. */
const SESSION_DAYS = 7;

/** Signs the customer in on this browser: an HttpOnly cookie whose token is stored only as a hash. */
export async function startPortalSession(context: ServerContext, reply: FastifyReply, email: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = context.clock.now();
  await context.db
    .insertInto('portal_sessions')
    .values({ token_hash: hashToken(token), email, created_at: isoNow(context.clock), expires_at: new Date(now + SESSION_DAYS * 86_400_000).toISOString() })
    .execute();
  reply.header('set-cookie', cookieHeader(SESSION_COOKIE, token, { path: '/portal', maxAge: SESSION_DAYS * 86_400, httpOnly: true, secure: isSecure(context) }));
}

/** The address whose requests this browser may see, or null. */
export async function portalSessionEmail(context: ServerContext, request: FastifyRequest): Promise<string | null> {
  const token = PortalTokenSchema.safeParse(readCookies(request.headers.cookie).get(SESSION_COOKIE));
  if (!token.success) return null;
  const row = await context.db.selectFrom('portal_sessions').select(['email', 'expires_at']).where('token_hash', '=', hashToken(token.data)).executeTakeFirst();
  return row && row.expires_at > isoNow(context.clock) ? row.email : null;
}

export async function endPortalSession(context: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = readCookies(request.headers.cookie).get(SESSION_COOKIE);
  if (token) await context.db.deleteFrom('portal_sessions').where('token_hash', '=', hashToken(token)).execute();
  reply.header('set-cookie', cookieHeader(SESSION_COOKIE, '', { path: '/portal', maxAge: 0, httpOnly: true, secure: isSecure(context) }));
}

/** Behind https the cookie must never travel in clear; a plain-http desk (a LAN, tests) could not sign in with Secure set. */
function isSecure(context: ServerContext): boolean {
  return context.links.publicUrl.startsWith('https:');
}
