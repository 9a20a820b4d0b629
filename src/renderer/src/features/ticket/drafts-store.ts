import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { TicketDraft } from '../../../../shared/desk-api/ticket-draft-methods.js';
import type { MacroActions } from '../../../../shared/domain/knowledge.js';
import type { AttachmentMeta } from '../../../../shared/domain/ticket.js';
import { hasActions, stageActions, withoutAction, type StagedAction } from '../../../../shared/macros/apply.js';

export type DraftKind = 'reply' | 'note';

export interface Draft {
  kind: DraftKind;
  body: string;
  /** Macro actions applied with the send, shown as removable chips. */
  actions: MacroActions;
  /** Files the core keeps for this draft (their bytes are in the replica, not here). */
  files: readonly AttachmentMeta[];
  /** Between Send and the core's answer: a second Send is ignored. */
  sending: boolean;
  /** The core could not take the last Send; the text is still here. */
  failed: boolean;
}

export const emptyDraft: Draft = { kind: 'reply', body: '', actions: {}, files: [], sending: false, failed: false };

/** A file picked or dropped, read as base64 for the core to keep. */
export interface PickedFile {
  name: string;
  type: string;
  base64: string;
}

export interface DraftsState {
  /**
   * Per agent and ticket (see `draftKey`). The core keeps each draft in the replica, so switching
   * tickets or restarting the console never loses what was typed, staged or attached.
   */
  drafts: ReadonlyMap<string, Draft>;
  /** Reads the core's copy of a draft the first time its ticket is opened here. */
  load(key: string): Promise<void>;
  setBody(key: string, body: string): void;
  setKind(key: string, kind: DraftKind): void;
  /**
   * Adds text at the end of the draft, after a blank line when it already has some (a knowledge-base
   * link, a macro's text): what the agent wrote stays as it was.
   */
  insertText(key: string, text: string): void;
  /** Stages a macro's actions on the draft (a later macro's status, priority or assignee wins). */
  stageActions(key: string, actions: MacroActions): void;
  removeAction(key: string, action: StagedAction): void;
  /** Hands a file to the core; rejects with the core's reason (too large, too many). */
  attach(key: string, file: PickedFile): Promise<void>;
  detach(key: string, fileId: string): Promise<void>;
  /** Sends the reply or note with its files and staged actions in one step; the draft clears once the core has it. */
  send(key: string): Promise<void>;
}

export type DraftsStore = StoreApi<DraftsState>;

/**
 * Keyed by agent too: on a shared night-shift machine the next agent never sees the last one's
 * half-written reply, and the first gets it back after signing in again.
 */
export function draftKey(userId: string, ticketId: string): string {
  return `${userId}\u0000${ticketId}`;
}

const ticketOf = (key: string) => key.slice(key.indexOf('\u0000') + 1);

/** Typing is saved to the core this long after the last key, and at once before a send. */
const SAVE_DELAY_MS = 300;

export function createDraftsStore(client: DeskClient): DraftsStore {
  const loaded = new Set<string>();
  const saves = new Map<string, ReturnType<typeof setTimeout>>();

  return createStore<DraftsState>()((set, get) => {
    function update(key: string, change: (draft: Draft) => Draft): void {
      set((state) => {
        const drafts = new Map(state.drafts);
        const next = change(drafts.get(key) ?? emptyDraft);
        // An empty reply draft is the default: nothing to keep.
        if (isEmpty(next)) drafts.delete(key);
        else drafts.set(key, next);
        return { drafts };
      });
    }

    function fromCore(key: string, draft: TicketDraft | null): void {
      update(key, (current) => (draft ? { ...current, kind: draft.kind, body: draft.body, actions: draft.actions, files: draft.files } : { ...current, files: [] }));
    }

    async function save(key: string): Promise<void> {
      const pending = saves.get(key);
      if (pending) clearTimeout(pending);
      saves.delete(key);
      const { kind, body, actions } = get().drafts.get(key) ?? emptyDraft;
      await client.call('ticketDrafts.save', { ticketId: ticketOf(key), kind, body, actions });
    }

    function saveSoon(key: string): void {
      const pending = saves.get(key);
      if (pending) clearTimeout(pending);
      // Losing a keystroke's save is harmless: the next one, or the send, carries the text.
      saves.set(key, setTimeout(() => void save(key).catch(() => undefined), SAVE_DELAY_MS));
    }

    function edit(key: string, change: (draft: Draft) => Draft): void {
      update(key, change);
      saveSoon(key);
    }

    return {
      drafts: new Map(),
      async load(key) {
        if (loaded.has(key)) return;
        loaded.add(key);
        try {
          const draft = await client.call('ticketDrafts.get', { ticketId: ticketOf(key) });
          // What the agent typed meanwhile (or a knowledge-base insert) is newer than the stored copy.
          if (draft && isEmpty(get().drafts.get(key) ?? emptyDraft)) fromCore(key, draft);
        } catch {
          loaded.delete(key);
        }
      },
      setBody(key, body) {
        edit(key, (draft) => ({ ...draft, body, failed: false }));
      },
      setKind(key, kind) {
        edit(key, (draft) => ({ ...draft, kind }));
      },
      insertText(key, text) {
        if (text.trim() === '') return;
        edit(key, (draft) => ({ ...draft, body: joinParagraphs(draft.body, text), failed: false }));
      },
      stageActions(key, actions) {
        if (!hasActions(actions)) return;
        edit(key, (draft) => ({ ...draft, actions: stageActions(draft.actions, actions) }));
      },
      removeAction(key, action) {
        edit(key, (draft) => ({ ...draft, actions: withoutAction(draft.actions, action) }));
      },
      async attach(key, file) {
        await save(key);
        fromCore(key, await client.call('ticketDrafts.attach', { ticketId: ticketOf(key), filename: file.name, contentType: file.type || 'application/octet-stream', base64: file.base64 }));
      },
      async detach(key, fileId) {
        fromCore(key, await client.call('ticketDrafts.detach', { ticketId: ticketOf(key), fileId }));
      },
      async send(key) {
        const draft = get().drafts.get(key);
        if (!draft || draft.sending || !canSend(draft)) return;
        update(key, (current) => ({ ...current, sending: true, failed: false }));
        try {
          await save(key);
          await client.call('ticketDrafts.send', { ticketId: ticketOf(key) });
        } catch {
          update(key, (current) => ({ ...current, sending: false, failed: true }));
          return;
        }
        // Typed on while it was being queued? Keep what was added, drop only what was sent.
        update(key, (current) => ({ ...current, body: rest(current.body, draft.body), actions: {}, files: [], sending: false }));
        if (get().drafts.get(key)?.body) saveSoon(key);
      },
    };
  });
}

/** A reply or note needs text; staged actions alone may be sent too ("Solve" with nothing to say). */
export function canSend(draft: Pick<Draft, 'body' | 'actions'>): boolean {
  return draft.body.trim() !== '' || hasActions(draft.actions);
}

function isEmpty(draft: Draft): boolean {
  return draft.kind === 'reply' && draft.body === '' && !hasActions(draft.actions) && draft.files.length === 0 && !draft.sending && !draft.failed;
}

export function joinParagraphs(body: string, text: string): string {
  const kept = body.trimEnd();
  return kept === '' ? text : `${kept}\n\n${text}`;
}

function rest(now: string, sent: string): string {
  if (now === sent) return '';
  return now.startsWith(sent) ? now.slice(sent.length).trimStart() : now;
}
