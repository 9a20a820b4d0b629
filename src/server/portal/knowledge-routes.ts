import type { FastifyInstance } from 'fastify';
import { ArticleParamsSchema, KbQuerySchema } from '../../shared/portal/knowledge.js';
import type { ServerContext } from '../context.js';
import { searchPublicArticles } from '../knowledge/article-search.js';
import { messagePage, portalView, sendPage } from './layout.js';
import { articlePage, knowledgePage } from './pages/knowledge.js';

const RESULTS = 20;
const EXCERPT = 180;

/** The public knowledge base: search, the list, and each article at /portal/kb/:id (where the chatbot links). */
export function knowledgeRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  app.get('/kb', async (request, reply) => {
    const view = await portalView(context, request, reply);
    const query = KbQuerySchema.safeParse(request.query);
    const q = query.success ? (query.data.q ?? '') : '';
    if (q) return sendPage(reply, knowledgePage(view, q, await searchPublicArticles(db, q, view.t.locale, RESULTS)));
    // Without a question, the articles in the customer's language; English where the desk has none in it.
    const inLocale = (locale: string) => db.selectFrom('articles').select(['id', 'title', 'body', 'locale']).where('is_public', '=', 1).where('locale', '=', locale).orderBy('title').execute();
    let rows = await inLocale(view.t.locale);
    if (rows.length === 0) rows = await inLocale('en');
    const articles = rows.map((row) => ({ id: row.id, title: row.title, locale: row.locale, excerpt: row.body.length > EXCERPT ? `${row.body.slice(0, EXCERPT).replace(/\s+\S*$/, '')}…` : row.body }));
    return sendPage(reply, knowledgePage(view, '', articles), query.success ? 200 : 400);
  });

  app.get('/kb/:id', async (request, reply) => {
    const view = await portalView(context, request, reply);
    const params = ArticleParamsSchema.safeParse(request.params);
    const article = params.success ? await db.selectFrom('articles').select(['title', 'body', 'locale']).where('id', '=', params.data.id).where('is_public', '=', 1).executeTakeFirst() : undefined;
    if (!article) return sendPage(reply, messagePage(view, view.t.t('error.notFoundTitle'), [view.t.t('error.notFound')], [{ href: '/portal/kb', label: view.t.t('article.back') }]), 404);
    return sendPage(reply, articlePage(view, article));
  });
}
