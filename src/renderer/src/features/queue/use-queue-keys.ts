import { useEffect, useEffectEvent } from 'react';
import { ticketCommands, type TicketCommand } from '../../app/ticket-commands.js';
import type { TicketPaneStore } from '../ticket/ticket-store.js';

export interface QueueKeyActions {
  move(step: 1 | -1): void;
  /** The selected row, which Enter opens and r, n, e act on when no ticket is open. */
  selectedId: string | null;
  focusSearch(): void;
  showShortcuts(): void;
}

/** Where a key is text being typed, not a command. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/**
 * The queue's single-key shortcuts, anywhere in the window except while typing or in a dialog:
 * j/k move, Enter opens, r/n/e reply, note or escalate on the open ticket (opening the selected one
 * first), / goes to the search, ? lists them.
 */
export function useQueueKeys(ticketPane: TicketPaneStore, actions: QueueKeyActions): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
    const command = ({ r: 'reply', n: 'note', e: 'escalate' } as const)[event.key as 'r' | 'n' | 'e'];
    if (command) return handled(event, () => runCommand(ticketPane, command, actions.selectedId));
    switch (event.key) {
      case 'j':
        return handled(event, () => actions.move(1));
      case 'k':
        return handled(event, () => actions.move(-1));
      case '/':
        return handled(event, actions.focusSearch);
      case '?':
        return handled(event, actions.showShortcuts);
      case 'Enter':
        // On a button or link Enter is theirs; from the page itself it opens the selected row.
        if (event.target === document.body && actions.selectedId) handled(event, () => ticketPane.getState().open(actions.selectedId!));
        return;
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

function handled(event: KeyboardEvent, action: () => void): void {
  event.preventDefault();
  action();
}

/** Asks the open ticket; with none open, opens the selected one and asks once its pane is drawn. */
function runCommand(ticketPane: TicketPaneStore, command: TicketCommand, selectedId: string | null): void {
  const pane = ticketPane.getState();
  if (pane.openId !== null && pane.status === 'ready') return ticketCommands.getState().request(command);
  const id = pane.openId ?? selectedId;
  if (id === null) return;
  if (pane.openId !== id) pane.open(id);
  const stop = ticketPane.subscribe((state) => {
    if (state.openId !== id) return stop();
    if (state.status === 'loading') return;
    stop();
    if (state.status !== 'ready') return;
    // After React has drawn the pane, so its composer and escalate button are listening.
    setTimeout(() => ticketCommands.getState().request(command), 0);
  });
}
