import { useTranslation } from 'react-i18next';
import { knowledgePanel } from './knowledge-panel.js';

/** The composer's way to an article: opens the knowledge base's search, whose Insert buttons fill this reply. */
export function KnowledgeInsertButton() {
  const { t } = useTranslation('knowledge');
  return (
    <button
      type="button"
      className="button button--small"
      aria-keyshortcuts="Control+Shift+K"
      title={t('shortcut', { keys: 'Ctrl+Shift+K' })}
      onClick={() => knowledgePanel.getState().openPanel({ kind: 'search' })}
    >
      {t('composerButton')}
    </button>
  );
}
