import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../shared/desk-api/client.js';
import type { ConnectionState } from '../../../shared/desk-api/contract.js';
import { sharedSubscription } from '../shared-subscription.js';

export interface ConnectionStoreState {
  connection: ConnectionState | null;
  /**
   * Reads the state and follows `connection.changed`; returns the unsubscribe. Shared: the pill, the
   * sync banner and the thread's "sending" marks all call it, and only one subscription runs.
   */
  connect(): () => void;
}

export type ConnectionStore = StoreApi<ConnectionStoreState>;

export function createConnectionStore(client: DeskClient): ConnectionStore {
  return createStore<ConnectionStoreState>()((set) => ({
    connection: null,
    connect: sharedSubscription(() => {
      let changedMeanwhile = false;
      const unsubscribe = client.on('connection.changed', (connection) => {
        changedMeanwhile = true;
        set({ connection });
      });
      client.call('connection.get', {}).then(
        (connection) => changedMeanwhile || set({ connection }),
        // Unknown is shown as "connecting"; the next connection.changed corrects it.
        () => undefined,
      );
      return unsubscribe;
    }),
  }));
}
