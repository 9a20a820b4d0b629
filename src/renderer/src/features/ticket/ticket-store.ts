import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { DeskOutput } from '../../../../shared/desk-api/contract.js';

/** A ticket as the console shows it: the replica's row with this console's unconfirmed changes on top. */
export type LocalTicketDetail = NonNullable<DeskOutput<'tickets.get'>>;

export interface TicketPaneState {
  openId: string | null;
  /** `missing`: the ticket is gone, or moved to a queue this agent cannot see. */
  status: 'closed' | 'loading' | 'ready' | 'missing' | 'error';
  detail: LocalTicketDetail | null;
  error: unknown;
  open(id: string): void;
  close(): void;
  /** Follows `tickets.changed` for the open ticket; returns the disconnect. */
  connect(): () => void;
}

export type TicketPaneStore = StoreApi<TicketPaneState>;

export function createTicketPaneStore(client: DeskClient): TicketPaneStore {
  // Only the newest read may land: a slow answer for the ticket opened before must not replace this one.
  let newestRead = 0;

  return createStore<TicketPaneState>()((set, get) => {
    async function read(id: string): Promise<void> {
      const readNumber = ++newestRead;
      try {
        const detail = await client.call('tickets.get', { id });
        if (readNumber !== newestRead) return;
        set(detail ? { status: 'ready', detail, error: null } : { status: 'missing', detail: null, error: null });
      } catch (error) {
        if (readNumber !== newestRead) return;
        // Keep showing what we have if this was a refresh; only an empty pane shows the failure.
        set((state) => (state.detail?.ticket.id === id ? { error } : { status: 'error', error }));
      }
    }

    return {
      openId: null,
      status: 'closed',
      detail: null,
      error: null,
      open(id) {
        const { openId, detail } = get();
        if (openId !== id || !detail) set({ openId: id, status: 'loading', detail: null, error: null });
        void read(id);
      },
      close() {
        newestRead++;
        set({ openId: null, status: 'closed', detail: null, error: null });
      },
      connect() {
        const off = client.on('tickets.changed', ({ ids }) => {
          const { openId } = get();
          if (openId !== null && ids.includes(openId)) void read(openId);
        });
        return () => {
          off();
          get().close();
        };
      },
    };
  });
}
