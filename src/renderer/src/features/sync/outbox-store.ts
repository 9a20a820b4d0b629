import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { DeskMutation, OutboxState } from '../../../../shared/desk-api/contract.js';
import type { CallLog } from '../../../../shared/domain/phone-call.js';
import { sharedSubscription } from '../../shared-subscription.js';

export type RefusedMutation = OutboxState['refused'][number];

export interface OutboxStoreState {
  /** null until the core has answered. */
  outbox: OutboxState | null;
  /** Reads the outbox and follows `outbox.changed`; returns the unsubscribe (shared, like the connection). */
  connect(): () => void;
  /** Drops a refused change the agent has read. */
  discard(id: number): Promise<void>;
  /** Sends the change again (with fresh values), then drops the refused one. */
  redo(id: number, again: DeskMutation): Promise<void>;
  /** Logs a refused phone call again, then drops the refused one. */
  relog(id: number, call: CallLog): Promise<void>;
}

export type OutboxStore = StoreApi<OutboxStoreState>;

export function createOutboxStore(client: DeskClient): OutboxStore {
  return createStore<OutboxStoreState>()((set) => {
    async function discard(id: number): Promise<void> {
      const outbox = await client.call('outbox.discard', { id });
      // The answer is the freshest state; the refused one is gone from it whatever the events said.
      set({ outbox: { ...outbox, refused: outbox.refused.filter((refused) => refused.id !== id) } });
    }

    return {
      outbox: null,
      connect: sharedSubscription(() => {
        let changedMeanwhile = false;
        const unsubscribe = client.on('outbox.changed', (outbox) => {
          changedMeanwhile = true;
          set({ outbox });
        });
        client.call('outbox.get', {}).then(
          (outbox) => changedMeanwhile || set({ outbox }),
          // Unknown shows nothing; the next outbox.changed corrects it.
          () => undefined,
        );
        return () => {
          unsubscribe();
          // Signed out (the workspace is gone): the next agent must not glimpse this one's refused texts.
          set({ outbox: null });
        };
      }),
      discard,
      async redo(id, again) {
        await client.call('mutations.enqueue', again);
        // Already sent again: should dropping the old one fail, the agent can still discard it by hand.
        await discard(id);
      },
      async relog(id, call) {
        await client.call('calls.log', call);
        await discard(id);
      },
    };
  });
}
