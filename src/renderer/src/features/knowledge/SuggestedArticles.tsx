import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { useDeskServices } from '../../services.js';
import { knowledgePanel } from './knowledge-panel.js';
import { moveBetweenButtons } from './KnowledgePanel.js';
import { useDeskRead } from './use-knowledge.js';
import { VisibilityBadge } from './VisibilityBadge.js';
import './knowledge.css';

/**
 * Articles for the open ticket (its subject and first customer message against the replica's
 * full-text index, best first), each opening in the knowledge base panel to read or insert.
 */
export function SuggestedArticles({ ticket }: { ticket: Pick<Ticket, 'id'> }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('knowledge');
  const headingId = useId();
  const suggestions = useDeskRead(() => client.call('kb.suggest', { ticketId: ticket.id }), [ticket.id]);
  const hits = suggestions.value ?? [];

  return (
    <section className="suggested-articles" aria-labelledby={headingId} data-testid="suggested-articles">
      <h3 id={headingId} className="suggested-articles__heading">
        {t('suggested.heading')}
      </h3>
      {suggestions.status === 'ready' && hits.length === 0 ? (
        <p className="muted">{t('suggested.none')}</p>
      ) : (
        <ul className="suggested-articles__list" onKeyDown={moveBetweenButtons}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                className="knowledge-link"
                lang={hit.locale}
                aria-label={t('suggested.open', { title: hit.title })}
                onClick={() => knowledgePanel.getState().openPanel({ kind: 'article', id: hit.id })}
              >
                {hit.title}
              </button>{' '}
              <VisibilityBadge isPublic={hit.isPublic} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
