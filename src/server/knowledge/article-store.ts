import { randomUUID } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import { mayEditKnowledge, type Article, type ArticleContent, type ArticleVersion, type ArticleVersionSummary } from '../../shared/domain/knowledge.js';
import type { Locale, User } from '../../shared/domain/people.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';

type Trx = Transaction<Database>;
type Reader = ServerDb | Trx;

/**
 * Why an article edit was refused. `conflict` carries the version saved meanwhile and who saved it,
 * so the editor can say so and keep the agent's text.
 */
export class ArticleRefusal extends Error {
  constructor(
    readonly code: 'forbidden' | 'not_found' | 'conflict',
    message: string,
    readonly current?: ArticleVersionSummary,
  ) {
    super(message);
  }
}

/** Every console keeps the whole knowledge base, internal runbooks too, for search with the server down. */
const ARTICLE_SCOPE = 'shared';

export function articleFromRow(row: Selectable<Database['articles']>): Article {
  return { id: row.id, title: row.title, body: row.body, locale: row.locale as Locale, isPublic: row.is_public === 1, version: row.version, updatedAt: row.updated_at };
}

function versionFromRow(row: Selectable<Database['article_versions']>): ArticleVersion {
  return {
    articleId: row.article_id,
    version: row.version,
    title: row.title,
    body: row.body,
    locale: row.locale as Locale,
    isPublic: row.is_public === 1,
    authorId: row.author_id,
    authorName: row.author_name,
    note: row.note,
    createdAt: row.created_at,
  };
}

function summaryOf({ body: _body, ...summary }: ArticleVersion): ArticleVersionSummary {
  return summary;
}

export async function findArticle(reader: Reader, id: string): Promise<Article | null> {
  const row = await reader.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? articleFromRow(row) : null;
}

/** Newest first; the bodies stay behind (an article may have hundreds of versions). */
export async function listVersions(reader: Reader, articleId: string): Promise<ArticleVersionSummary[]> {
  const rows = await reader.selectFrom('article_versions').selectAll().where('article_id', '=', articleId).orderBy('version', 'desc').execute();
  return rows.map((row) => summaryOf(versionFromRow(row)));
}

export async function findVersion(reader: Reader, articleId: string, version: number): Promise<ArticleVersion | null> {
  const row = await reader.selectFrom('article_versions').selectAll().where('article_id', '=', articleId).where('version', '=', version).executeTakeFirst();
  return row ? versionFromRow(row) : null;
}

type Author = Pick<User, 'id' | 'name'> | { id: null; name: string };

async function writeVersion(trx: Trx, article: Article, author: Author, note: string): Promise<void> {
  await trx
    .insertInto('article_versions')
    .values({
      article_id: article.id,
      version: article.version,
      title: article.title,
      body: article.body,
      locale: article.locale,
      is_public: article.isPublic ? 1 : 0,
      author_id: author.id,
      author_name: author.name,
      note,
      created_at: article.updatedAt,
    })
    .execute();
  await appendChange(trx, { scope: ARTICLE_SCOPE, entity: 'article', rowId: article.id, row: article }, article.updatedAt);
}

function requireEditor(user: User): void {
  if (!mayEditKnowledge(user)) throw new ArticleRefusal('forbidden', 'Only supervisors and admins edit the knowledge base');
}

/** A new article, as version 1. */
export async function createArticle(trx: Trx, clock: Clock, user: User, content: ArticleContent): Promise<Article> {
  requireEditor(user);
  const { note, ...fields } = content;
  const article: Article = { id: `kb-${randomUUID()}`, ...fields, version: 1, updatedAt: isoNow(clock) };
  await trx.insertInto('articles').values({ id: article.id, title: article.title, body: article.body, locale: article.locale, is_public: article.isPublic ? 1 : 0, version: 1, updated_at: article.updatedAt }).execute();
  await writeVersion(trx, article, user, note);
  return article;
}

/**
 * Saves an edit as the next version, if nobody saved one since the editor opened `baseVersion`.
 * Otherwise nothing changes and the refusal names the version in the way; the editor keeps the text.
 */
export async function editArticle(trx: Trx, clock: Clock, user: User, id: string, content: ArticleContent & { baseVersion: number }): Promise<Article> {
  requireEditor(user);
  const current = await findArticle(trx, id);
  if (!current) throw new ArticleRefusal('not_found', `No article ${id}`);
  if (current.version !== content.baseVersion) {
    const latest = await findVersion(trx, id, current.version);
    const by = latest ? ` by ${latest.authorName}` : '';
    throw new ArticleRefusal(
      'conflict',
      `Version ${current.version} of this article was saved${by} after you opened version ${content.baseVersion}; your text was not saved`,
      latest ? summaryOf(latest) : undefined,
    );
  }
  const { note, baseVersion: _base, ...fields } = content;
  const article: Article = { id, ...fields, version: current.version + 1, updatedAt: isoNow(clock) };
  const updated = await trx
    .updateTable('articles')
    .set({ title: article.title, body: article.body, locale: article.locale, is_public: article.isPublic ? 1 : 0, version: article.version, updated_at: article.updatedAt })
    .where('id', '=', id)
    .where('version', '=', content.baseVersion)
    .executeTakeFirst();
  // Re-checked in the write itself: a second server node may have saved between the read and here.
  if (Number(updated.numUpdatedRows) !== 1) throw new ArticleRefusal('conflict', 'This article was saved by someone else a moment ago; your text was not saved');
  await writeVersion(trx, article, user, note);
  return article;
}

/** Demo and first-run articles: version 1, by Shiftdesk. */
export async function insertCatalogArticle(trx: Trx, article: Omit<Article, 'version' | 'updatedAt'>, at: string): Promise<void> {
  const full: Article = { ...article, version: 1, updatedAt: at };
  await trx.insertInto('articles').values({ id: full.id, title: full.title, body: full.body, locale: full.locale, is_public: full.isPublic ? 1 : 0, version: 1, updated_at: at }).execute();
  await writeVersion(trx, full, { id: null, name: 'Shiftdesk' }, '');
}
