import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/desk-api/client.js';
import type { LocalHandoffNote } from '../../../../shared/desk-api/contract.js';
import type { IncomingHandoffs, ShiftEnd } from '../../../../shared/desk-api/handoff-methods.js';
import { isAcknowledgedBy, type HandedOverShift } from '../../../../shared/domain/handoff.js';
import type { HandoffFacts } from '../../../../shared/domain/handoff-facts.js';
import type { Queue } from '../../../../shared/domain/people.js';
import { sharedSubscription } from '../../shared-subscription.js';

/** The note being written, as on screen; the core keeps a copy in the replica, so nothing typed is lost. */
export interface HandoffDraft {
  /** null: for the whole desk. */
  queueId: string | null;
  body: string;
  /** The shift the note hands over (the draft offered at the shift's end); null for any other note. */
  shift: HandedOverShift | null;
  sending: boolean;
  /** The last send failed (the text stays). */
  failed: boolean;
  /** The replica could not keep the draft: it lives on screen only until saving works again. */
  saveFailed: boolean;
}

export interface HandoffSearch {
  query: string;
  /** Null while nothing is searched for: the panel lists the recent notes. */
  results: readonly LocalHandoffNote[] | null;
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
  /** The shift whose handoff the agent owes, as the core reads the rota; null when they work none. */
  shiftEnd: ShiftEnd | null;
  /** Handovers to the agent's shift they have not acknowledged yet. */
  incoming: IncomingHandoffs;
  /** The shift questions have been answered once since sign-in (whatever the answer). */
  shiftRead: boolean;
  /**
   * The handovers the start-of-shift dialog shows, or null while it is closed. It opens whenever one
   * arrives that the agent has not been shown since sign-in (a late one too), and keeps those it
   * opened with, so each shows as read once done.
   */
  incomingShown: readonly string[] | null;
  closeIncoming(): void;
  search: HandoffSearch;
  /** The panel is open: the top bar's button, the shift-end prompt and the supervisors' alert all open it. */
  panelOpen: boolean;
  /** The note the panel brings into view as it opens (the one a supervisors' alert is about). */
  focusNoteId: string | null;
  /** Reads everything and follows the core's events; shared by the top bar, the panel and the prompts. */
  connect(): () => void;
  setDraft(change: Partial<Pick<HandoffDraft, 'queueId' | 'body'>>): void;
  /**
   * Fills the draft for the shift whose handoff is owed, once per shift: the lists the core reads now,
   * put into words by `compose`, with whatever the agent had written below them.
   */
  fillShiftDraft(compose: (facts: HandoffFacts, shiftEnd: ShiftEnd) => string): Promise<void>;
  /** Leaves the draft as a note; the text clears once the core has it. Answers whether it did. */
  send(): Promise<boolean>;
  acknowledge(id: string): Promise<void>;
  searchNotes(query: string): Promise<void>;
  openPanel(focusNoteId?: string): void;
  closePanel(): void;
}

export type HandoffStore = StoreApi<HandoffState>;

export const emptyHandoffDraft: HandoffDraft = { queueId: null, body: '', shift: null, sending: false, failed: false, saveFailed: false };
const noIncoming: IncomingHandoffs = { shift: null, notes: [] };
const noSearch: HandoffSearch = { query: '', results: null, failed: false };

/** Time passes without events: the shift's end comes closer, the next shift starts. */
const SHIFT_REFRESH_MS = 60_000;
/** Typing is saved to the replica this long after the last key, not on every key. */
const SAVE_AFTER_MS = 400;

/** Notes by colleagues this agent has not said they read: the top bar's badge. */
export function unacknowledgedCount(notes: readonly LocalHandoffNote[], agentId: string): number {
  return notes.filter((note) => note.authorId !== agentId && !isAcknowledgedBy(note, agentId)).length;
}

/** Whether the shift-end draft is offered at `now`: from the draft lead before the end, until it is handed over. */
export function isDraftOffered(shiftEnd: ShiftEnd | null, now: number): shiftEnd is ShiftEnd {
  return shiftEnd !== null && !shiftEnd.handedOver && Date.parse(shiftEnd.draftFrom) <= now;
}

export function sameShift(a: HandedOverShift | null, b: HandedOverShift | null): boolean {
  return a !== null && b !== null && a.rotationId === b.rotationId && a.shiftId === b.shiftId && Date.parse(a.end) === Date.parse(b.end);
}

