import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSaveResult } from '../../../../shared/desk-api/knowledge-methods.js';
import type { ArticleContent } from '../../../../shared/domain/knowledge.js';
import type { Locale } from '../../../../shared/domain/people.js';
import { useDeskServices, useSession } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { LocaleOptions } from '../../ui/LocaleOptions.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { knowledgePanel } from './knowledge-panel.js';
import { useDeskRead } from './use-knowledge.js';

type Conflict = Extract<ArticleSaveResult, { status: 'conflict' }>;

/**
 * Writes an article (a new one when `id` is null) as a new version. Online only: the server checks
 * the version the editor started from, and a conflict or a lost connection leaves every word typed
 * here on screen (docs/knowledge.md).
 */
export function ArticleEditor({ id, onAnnounce }: { id: string | null; onAnnounce(text: string): void }) {
  const { client } = useDeskServices();
  const read = useDeskRead(() => (id === null ? Promise.resolve(null) : client.call('kb.get', { id })), [id], []);
  if (id !== null && read.status === 'loading') return null;
  const article = read.value;
  return (
    <ArticleForm
      key={`${id}-${article?.version ?? 0}`}
      id={id}
      baseVersion={article?.version ?? null}
      initial={article ? { title: article.title, body: article.body, locale: article.locale, isPublic: article.isPublic, note: '' } : null}
      onAnnounce={onAnnounce}
    />
  );
}

function ArticleForm({ id, baseVersion, initial, onAnnounce }: { id: string | null; baseVersion: number | null; initial: ArticleContent | null; onAnnounce(text: string): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('knowledge');
  const formatDateTime = useDateTimeFormat();
  const userLocale = useSession((state) => state.user?.locale ?? 'en');
  const [content, setContent] = useState<ArticleContent>(initial ?? { title: '', body: '', locale: userLocale, isPublic: false, note: '' });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { busy, failure, run } = useServerAction();
  const base = useId();
  const field = (name: string) => `${base}-${name}`;
  const change = (patch: Partial<ArticleContent>) => setContent((current) => ({ ...current, ...patch }));

  async function save() {
    setConflict(null);
    const input = id === null || baseVersion === null ? { content } : { id, baseVersion, content };
    const result = await run(() => client.call('kb.save', input));
    if (!result) return;
    if (result.value.status === 'conflict') {
      setConflict(result.value);
      return;
    }
    onAnnounce(t('editor.saved', { version: result.value.article.version }));
    knowledgePanel.getState().show({ kind: 'article', id: result.value.article.id });
  }

  return (
    <form
      className="knowledge-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 className="knowledge-editor__heading">{id === null ? t('editor.newHeading') : t('editor.heading', { title: initial?.title ?? '' })}</h3>
      <div className="field">
        <label htmlFor={field('title')}>{t('editor.fieldTitle')}</label>
        <input id={field('title')} className="text-box" required maxLength={200} value={content.title} onChange={(event) => change({ title: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={field('body')}>{t('editor.fieldBody')}</label>
        <textarea id={field('body')} className="text-box knowledge-editor__body" required rows={14} value={content.body} onChange={(event) => change({ body: event.target.value })} />
      </div>
      <div className="knowledge-editor__row">
        <div className="field">
          <label htmlFor={field('locale')}>{t('editor.fieldLocale')}</label>
          <select id={field('locale')} value={content.locale} onChange={(event) => change({ locale: event.target.value as Locale })}>
            <LocaleOptions />
          </select>
        </div>
        <label className="knowledge-editor__check">
          <input type="checkbox" checked={content.isPublic} onChange={(event) => change({ isPublic: event.target.checked })} /> {t('editor.fieldPublic')}
        </label>
      </div>
      <div className="field">
        <label htmlFor={field('note')}>{t('editor.fieldNote')}</label>
        <input id={field('note')} className="text-box" maxLength={500} value={content.note} onChange={(event) => change({ note: event.target.value })} />
      </div>
      {conflict && (
        <div className="knowledge-editor__problem" role="alert">
          <p>
            {conflict.current
              ? t('editor.conflict', { name: conflict.current.authorName, version: conflict.current.version, time: formatDateTime(conflict.current.createdAt), base: baseVersion ?? 0 })
              : t('editor.conflictUnknown')}
          </p>
          {id !== null && (
            <button type="button" className="button" onClick={() => knowledgePanel.getState().show({ kind: 'article', id })}>
              {t('editor.reload')}
            </button>
          )}
        </div>
      )}
      {failure && (
        <p className="knowledge-editor__problem" role="alert">
          {failure.kind === 'offline' ? t('editor.offline') : t('editor.failed', { message: failure.message })}
        </p>
      )}
      <div className="knowledge-editor__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {id === null ? t('editor.create') : t('editor.save')}
        </button>
        <button type="button" className="button" onClick={() => knowledgePanel.getState().show(id === null ? { kind: 'search' } : { kind: 'article', id })}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
