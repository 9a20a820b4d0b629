import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { isKnowledgeShortcut, knowledgePanel } from './knowledge-panel.js';
import { KnowledgePanel } from './KnowledgePanel.js';
import './knowledge.css';

/**
 * The top bar's way into the knowledge base, and the shortcut (Ctrl+Shift+K) that opens it from
 * anywhere; pressed again, or Escape in the panel, closes it and the focus comes back here.
 */
export function KnowledgeButton() {
  const { t } = useTranslation('knowledge');
  const open = useStore(knowledgePanel, (state) => state.open);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  function close() {
    knowledgePanel.getState().close();
    buttonRef.current?.focus();
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isKnowledgeShortcut(event) || event.isComposing) return;
      event.preventDefault();
      if (knowledgePanel.getState().open) {
        knowledgePanel.getState().close();
        buttonRef.current?.focus();
      } else knowledgePanel.getState().openPanel({ kind: 'search' });
    }
    // Capturing: the queue's and the composer's own keys must not swallow it first.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        data-testid="knowledge-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-keyshortcuts="Control+Shift+K"
        title={t('shortcut', { keys: 'Ctrl+Shift+K' })}
        onClick={() => (open ? close() : knowledgePanel.getState().openPanel({ kind: 'search' }))}
      >
        {t('button')}
      </button>
      {open && <KnowledgePanel id={panelId} onClose={close} />}
    </>
  );
}
