import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleVersion } from '../../../../shared/domain/knowledge.js';
import { useDeskServices } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { serverFailure, useServerAction } from '../../ui/use-server-action.js';
import { knowledgePanel } from './knowledge-panel.js';
import { moveBetweenButtons } from './KnowledgePanel.js';
import { useDeskRead } from './use-knowledge.js';

/**
 * An article's versions, newest first, read from the server (history stays there). An older version
 * can be read, and restored: saved again as the newest version, so the history keeps both.
 */
export function ArticleHistory({ id, onAnnounce }: { id: string; onAnnounce(text: string): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('knowledge');
  const formatDateTime = useDateTimeFormat();
  const versions = useDeskRead(() => client.call('kb.versions', { id }), [id]);
  const [shown, setShown] = useState<ArticleVersion | null>(null);
  const { busy, failure, run } = useServerAction();
  const list = versions.value ?? [];
  const current = list[0]?.version ?? 0;

  async function view(version: number) {
    const result = await run(() => client.call('kb.version', { id, version }));
    if (result) setShown(result.value);
  }

  async function restore(version: ArticleVersion) {
    const { title, body, locale, isPublic } = version;
    const result = await run(() => client.call('kb.save', { id, baseVersion: current, content: { title, body, locale, isPublic, note: t('versions.restoreNote', { version: version.version }) } }));
    if (!result) return;
    if (result.value.status === 'saved') {
      onAnnounce(t('editor.saved', { version: result.value.article.version }));
      knowledgePanel.getState().show({ kind: 'article', id });
    } else onAnnounce(result.value.message);
  }

  const loadProblem = versions.status === 'error' ? serverFailure(versions.error) : null;

  return (
    <section className="knowledge-history" aria-label={t('versions.heading')}>
      <button type="button" className="knowledge-link" onClick={() => knowledgePanel.getState().show({ kind: 'article', id })}>
        ← {t('article.back')}
      </button>
      <h3 className="knowledge-article__title">
        {t('versions.heading')} {list.length > 0 && <span className="muted">· {t('versions.count', { count: list.length })}</span>}
      </h3>
      {versions.status === 'loading' && <p className="muted">{t('versions.loading')}</p>}
      {loadProblem && <p role="alert">{loadProblem.kind === 'offline' ? t('versions.offline') : t('versions.failed', { message: loadProblem.message })}</p>}
      <ul className="knowledge-results" onKeyDown={moveBetweenButtons}>
        {list.map((version) => (
          <li key={version.version}>
            <button type="button" className="knowledge-results__item choice-item" aria-pressed={shown?.version === version.version} onClick={() => void view(version.version)}>
              <span className="knowledge-results__title">
                {t('versions.item', { version: version.version, author: version.authorName, time: formatDateTime(version.createdAt) })}
                {version.version === current && <> ({t('versions.current')})</>}
              </span>
              {version.note && <span className="knowledge-results__snippet muted">{t('versions.note', { note: version.note })}</span>}
            </button>
          </li>
        ))}
      </ul>
      {failure && <p role="alert">{failure.kind === 'offline' ? t('editor.offline') : t('editor.failed', { message: failure.message })}</p>}
      {shown && (
        <article className="knowledge-history__version" aria-label={t('versions.viewing', { version: shown.version, author: shown.authorName, time: formatDateTime(shown.createdAt) })}>
          <p className="muted">{t('versions.viewing', { version: shown.version, author: shown.authorName, time: formatDateTime(shown.createdAt) })}</p>
          <h4 className="knowledge-article__title">{shown.title}</h4>
          <div className="knowledge-article__body">{shown.body}</div>
          {shown.version !== current && (
            <button type="button" className="button" disabled={busy} onClick={() => void restore(shown)}>
              {t('versions.restore')}
            </button>
          )}
        </article>
      )}
    </section>
  );
}
