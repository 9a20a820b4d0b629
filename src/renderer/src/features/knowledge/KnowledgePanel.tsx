import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { mayEditKnowledge } from '../../../../shared/domain/knowledge.js';
import { useDeskServices, useSession } from '../../services.js';
import { ArticleEditor } from './ArticleEditor.js';
import { ArticleHistory } from './ArticleHistory.js';
import { ArticleView } from './ArticleView.js';
import { knowledgePanel } from './knowledge-panel.js';
import { useDeskRead } from './use-knowledge.js';
import { VisibilityBadge } from './VisibilityBadge.js';
import { SideSheet } from '../../ui/SideSheet.js';

/**
 * The knowledge base beside the workspace: search (the replica's full-text index, so it answers with
 * the server down), an article with its insert buttons, and for supervisors and admins the editor and
 * the version history. Like the handoff panel it does not trap the keyboard (the ticket stays in
 * reach for the text just inserted); Escape anywhere in it closes it.
 */
export function KnowledgePanel({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation('knowledge');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const view = useStore(knowledgePanel, (state) => state.view);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    // Searching starts in the box; anything else is read from its heading down.
    if (view.kind !== 'search') headingRef.current?.focus();
  }, [view]);

  return (
    <SideSheet id={id} className="knowledge-panel" testId="knowledge-panel" title={t('title')} closeLabel={t('close')} onClose={onClose} headingRef={headingRef} announcement={announcement}>
      <div className="knowledge-panel__body">
        {view.kind === 'search' && <KnowledgeSearch />}
        {view.kind === 'article' && <ArticleView id={view.id} />}
        {view.kind === 'edit' && <ArticleEditor id={view.id} onAnnounce={setAnnouncement} />}
        {view.kind === 'history' && <ArticleHistory id={view.id} onAnnounce={setAnnouncement} />}
      </div>
    </SideSheet>
  );
}

function KnowledgeSearch() {
  const { client } = useDeskServices();
  const { t } = useTranslation('knowledge');
  const query = useStore(knowledgePanel, (state) => state.query);
  const canEdit = useSession((state) => (state.user ? mayEditKnowledge(state.user) : false));
  const inputId = useId();
  const listId = useId();
  const search = useDeskRead(() => client.call('kb.search', { query }), [query]);
  const hits = query.trim() === '' ? null : search.value;

  return (
    <div className="knowledge-search">
      <div role="search">
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={inputId}
          type="search"
          className="text-box knowledge-search__input"
          placeholder={t('search.placeholder')}
          value={query}
          autoFocus
          onChange={(event) => knowledgePanel.getState().setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Escape clears a search first; with nothing to clear it closes the panel as anywhere else.
            if (event.key === 'Escape' && query !== '') {
              event.preventDefault();
              knowledgePanel.getState().setQuery('');
            }
            // Down arrow goes from the box to the first result.
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              document.getElementById(listId)?.querySelector<HTMLElement>('button')?.focus();
            }
          }}
        />
      </div>
      <p className="knowledge-search__status muted" role="status">
        {search.status === 'error'
          ? t('search.failed')
          : hits === null
            ? t('search.hint')
            : hits.length === 0
              ? t('search.none', { query })
              : t('search.found', { count: hits.length })}
      </p>
      {hits && hits.length > 0 && (
        <ul id={listId} className="knowledge-results" aria-label={t('search.results')} onKeyDown={moveBetweenButtons}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="knowledge-results__item choice-item" lang={hit.locale} onClick={() => knowledgePanel.getState().show({ kind: 'article', id: hit.id })}>
                <span className="knowledge-results__title">{hit.title}</span>
                <span className="knowledge-results__meta">
                  <VisibilityBadge isPublic={hit.isPublic} /> {hit.locale.toUpperCase()}
                </span>
                <span className="knowledge-results__snippet muted">{hit.snippet}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <button type="button" className="button knowledge-search__new" onClick={() => knowledgePanel.getState().show({ kind: 'edit', id: null })}>
          {t('editor.newArticle')}
        </button>
      )}
    </div>
  );
}

/** Up and down arrows walk a list of buttons, as in the queue. */
export function moveBetweenButtons(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('li > button')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}
