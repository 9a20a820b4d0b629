import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../shared/clock.js';
import type { User } from '../../shared/domain/people.js';
import type { ServerDb } from '../storage/database.js';
import { HttpError } from '../http/errors.js';
import { findUserById } from '../people/users.js';
import { userIdForToken } from './sessions.js';

/** Resolves a bearer token to its user, for HTTP and socket handshakes alike. */
export async function userForToken(db: ServerDb, clock: Clock, token: string | undefined): Promise<User | null> {
  if (!token) return null;
  const userId = await userIdForToken(db, clock, token);
  return userId ? findUserById(db, userId) : null;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

export async function requireUser(db: ServerDb, clock: Clock, request: FastifyRequest): Promise<User> {
  const user = await userForToken(db, clock, bearerToken(request));
  if (!user) throw new HttpError(401, 'unauthorized', 'A valid bearer token is required (POST /api/v1/auth/login)');
  return user;
}

/** Admin-only areas (integrations, templates, quarantine) say why a signed-in agent may not enter. */
export async function requireAdmin(db: ServerDb, clock: Clock, request: FastifyRequest, what: string): Promise<User> {
  const user = await requireUser(db, clock, request);
  if (user.role !== 'admin') throw new HttpError(403, 'forbidden', `Only admins ${what}`);
  return user;
}
