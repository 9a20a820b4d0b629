import { ErrorReplySchema, LoginReplySchema, type LoginReply } from '../../../shared/api/rest.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import { SlaExplanationSchema, type SlaExplanation } from '../../../shared/sla/snapshot.js';
import type { z } from 'zod';

const TIMEOUT_MS = 10_000;

interface Call<T extends z.ZodType> {
  serverUrl: string;
  path: string;
  token?: string;
  body?: unknown;
  reply: T;
  fetchImpl?: typeof fetch;
}

/**
 * The few REST calls the core makes. Replies are validated like any other input from the network,
 * and every failure becomes a DeskError the renderer can explain: unreachable, refused, or invalid.
 */
async function call<T extends z.ZodType>({ serverUrl, path, token, body, reply, fetchImpl = fetch }: Call<T>): Promise<z.infer<T> | null> {
  let response: Response;
  try {
    response = await fetchImpl(new URL(path, serverUrl), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new DeskError('unavailable', `The server at ${serverUrl} cannot be reached`);
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return reply.parse(json);
  if (response.status === 404) return null;
  const error = ErrorReplySchema.safeParse(json);
  const message = error.success ? error.data.message : `The server answered ${response.status}`;
  throw new DeskError(response.status === 401 ? 'unauthorized' : response.status === 400 ? 'invalid_input' : 'unavailable', message);
}

export async function loginToServer(serverUrl: string, email: string, password: string, fetchImpl?: typeof fetch): Promise<LoginReply> {
  const reply = await call({ serverUrl, path: '/api/v1/auth/login', body: { email, password }, reply: LoginReplySchema, ...(fetchImpl ? { fetchImpl } : {}) });
  if (!reply) throw new DeskError('unavailable', `The server at ${serverUrl} has no login endpoint`);
  return reply;
}

export function fetchSlaExplanation(serverUrl: string, token: string, ticketId: string): Promise<SlaExplanation | null> {
  return call({ serverUrl, path: `/api/v1/tickets/${ticketId}/sla`, token, reply: SlaExplanationSchema });
}
