import { useEffect, useState } from 'react';
import type { DeskEvent } from '../../../../shared/desk-api/contract.js';
import { useDeskServices } from '../../services.js';

/**
 * Reads something from the core now, and again whenever one of `events` says it may have changed
 * (a macro or article arrived, an edit was confirmed or refused). The newest read wins.
 */
export function useDeskRead<T>(read: () => Promise<T>, deps: readonly unknown[], events: readonly DeskEvent[] = ['knowledge.changed']) {
  const { client } = useDeskServices();
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; value: T | null; error: unknown }>({ status: 'loading', value: null, error: null });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    const stops = events.map((event) => client.on(event, () => setNonce((n) => n + 1)));
    return () => stops.forEach((stop) => stop());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, events.join()]);

  useEffect(() => {
    let current = true;
    read().then(
      (value) => current && setState({ status: 'ready', value, error: null }),
      (error: unknown) => current && setState((previous) => ({ status: 'error', value: previous.value, error })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nonce, ...deps]);

  return state;
}
