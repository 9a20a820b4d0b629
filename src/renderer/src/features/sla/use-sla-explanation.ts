import { useCallback, useEffect, useState } from 'react';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import type { SlaExplanation } from '../../../../shared/sla/snapshot.js';
import { useDeskServices } from '../../services.js';
import { errorMessage } from '../../ui/format.js';

export type ExplanationView =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; explanation: SlaExplanation }
  /** The server matched no rule (the ticket's snapshot may predate that). */
  | { status: 'noRule' }
  /** Only the server can explain; the replica has the clocks but not their story. */
  | { status: 'offline' }
  | { status: 'error'; message: string };

type Answer = Exclude<ExplanationView, { status: 'idle' } | { status: 'loading' }>;

interface Landed {
  request: string;
  answer: Answer;
}

/**
 * Asks the server why the ticket's clocks say what they say, once the agent wants to know (`wanted`).
 * Asks again when the snapshot changes (a new `version`), when the agent retries, and when the desk
 * comes back online after an offline answer. Only the answer to the newest question is shown.
 */
export function useSlaExplanation(ticketId: string, version: string, wanted: boolean): ExplanationView & { retry(): void } {
  const { client, connection } = useDeskServices();
  const [attempt, setAttempt] = useState(0);
  const [landed, setLanded] = useState<Landed | null>(null);
  const request = `${ticketId}|${version}|${attempt}`;
  const current = landed?.request === request ? landed.answer : null;
  const offline = wanted && current?.status === 'offline';

  useEffect(() => {
    if (!wanted || current !== null) return;
    let stale = false;
    const land = (answer: Answer) => {
      if (!stale) setLanded({ request, answer });
    };
    client.call('tickets.slaExplanation', { id: ticketId }).then(
      (explanation) => land(explanation ? { status: 'ready', explanation } : { status: 'noRule' }),
      (error: unknown) =>
        land(error instanceof DeskError && error.code === 'unavailable' ? { status: 'offline' } : { status: 'error', message: errorMessage(error) }),
    );
    return () => {
      stale = true;
    };
  }, [client, ticketId, request, wanted, current]);

  // Offline answers are not final: ask again as soon as the desk is back online.
  useEffect(() => {
    if (!offline) return;
    return connection.subscribe((state, previous) => {
      if (state.connection?.status === 'online' && previous.connection?.status !== 'online') setAttempt((n) => n + 1);
    });
  }, [offline, connection]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const view: ExplanationView = !wanted ? { status: 'idle' } : (current ?? { status: 'loading' });
  return { ...view, retry };
}