export function createHandoffStore(client: DeskClient, timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval'> = globalThis): HandoffStore {
  // Only the newest answer of each kind may land: a slow one must not bring back an older state.
  let newestRead = 0;
  let newestShiftRead = 0;
  let newestSearch = 0;
  let pendingSave: ReturnType<typeof setTimeout> | undefined;
  // One fill at a time: a second prompt (or a re-render) while the facts are read must not fill twice.
  let filling: Promise<void> | null = null;
  // The shift filled (or found filled) this session: once handed over, it is not filled again.
  let filledFor: HandedOverShift | null = null;
  // The saved draft is read before any fill, so a fill never writes over what the agent kept.
  let draftLoaded: Promise<void> = Promise.resolve();
  // Handovers the start-of-shift dialog has shown since sign-in: "Later" puts them away until then.
  const shownIncoming = new Set<string>();

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
      const { query } = get().search;
      if (query.trim() !== '') await get().searchNotes(query);
    }

    async function readShift(): Promise<void> {
      const readNumber = ++newestShiftRead;
      try {
        const [shiftEnd, incoming] = await Promise.all([client.call('handoffs.shiftEnd', {}), client.call('handoffs.incoming', {})]);
        if (readNumber !== newestShiftRead) return;
        const fresh = incoming.notes.map((note) => note.id).filter((id) => !shownIncoming.has(id));
        for (const id of fresh) shownIncoming.add(id);
        // Decided with the answer, in one update: the dialog is open (or not) as soon as the answer is on screen.
        const { incomingShown } = get();
        const shown = fresh.length === 0 ? incomingShown : incomingShown === null ? incoming.notes.map((note) => note.id) : [...incomingShown, ...fresh];
        set({ shiftEnd, incoming, shiftRead: true, incomingShown: shown });
      } catch {
        // The rota is read again with the next change or minute; until then what is shown stands.
        if (readNumber === newestShiftRead) set({ shiftRead: true });
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

    async function readDraft(): Promise<void> {
      try {
        const saved = await client.call('handoffs.draft', {});
        // Typing that began before the answer wins over it.
        if (saved && get().draft.body === '') {
          set({ draft: { ...emptyHandoffDraft, queueId: saved.queueId, body: saved.body, shift: saved.shift } });
          filledFor = saved.shift;
        }
      } catch {
        // Nothing saved can be read: the form starts empty, and what is typed is saved afresh.
      }
    }

    /** Keeps the draft in the replica, and says on screen when it could not. */
    async function saveDraft(): Promise<void> {
      timers.clearTimeout(pendingSave);
      pendingSave = undefined;
      const { queueId, body, shift } = get().draft;
      try {
        await client.call('handoffs.saveDraft', { queueId, body, shift });
        if (get().draft.saveFailed) updateDraft({ saveFailed: false });
      } catch {
        updateDraft({ saveFailed: true });
      }
    }

    function saveSoon(): void {
      timers.clearTimeout(pendingSave);
      pendingSave = timers.setTimeout(() => void saveDraft(), SAVE_AFTER_MS);
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
      shiftEnd: null,
      incoming: noIncoming,
      shiftRead: false,
      incomingShown: null,
      search: noSearch,
      panelOpen: false,
      focusNoteId: null,
      connect: sharedSubscription(() => {
        set({ status: 'loading', error: null });
        const offNotes = client.on('handoffs.changed', () => {
          void read();
          void readShift();
        });
        const offQueues = client.on('queues.changed', () => void readQueues());
        const offRota = client.on('rota.changed', () => void readShift());
        const clock = timers.setInterval(() => void readShift(), SHIFT_REFRESH_MS);
        void read();
        void readQueues();
        void readShift();
        draftLoaded = readDraft();
        return () => {
          offNotes();
          offQueues();
          offRota();
          timers.clearInterval(clock);
          // What was typed in the last moment still reaches the replica.
          if (pendingSave !== undefined) void saveDraft();
          newestRead++;
          newestShiftRead++;
          newestSearch++;
          filledFor = null;
          shownIncoming.clear();
          // Signed out: the next agent on this machine must not see this one's notes or draft.
          set({ status: 'idle', error: null, notes: [], queues: [], draft: emptyHandoffDraft, shiftEnd: null, incoming: noIncoming, shiftRead: false, incomingShown: null, search: noSearch, panelOpen: false, focusNoteId: null });
        };
      }),
      setDraft(change) {
        updateDraft({ ...change, failed: false });
        saveSoon();
      },
      fillShiftDraft(compose) {
        filling ??= (async () => {
          await draftLoaded;
          const { shiftEnd } = get();
          if (!shiftEnd || shiftEnd.handedOver || sameShift(filledFor, shiftEnd.shift)) return;
          const facts = await client.call('handoffs.facts', {});
          const { rotationId, shiftId, end } = shiftEnd.shift;
          const { draft: current, queues } = get();
          const filled = compose(facts, shiftEnd);
          filledFor = shiftEnd.shift;
          updateDraft({
            body: current.body.trim() === '' ? filled : `${filled}\n\n${current.body}`,
            shift: { rotationId, shiftId, end },
            // An agent of one queue hands it over to that queue's next shift; of several, to the whole desk.
            queueId: current.queueId ?? (queues.length === 1 ? queues[0]!.id : null),
          });
          await saveDraft();
        })().finally(() => {
          filling = null;
        });
        return filling;
      },
      async send() {
        const { draft } = get();
        const body = draft.body.trim();
        if (!body || draft.sending) return false;
        timers.clearTimeout(pendingSave);
        pendingSave = undefined;
        updateDraft({ sending: true, failed: false });
        try {
          await client.call('handoffs.write', { queueId: draft.queueId, body, ...(draft.shift ? { shift: draft.shift } : {}) });
        } catch {
          updateDraft({ sending: false, failed: true });
          return false;
        }
        // The note is in the outbox (and on screen); the next one starts empty, for the same audience.
        set((state) => ({ draft: { ...state.draft, body: state.draft.body === draft.body ? '' : state.draft.body, shift: null, sending: false } }));
        // Anything typed meanwhile is a new draft of its own.
        if (get().draft.body !== '') saveSoon();
        return true;
      },
      async acknowledge(id) {
        await client.call('handoffs.acknowledge', { id });
      },
      async searchNotes(query) {
        const searchNumber = ++newestSearch;
        if (query.trim() === '') {
          set({ search: noSearch });
          return;
        }
        set((state) => ({ search: { ...state.search, query } }));
        try {
          const results = await client.call('handoffs.search', { query });
          if (searchNumber === newestSearch) set({ search: { query, results, failed: false } });
        } catch {
          if (searchNumber === newestSearch) set({ search: { query, results: null, failed: true } });
        }
      },
      closeIncoming() {
        set({ incomingShown: null });
      },
      openPanel(focusNoteId) {
        set({ panelOpen: true, focusNoteId: focusNoteId ?? null });
      },
      closePanel() {
        set({ panelOpen: false, focusNoteId: null });
      },
    };
  });
}
