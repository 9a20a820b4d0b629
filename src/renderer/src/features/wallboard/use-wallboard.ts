import { useEffect, useState } from 'react';
import type { WallboardSnapshot } from '../../../../shared/wallboard/snapshot.js';
import { useDeskServices } from '../../services.js';
import { errorMessage } from '../../ui/format.js';

export type WallboardData =
  | { status: 'loading' }
  | { status: 'ready'; snapshot: WallboardSnapshot | null }
  | { status: 'failed'; message: string };

/**
 * The wallboard's figures while it is on screen: asked once, then every snapshot the server pushes
 * (the core watches again by itself after a reconnect). Leaving stops the pushes.
 */
export function useWallboard(timeZone: string): WallboardData {
  const { client } = useDeskServices();
  const [data, setData] = useState<WallboardData>({ status: 'loading' });

  useEffect(() => {
    let stale = false;
    const off = client.on('wallboard.changed', (snapshot) => {
      if (!stale) setData({ status: 'ready', snapshot });
    });
    client.call('wallboard.get', { timeZone }).then(
      (snapshot) => {
        // A push may have come first; an answer of null (offline, nothing known) does not hide it.
        if (!stale) setData((shown) => (shown.status === 'ready' && snapshot === null ? shown : { status: 'ready', snapshot }));
      },
      (error: unknown) => {
        if (!stale) setData({ status: 'failed', message: errorMessage(error) });
      },
    );
    return () => {
      stale = true;
      off();
      void client.call('wallboard.leave', {}).catch(() => undefined);
    };
  }, [client, timeZone]);

  return data;
}
