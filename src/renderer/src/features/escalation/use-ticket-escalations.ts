import { useEffect, useState } from 'react';
import type { LocalEscalation } from '../../../../shared/desk-api/contract.js';
import { useDeskServices } from '../../services.js';

export interface TicketEscalations {
  escalations: readonly LocalEscalation[];
  error: unknown;
}

/**
 * A ticket's escalations, newest first, read again whenever escalations change: from the replica, so
 * they stay readable after the ticket itself has moved to a queue this agent cannot see.
 */
export function useTicketEscalations(ticketId: string): TicketEscalations {
  const { client } = useDeskServices();
  const [state, setState] = useState<TicketEscalations & { ticketId: string }>({ ticketId, escalations: [], error: null });

  useEffect(() => {
    let newest = 0;
    const read = () => {
      const readNumber = ++newest;
      client.call('escalations.forTicket', { ticketId }).then(
        (escalations) => readNumber === newest && setState({ ticketId, escalations, error: null }),
        (error: unknown) => readNumber === newest && setState((current) => ({ ...current, ticketId, error })),
      );
    };
    read();
    const off = client.on('escalations.changed', read);
    return () => {
      newest++;
      off();
    };
  }, [client, ticketId]);

  // Another ticket's list must not show while this one's is read.
  return state.ticketId === ticketId ? state : { escalations: [], error: null };
}
