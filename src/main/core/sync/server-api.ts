import { ErrorReplySchema, LoginReplySchema, type LoginReply } from '../../../shared/api/rest.js';
import { DeskError } from '../../../shared/desk-api/errors.js';

/** The few REST calls the core makes; replies are validated like any other input from the network. */
export async function loginToServer(serverUrl: string, email: string, password: string, fetchImpl: typeof fetch = fetch): Promise<LoginReply> {
  let response: Response;
  try {
    response = await fetchImpl(new URL('/api/v1/auth/login', serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new DeskError('unavailable', `The server at ${serverUrl} cannot be reached`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return LoginReplySchema.parse(body);
  const error = ErrorReplySchema.safeParse(body);
  const message = error.success ? error.data.message : `The server answered ${response.status}`;
  throw new DeskError(response.status === 401 ? 'unauthorized' : response.status === 400 ? 'invalid_input' : 'unavailable', message);
}
