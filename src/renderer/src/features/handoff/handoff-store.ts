import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { LocalHandoffNote } from '../../../../shared/desk-api/contract.js';
import { isAcknowledgedBy } from '../../../../shared/domain/handoff.js';
import type { Queue } from '../../../../shared/domain/people.js';
import { sharedSubscription } from '../../shared-subscription.js';

/** The note being written: kept while the panel is closed, so nothing typed is lost. */
export interface HandoffDraft {
  /** null: for the whole desk. */
  queueId: string | null;
  body: string;
  sending: boolean;
  failed: boolean;
}

export interface HandoffState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  /** Newest first, as the core lists them: the replica's, with this console's own not yet confirmed. */
  notes: readonly LocalHandoffNote[];
  /** Where the agent may leave a note: their own queues (every queue for supervisors). */
  queues: readonly Queue[];
  draft: HandoffDraft;
  /** Reads the notes and follows `handoffs.changed`; shared by the top bar's badge and the panel. */
  connect(): () => void;
  setDraft(change: Partial<Pick<HandoffDraft, 'queueId' | 'body'>>): void;
  /** Leaves the draft as a note; the text clears once the core has it. Answers whether it did. */
  send(): Promise<boolean>;
  acknowledge(id: string): Promise<void>;
}

export type HandoffStore = StoreApi<HandoffState>;

export const emptyHandoffDraft: HandoffDraft = { queueId: null, body: '', sending: false, failed: false };

/** Notes by colleagues this agent has not said they read: the top bar's badge. */
export function unacknowledgedCount(notes: readonly LocalHandoffNote[], agentId: string): number {
  return notes.filter((note) => note.authorId !== agentId && !isAcknowledgedBy(note, agentId)).length;
}

export function createHandoffStore(client: DeskClient): HandoffStore {
  // Only the newest list may land: a slow answer must not bring back a note's older state.
  let newestRead = 0;

  return createStore<HandoffState>()((set, get) => {
    async function read(): Promise<void> {
      const readNumber = ++newestRead;
      try {
        const notes = await client.call('handoffs.list', {});
        if (readNumber === newestRead) set({ status: 'ready', notes, error: null });
      } catch (error) {
        // A failed refresh keeps the notes on screen; only a first load shows the failure.
        if (readNumber === newestRead) set((state) => (state.status === 'ready' ? { error } : { status: 'error', error }));
      }
    }

    async function readQueues(): Promise<void> {
      try {
        const queues = await client.call('queues.list', {});
        set((state) => ({
          queues,
          // A queue the agent left is no longer a choice: the draft falls back to the whole desk.
          draft: state.draft.queueId === null || queues.some((queue) => queue.id === state.draft.queueId) ? state.draft : { ...state.draft, queueId: null },
        }));
      } catch {
        // Without queues the whole desk is still a choice; the next queues.changed tries again.
      }
    }

    function updateDraft(change: Partial<HandoffDraft>): void {
      set((state) => ({ draft: { ...state.draft, ...change } }));
    }

    return {
      status: 'idle',
      error: null,
      notes: [],
      queues: [],
      draft: emptyHandoffDraft,
      connect: sharedSubscription(() => {
        set({ status: 'loading', error: null });
        const offNotes = client.on('handoffs.changed', () => void read());
        const offQueues = client.on('queues.changed', () => void readQueues());
        void read();
        void readQueues();
        return () => {
          offNotes();
          offQueues();
          newestRead++;
          // Signed out: the next agent on this machine must not see this one's notes or draft.
          set({ status: 'idle', error: null, notes: [], queues: [], draft: emptyHandoffDraft });
        };
      }),
      setDraft(change) {
        updateDraft({ ...change, failed: false });
      },
      async send() {
        const { draft } = get();
        const body = draft.body.trim();
        if (!body || draft.sending) return false;
        updateDraft({ sending: true, failed: false });
        try {
          await client.call('handoffs.write', { queueId: draft.queueId, body });
        } catch {
          updateDraft({ sending: false, failed: true });
          return false;
        }
        // The note is in the outbox (and on screen); the next one starts empty, for the same audience.
        set((state) => ({ draft: { ...state.draft, body: state.draft.body === draft.body ? '' : state.draft.body, sending: false } }));
        return true;
      },
      async acknowledge(id) {
        await client.call('handoffs.acknowledge', { id });
      },
    };
  });
}
