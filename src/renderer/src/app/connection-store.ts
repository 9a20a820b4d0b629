import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../shared/desk-api/client.js';
import type { ConnectionState } from '../../../shared/desk-api/contract.js';

export interface ConnectionStoreState {
  connection: ConnectionState | null;
  /** Reads the state and follows `connection.changed`; returns the unsubscribe. */
  connect(): () => void;
}

export type ConnectionStore = StoreApi<ConnectionStoreState>;

export function createConnectionStore(client: DeskClient): ConnectionStore {
  return createStore<ConnectionStoreState>()((set) => ({
    connection: null,
    connect() {
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
    },
  }));
}
