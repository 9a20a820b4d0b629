import { createStore, type StoreApi } from 'zustand/vanilla';
import { pagesAwaitingAnswer } from '../../../../shared/alerts/alert-sources.js';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { LocalEscalation } from '../../../../shared/desk-api/contract.js';
import { sharedSubscription } from '../../shared-subscription.js';

export interface EscalationState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Escalations involving the agent, newest first: paging them, declined by them, escalated by them. */
  mine: readonly LocalEscalation[];
  /** Reads the agent's escalations and follows `escalations.changed`; shared by the cards and the top bar. */
  connect(): () => void;
  acknowledge(id: string): Promise<void>;
  decline(id: string, reason: string): Promise<void>;
}

export type EscalationStore = StoreApi<EscalationState>;

/** What pops up as a card: escalations paging the agent now that they have not answered here yet. */
export function pagingMe(mine: readonly LocalEscalation[], userId: string): LocalEscalation[] {
  return mine.filter((escalation) => pagesAwaitingAnswer(escalation, userId));
}

export function createEscalationStore(client: DeskClient): EscalationStore {
  // Only the newest list may land: a slow answer must not bring back a page already answered.
  let newestRead = 0;

  return createStore<EscalationState>()((set) => {
    async function read(): Promise<void> {
      const readNumber = ++newestRead;
      try {
        const mine = await client.call('escalations.mine', {});
        if (readNumber === newestRead) set({ status: 'ready', mine });
      } catch {
        // The cards stay as they were; the next change reads again.
        if (readNumber === newestRead) set((state) => (state.status === 'ready' ? {} : { status: 'error' }));
      }
    }

    return {
      status: 'idle',
      mine: [],
      connect: sharedSubscription(() => {
        set({ status: 'loading' });
        const off = client.on('escalations.changed', () => void read());
        void read();
        return () => {
          off();
          newestRead++;
          // Signed out: the next agent on this machine must not see this one's pages.
          set({ status: 'idle', mine: [] });
        };
      }),
      async acknowledge(id) {
        await client.call('escalations.acknowledge', { id });
      },
      async decline(id, reason) {
        await client.call('escalations.decline', { id, reason });
      },
    };
  });
}
