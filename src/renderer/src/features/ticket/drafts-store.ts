import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';

export type DraftKind = 'reply' | 'note';

export interface Draft {
  kind: DraftKind;
  body: string;
  /** Between Send and the core's answer: a second Send is ignored. */
  sending: boolean;
  /** The core could not take the last Send; the text is still here. */
  failed: boolean;
}

export const emptyDraft: Draft = { kind: 'reply', body: '', sending: false, failed: false };

export interface DraftsState {
  /** Per agent and ticket (see `draftKey`), in memory: switching tickets never loses what was typed. */
  drafts: ReadonlyMap<string, Draft>;
  setBody(key: string, body: string): void;
  setKind(key: string, kind: DraftKind): void;
  /**
   * Adds text at the end of the draft, after a blank line when it already has some (a knowledge-base
   * link, a macro's text): what the agent wrote stays as it was.
   */
  insertText(key: string, text: string): void;
  /** Queues the draft as a reply or an internal note; the text clears once the core has it. */
  send(key: string, ticketId: string): Promise<void>;
}

export type DraftsStore = StoreApi<DraftsState>;

/**
 * Keyed by agent too: on a shared night-shift machine the next agent never sees the last one's
 * half-written reply, and the first gets it back after signing in again.
 */
export function draftKey(userId: string, ticketId: string): string {
  return `${userId}\u0000${ticketId}`;
}

export function createDraftsStore(client: DeskClient): DraftsStore {
  return createStore<DraftsState>()((set, get) => {
    function update(key: string, change: (draft: Draft) => Draft): void {
      set((state) => {
        const drafts = new Map(state.drafts);
        const next = change(drafts.get(key) ?? emptyDraft);
        // An empty reply draft is the default: nothing to keep.
        if (next.kind === 'reply' && next.body === '' && !next.sending && !next.failed) drafts.delete(key);
        else drafts.set(key, next);
        return { drafts };
      });
    }

    return {
      drafts: new Map(),
      setBody(key, body) {
        update(key, (draft) => ({ ...draft, body, failed: false }));
      },
      setKind(key, kind) {
        update(key, (draft) => ({ ...draft, kind }));
      },
      insertText(key, text) {
        if (text.trim() === '') return;
        update(key, (draft) => ({ ...draft, body: joinParagraphs(draft.body, text), failed: false }));
      },
      async send(key, ticketId) {
        const draft = get().drafts.get(key);
        const body = draft?.body.trim();
        if (!draft || !body || draft.sending) return;
        update(key, (current) => ({ ...current, sending: true, failed: false }));
        try {
          await client.call('mutations.enqueue', {
            name: draft.kind === 'note' ? 'ticket.note' : 'ticket.reply',
            args: { ticketId, body },
          });
        } catch {
          update(key, (current) => ({ ...current, sending: false, failed: true }));
          return;
        }
        // Typed on while it was being queued? Keep what was added, drop only what was sent.
        update(key, (current) => ({ ...current, body: rest(current.body, draft.body), sending: false }));
      },
    };
  });
}

export function joinParagraphs(body: string, text: string): string {
  const kept = body.trimEnd();
  return kept === '' ? text : `${kept}\n\n${text}`;
}

function rest(now: string, sent: string): string {
  if (now === sent) return '';
  return now.startsWith(sent) ? now.slice(sent.length).trimStart() : now;
}
