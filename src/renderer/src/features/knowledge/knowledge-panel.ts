import { createStore } from 'zustand/vanilla';

/** What the knowledge base panel shows: the search, one article, its editor (null id: a new article), or its history. */
export type KnowledgeView = { kind: 'search' } | { kind: 'article'; id: string } | { kind: 'edit'; id: string | null } | { kind: 'history'; id: string };

export interface KnowledgePanelState {
  open: boolean;
  view: KnowledgeView;
  /** Kept while the panel is open, so going back from an article finds the same results. */
  query: string;
  openPanel(view?: KnowledgeView): void;
  show(view: KnowledgeView): void;
  setQuery(query: string): void;
  close(): void;
}

/**
 * The panel's state, one per window: the top bar's button, the keyboard shortcut and a ticket's
 * suggested articles all open the same panel, none of them importing the others.
 */
export const knowledgePanel = createStore<KnowledgePanelState>()((set) => ({
  open: false,
  view: { kind: 'search' },
  query: '',
  openPanel(view) {
    set((state) => ({ open: true, view: view ?? (state.open ? state.view : { kind: 'search' }) }));
  },
  show(view) {
    set({ view });
  },
  setQuery(query) {
    set({ query });
  },
  close() {
    set({ open: false });
  },
}));

/** Ctrl+Shift+K (⌘⇧K on a Mac) opens the knowledge base from anywhere, even from a text box. */
export function isKnowledgeShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k';
}
