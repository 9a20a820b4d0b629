import { useCallback, useEffect, useState } from 'react';
import type { MyStatus } from '../../../../shared/desk-api/routing-methods.js';
import type { AgentStatus } from '../../../../shared/domain/people.js';
import { useDeskServices } from '../../services.js';
import { errorMessage } from '../../ui/format.js';

/**
 * The agent's own status as the core shows it: read again when an agent row arrives (the server
 * confirming it, or a supervisor changing it) and when the outbox moves (a choice sent or refused).
 */
export function useMyStatus(): { view: MyStatus | null; failure: string | null; choose(status: AgentStatus): Promise<void> } {
  const { client } = useDeskServices();
  const [view, setView] = useState<MyStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const read = useCallback(() => {
    client.call('presence.get', {}).then(setView, (error: unknown) => setFailure(errorMessage(error)));
  }, [client]);

  useEffect(() => {
    read();
    const stops = [client.on('agents.changed', read), client.on('outbox.changed', read)];
    return () => stops.forEach((stop) => stop());
  }, [client, read]);

  const choose = useCallback(
    async (status: AgentStatus) => {
      setFailure(null);
      try {
        setView(await client.call('presence.set', { status }));
      } catch (error) {
        setFailure(errorMessage(error));
      }
    },
    [client],
  );

  return { view, failure, choose };
}
