import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEditKnowledge } from '../../../../shared/domain/knowledge.js';
import { useDeskServices, useSession, useTicketPane } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { draftKey } from '../ticket/drafts-store.js';
import { knowledgePanel } from './knowledge-panel.js';
import { useDeskRead } from './use-knowledge.js';
import { VisibilityBadge } from './VisibilityBadge.js';

/**
 * One article from the replica, with what an agent does with it: insert its public link or its text
 * into the open ticket's reply (at the end of the draft, as the drafts store inserts). Internal
 * articles have no link to give; the panel says so instead of offering a dead one.
 */
export function ArticleView({ id }: { id: string }) {
  const { client, drafts } = useDeskServices();
  const { t } = useTranslation('knowledge');
  const formatDateTime = useDateTimeFormat();
  const user = useSession((state) => state.user);
  const ticket = useTicketPane((state) => (state.status === 'ready' ? (state.detail?.ticket ?? null) : null));
  const read = useDeskRead(() => client.call('kb.get', { id }), [id]);
  const article = read.value;
  const [inserted, setInserted] = useState<string | null>(null);

  function insert(text: string) {
    if (!ticket || !user) return;
    const key = draftKey(user.id, ticket.id);
    drafts.getState().setKind(key, 'reply');
    drafts.getState().insertText(key, text);
    setInserted(t('article.inserted', { number: ticket.number }));
  }

  return (
    <article className="knowledge-article" lang={article?.locale}>
      <button type="button" className="knowledge-link" onClick={() => knowledgePanel.getState().show({ kind: 'search' })}>
        ← {t('article.back')}
      </button>
      {read.status !== 'loading' && !article ? (
        <p role="alert">{t('article.missing')}</p>
      ) : article ? (
        <>
          <h3 className="knowledge-article__title">{article.title}</h3>
          <p className="knowledge-article__meta muted">
            <VisibilityBadge isPublic={article.isPublic} />{' '}
            {t('article.version', { version: article.version })}
            {article.updatedAt > '1970-01-02' && <> · {t('article.updated', { time: formatDateTime(article.updatedAt) })}</>}
          </p>
          <div className="knowledge-article__actions">
            <button type="button" className="button" disabled={!ticket || !article.publicUrl} onClick={() => insert(`${article.title}: ${article.publicUrl}`)}>
              {t('article.insertLink')}
            </button>
            <button type="button" className="button" disabled={!ticket} onClick={() => insert(article.body)}>
              {t('article.insertText')}
            </button>
            {user && mayEditKnowledge(user) && (
              <>
                <button type="button" className="button" onClick={() => knowledgePanel.getState().show({ kind: 'edit', id })}>
                  {t('article.edit')}
                </button>
                <button type="button" className="button" onClick={() => knowledgePanel.getState().show({ kind: 'history', id })}>
                  {t('article.history')}
                </button>
              </>
            )}
          </div>
          {!ticket && <p className="muted">{t('article.noTicket')}</p>}
          {/* Always there, so screen readers hear each insert as it happens. */}
          <p className="knowledge-article__inserted" role="status">
            {ticket && inserted && (
              <>
                <span aria-hidden="true">✓ </span>
                {inserted}
              </>
            )}
          </p>
          {!article.isPublic && <p className="knowledge-article__note">{t('article.internalNote')}</p>}
          {article.publicUrl && (
            <p className="knowledge-article__link muted">
              {t('article.openLink')}: <span className="knowledge-article__url">{article.publicUrl}</span>
            </p>
          )}
          <div className="knowledge-article__body">{article.body}</div>
        </>
      ) : null}
    </article>
  );
}
