import { html } from '../html.js';
import { renderPage, type PortalView } from '../layout.js';

export interface ArticleSummary {
  id: string;
  title: string;
  excerpt: string;
  locale: string;
}

const articleHref = (id: string) => `/portal/kb/${encodeURIComponent(id)}`;

/** Search results for `q`, or every article when nothing was asked. */
export function knowledgePage(view: PortalView, q: string, articles: readonly ArticleSummary[]): string {
  const { t } = view;
  const content = html`<div class="card">
  <h1>${t.t('kb.title')}</h1>
  <form class="search" method="get" action="/portal/kb" role="search">
    <label class="visually-hidden" for="kb-q">${t.t('kb.searchLabel')}</label>
    <input type="search" id="kb-q" name="q" value="${q}" maxlength="200">
    <button class="button" type="submit">${t.t('kb.searchButton')}</button>
  </form>
  ${q ? html`<p class="meta" role="status">${articles.length > 0 ? t.plural('kb.results', articles.length) : t.t('kb.noResults', { q })}</p>` : html`<h2>${t.t('kb.all')}</h2>`}
  <ul class="article-list">
    ${articles.map((a) => html`<li lang="${a.locale}"><a href="${articleHref(a.id)}">${a.title}</a><p>${a.excerpt}</p></li>`)}
  </ul>
  ${q && articles.length === 0 ? html`<p><a class="button" href="/portal">${t.t('article.write')}</a></p>` : ''}
</div>`;
  return renderPage(view, t.t('kb.title'), 'kb', content);
}

/** An article as plain paragraphs; its language is marked so a screen reader pronounces it right. */
export function articlePage(view: PortalView, article: { title: string; body: string; locale: string }): string {
  const { t } = view;
  const paragraphs = article.body.split(/\n+/).filter((p) => p.trim());
  const content = html`<p><a href="/portal/kb">← ${t.t('article.back')}</a></p>
<article class="card" lang="${article.locale}">
  <h1>${article.title}</h1>
  <div class="article-body">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>
</article>
<section class="card">
  <h2>${t.t('article.notAnswered')}</h2>
  <p><a class="button" href="/portal">${t.t('article.write')}</a></p>
</section>`;
  return renderPage(view, article.title, 'kb', content);
}
