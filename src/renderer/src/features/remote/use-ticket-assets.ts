import { useEffect, useState } from 'react';
import type { TicketAsset } from '../../../../shared/desk-api/remote-methods.js';
import { useDeskServices } from '../../services.js';

export interface TicketAssets {
  assets: readonly TicketAsset[];
  error: unknown;
}

/**
 * The ticket's requester's assets with their links, read from the replica (offline too), and again
 * whenever assets or the admins' tools and allowlist arrive: a link may open now, or no longer.
 */
export function useTicketAssets(ticketId: string): TicketAssets {
  const { client } = useDeskServices();
  const [state, setState] = useState<TicketAssets & { ticketId: string }>({ ticketId, assets: [], error: null });

  useEffect(() => {
    let newest = 0;
    const read = () => {
      const readNumber = ++newest;
      client.call('remote.assets', { ticketId }).then(
        (assets) => readNumber === newest && setState({ ticketId, assets, error: null }),
        (error: unknown) => readNumber === newest && setState((current) => ({ ...current, ticketId, error })),
      );
    };
    read();
    const off = client.on('remote.changed', read);
    return () => {
      newest++;
      off();
    };
  }, [client, ticketId]);

  // Another ticket's assets must not show while this one's are read.
  return state.ticketId === ticketId ? state : { assets: [], error: null };
}
