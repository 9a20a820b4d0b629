import { useEffect, useEffectEvent } from 'react';
import { createStore } from 'zustand/vanilla';

/** What a keyboard shortcut (or any other caller) can ask of the open ticket. */
export type TicketCommand = 'reply' | 'note' | 'escalate';

export interface TicketCommandRequest {
  command: TicketCommand;
  /** Grows with every request, so asking for the same command twice is two requests. */
  nonce: number;
}

export interface TicketCommandsState {
  last: TicketCommandRequest | null;
  request(command: TicketCommand): void;
}

/**
 * The queue's shortcuts (r, n, e) reach the open ticket's composer and escalate dialog through here,
 * so neither side imports the other. One per window: there is one open ticket.
 */
export const ticketCommands = createStore<TicketCommandsState>()((set, get) => ({
  last: null,
  request(command) {
    set({ last: { command, nonce: (get().last?.nonce ?? 0) + 1 } });
  },
}));

/** Calls `handle` for each request of `command` made while the caller is mounted (not for earlier ones). */
export function useTicketCommand(command: TicketCommand, handle: () => void): void {
  const onRequest = useEffectEvent(handle);
  useEffect(
    () =>
      ticketCommands.subscribe((state, previous) => {
        if (state.last && state.last !== previous.last && state.last.command === command) onRequest();
      }),
    [command],
  );
}
