import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { MyRota, Rota } from '../../../../shared/desk-api/rota-methods.js';
import type { Agent, Queue } from '../../../../shared/domain/people.js';
import type { OnCallBoard } from '../../../../shared/domain/shifts.js';
import { useDeskServices } from '../../services.js';
import { errorMessage } from '../../ui/format.js';

/** Everything the rota's screens show, read together from the replica. */
export interface RotaView {
  board: OnCallBoard;
  mine: MyRota;
  rota: Rota;
  agents: readonly Agent[];
  queues: readonly Queue[];
}

export type RotaData = { status: 'loading' } | { status: 'ready'; view: RotaView } | { status: 'failed'; message: string };

/**
 * The rota as the core works it out, read while it is on screen: again when the rota changes (an
 * admin's edit arriving through sync) and every minute by the shared ticker, so a hand-over shows
 * within a minute of happening, offline too. A re-read keeps the last answer on screen.
 */
export function useRota(): RotaData {
  const { client, ticker } = useDeskServices();
  const [data, setData] = useState<RotaData>({ status: 'loading' });
  const [changes, setChanges] = useState(0);
  useEffect(() => ticker.retain(), [ticker]);
  const minute = useStore(ticker.store, (state) => Math.floor(state.now / 60_000));
  useEffect(() => client.on('rota.changed', () => setChanges((n) => n + 1)), [client]);

  useEffect(() => {
    let stale = false;
    Promise.all([client.call('rota.onCallNow', {}), client.call('rota.mine', {}), client.call('rota.get', {}), client.call('agents.list', {}), client.call('queues.list', {})]).then(
      ([board, mine, rota, agents, queues]) => {
        if (!stale) setData({ status: 'ready', view: { board, mine, rota, agents, queues } });
      },
      (error: unknown) => {
        if (!stale) setData((shown) => (shown.status === 'ready' ? shown : { status: 'failed', message: errorMessage(error) }));
      },
    );
    return () => {
      stale = true;
    };
  }, [client, changes, minute]);

  return data;
}
