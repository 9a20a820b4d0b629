import { ErrorReplySchema, LoginReplySchema, type LoginReply } from '../../../shared/api/rest.js';
import type { DownloadedFile } from '../../../shared/desk-api/file-methods.js';
import { DeskError, type DeskErrorCode } from '../../../shared/desk-api/errors.js';
import { SlaExplanationSchema, type SlaExplanation } from '../../../shared/sla/snapshot.js';
import type { z } from 'zod';
import { filenameFromDisposition } from './content-disposition.js';

const TIMEOUT_MS = 10_000;
/** Attachments run to 25 MB: on a slow link the bytes need longer than an answer does. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

export interface ServerRequest {
  serverUrl: string;
  path: string;
  /** GET, or POST when there is a body. */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  token?: string;
  body?: unknown;
  fetchImpl?: typeof fetch;
}

function refusalCode(status: number): DeskErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 409) return 'invalid_input';
  return 'unavailable';
}

/**
 * One REST call. Every failure becomes a DeskError the renderer can explain: unreachable, or refused
 * with the server's own message (which names the field, or the placeholder, at fault).
 */
async function send({ serverUrl, path, method, token, body, fetchImpl = fetch }: ServerRequest, timeoutMs = TIMEOUT_MS): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(new URL(path, serverUrl), {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new DeskError('unavailable', `The server at ${serverUrl} cannot be reached`);
  }
  if (response.ok) return response;
  const error = ErrorReplySchema.safeParse(await response.json().catch(() => null));
  throw new DeskError(refusalCode(response.status), error.success ? error.data.message : `The server answered ${response.status}`);
}

/** A JSON answer, validated like any other input from the network. */
export async function requestJson<T extends z.ZodType>(request: ServerRequest & { reply: T }): Promise<z.infer<T>> {
  const response = await send(request);
  return request.reply.parse(await response.json().catch(() => null));
}

/** A file the server sends as a download, named as the server names it. */
export async function requestFile(request: ServerRequest): Promise<DownloadedFile> {
  const response = await send(request, DOWNLOAD_TIMEOUT_MS);
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch {
    throw new DeskError('unavailable', `The download from ${request.serverUrl} was cut off`);
  }
  return {
    filename: filenameFromDisposition(response.headers.get('content-disposition')) ?? 'download',
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    base64: Buffer.from(bytes).toString('base64'),
  };
}

export async function loginToServer(serverUrl: string, email: string, password: string, fetchImpl?: typeof fetch): Promise<LoginReply> {
  try {
    return await requestJson({ serverUrl, path: '/api/v1/auth/login', body: { email, password }, reply: LoginReplySchema, ...(fetchImpl ? { fetchImpl } : {}) });
  } catch (error) {
    if (error instanceof DeskError && error.code === 'not_found') throw new DeskError('unavailable', `The server at ${serverUrl} has no login endpoint`);
    throw error;
  }
}

/** Null when the server matched no rule, or no longer shows the ticket to this agent. */
export async function fetchSlaExplanation(serverUrl: string, token: string, ticketId: string): Promise<SlaExplanation | null> {
  try {
    return await requestJson({ serverUrl, path: `/api/v1/tickets/${ticketId}/sla`, token, reply: SlaExplanationSchema });
  } catch (error) {
    if (error instanceof DeskError && error.code === 'not_found') return null;
    throw error;
  }
}
