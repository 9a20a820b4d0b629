import { useRef, useState } from 'react';
import { DeskError } from '../../../shared/desk-api/errors.js';
import { errorMessage } from './format.js';

/** Why something only the server can do did not happen: it is away (the usual case at night), or it refused. */
export type ServerFailure = { kind: 'offline' } | { kind: 'failed'; message: string };

export function serverFailure(error: unknown): ServerFailure {
  return error instanceof DeskError && error.code === 'unavailable' ? { kind: 'offline' } : { kind: 'failed', message: errorMessage(error) };
}

/**
 * One button's request to the server (a download, a revoke, a save): busy while it runs, a second press
 * meanwhile does nothing, and a failure stays on screen until the next try. `run` answers with the
 * action's result, or null when it failed (or was already running).
 */
export function useServerAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ServerFailure | null>(null);
  const running = useRef(false);

  async function run<T>(action: () => Promise<T>): Promise<{ value: T } | null> {
    if (running.current) return null;
    running.current = true;
    setBusy(true);
    setFailure(null);
    try {
      return { value: await action() };
    } catch (error) {
      setFailure(serverFailure(error));
      return null;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return { busy, failure, run };
}
