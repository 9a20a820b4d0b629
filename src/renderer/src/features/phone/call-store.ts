import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { PendingCall } from '../../../../shared/desk-api/contract.js';
import type { CallLog } from '../../../../shared/domain/phone-call.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { sharedSubscription } from '../../shared-subscription.js';
import { emptyCallDraft, type CallDraft } from './call-draft.js';

export interface CallState {
  /** Calls logged here that the server has not confirmed, oldest first. */
  pending: readonly PendingCall[];
  dialogOpen: boolean;
  draft: CallDraft;
  sending: boolean;
  failed: boolean;
  /** Reads the pending calls and follows the outbox; shared by the top bar's badge and the dialog. */
  connect(): () => void;
  /** Opens the dialog; from a ticket, on that ticket, with its caller filled in where the draft has none. */
  open(about?: { ticket: Ticket; callerPhone?: string }): void;
  close(): void;
  setDraft(change: Partial<CallDraft>): void;
  /** Logs the call; the draft clears and the dialog closes once the core has it. Answers whether it did. */
  submit(call: CallLog): Promise<boolean>;
}

export type CallStore = StoreApi<CallState>;

export function createCallStore(client: DeskClient): CallStore {
  // Only the newest list may land: a slow answer must not bring back a call already confirmed.
  let newestRead = 0;

  return createStore<CallState>()((set, get) => {
    async function readPending(): Promise<void> {
      const readNumber = ++newestRead;
      try {
        const pending = await client.call('calls.pending', {});
        if (readNumber === newestRead) set({ pending });
      } catch {
        // The list stays as it was; the next outbox change reads it again.
      }
    }

    return {
      pending: [],
      dialogOpen: false,
      draft: emptyCallDraft,
      sending: false,
      failed: false,
      connect: sharedSubscription(() => {
        const off = client.on('outbox.changed', () => void readPending());
        void readPending();
        return () => {
          off();
          newestRead++;
          // Signed out: the next agent on this machine must not see this one's calls or draft.
          set({ pending: [], dialogOpen: false, draft: emptyCallDraft, sending: false, failed: false });
        };
      }),
      open(about) {
        set((state) => ({
          dialogOpen: true,
          failed: false,
          draft: about
            ? {
                ...state.draft,
                ticketNumber: String(about.ticket.number),
                callerName: state.draft.callerName || about.ticket.requesterName,
                callerPhone: state.draft.callerPhone || (about.callerPhone ?? ''),
              }
            : state.draft,
        }));
      },
      close() {
        set({ dialogOpen: false });
      },
      setDraft(change) {
        set((state) => ({ draft: { ...state.draft, ...change }, failed: false }));
      },
      async submit(call) {
        if (get().sending) return false;
        set({ sending: true, failed: false });
        try {
          await client.call('calls.log', call);
        } catch {
          set({ sending: false, failed: true });
          return false;
        }
        // The queue is where this agent works: the next call starts there.
        set((state) => ({ sending: false, dialogOpen: false, draft: { ...emptyCallDraft, queueId: state.draft.queueId } }));
        return true;
      },
    };
  });
}
