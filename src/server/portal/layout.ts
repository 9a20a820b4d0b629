import type { FastifyReply, FastifyRequest } from 'fastify';
import { customerLocales } from '../../shared/notifications/templates.js';
import type { ServerContext } from '../context.js';
import { portalAssets } from './assets.js';
import { html, type SafeHtml } from './html.js';
import { languageNames, translator, type Translator } from './i18n/translator.js';
import { portalLocale } from './language.js';
import { portalSessionEmail } from './portal-sessions.js';

/** What every page needs to know about the request it answers. */
export interface PortalView {
  t: Translator;
  /** The page's own address (path and query), for the language switcher. */
  path: string;
  /** The signed-in customer's address, if any. */
  email: string | null;
}

export async function portalView(context: ServerContext, request: FastifyRequest, reply: FastifyReply, path = request.url): Promise<PortalView> {
  return { t: translator(portalLocale(request, reply)), path, email: await portalSessionEmail(context, request) };
}

type Section = 'kb' | 'requests' | null;

function withLanguage(path: string, locale: string): string {
  const url = new URL(path, 'http://portal.invalid');
  url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}`;
}

/** The whole document around a page's content: header, navigation, language switcher, footer. */
export function renderPage(view: PortalView, title: string, section: Section, content: SafeHtml): string {
  const { t } = view;
  const navLink = (href: string, label: string, name: Section) => html`<a href="${href}"${section === name ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="${t.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t.t('site.name')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${portalAssets['portal.css']!.url}">
<script src="${portalAssets['portal.js']!.url}" defer></script>
</head>
<body>
<a class="skip" href="#content">${t.t('site.skip')}</a>
<header class="site-header">
  <div class="bar">
    <a class="brand" href="/portal">${t.t('site.name')}</a>
    <nav class="site-nav" aria-label="${t.t('site.nav')}">
      <ul>
        <li>${navLink('/portal/kb', t.t('nav.kb'), 'kb')}</li>
        <li>${navLink('/portal/requests', t.t('nav.requests'), 'requests')}</li>
        ${view.email ? html`<li><form class="inline-form" method="post" action="/portal/sign-out"><button class="link-button" type="submit">${t.t('nav.signOut')}</button></form></li>` : ''}
      </ul>
    </nav>
    <nav class="languages" aria-label="${t.t('site.language')}">
      <ul>
        ${customerLocales.map(
          (code) => html`<li><a href="${withLanguage(view.path, code)}" hreflang="${code}" lang="${code}" aria-current="${code === t.locale ? 'true' : 'false'}">${languageNames[code]}</a></li>`,
        )}
      </ul>
    </nav>
  </div>
</header>
<main id="content" tabindex="-1">
${content}
</main>
<footer class="site-footer">${t.t('footer.text')}</footer>
</body>
</html>
`.value;
}

/** A page with a heading, a sentence or two and the ways on: what most outcomes (errors, "check your mail") look like. */
export function messagePage(view: PortalView, title: string, lines: readonly string[], links: readonly { href: string; label: string }[] = []): string {
  return renderPage(
    view,
    title,
    null,
    html`<div class="card narrow">
  <h1>${title}</h1>
  ${lines.map((line) => html`<p>${line}</p>`)}
  ${links.length > 0 ? html`<p>${links.map((link, i) => html`${i > 0 ? ' · ' : ''}<a href="${link.href}">${link.label}</a>`)}</p>` : ''}
</div>`,
  );
}

export function sendPage(reply: FastifyReply, document: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(document);
}
