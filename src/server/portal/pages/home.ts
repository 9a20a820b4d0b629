import { customerLocales } from '../../../shared/notifications/templates.js';
import { PORTAL_MAX_FILE_BYTES, PORTAL_MAX_FILES, SUBJECT_MAX, TEXT_MAX } from '../../../shared/portal/forms.js';
import { html } from '../html.js';
import { languageNames } from '../i18n/translator.js';
import { renderPage, type PortalView } from '../layout.js';
import { errorSummary, fileField, inputField, selectField, textareaField, type FieldErrors } from './fields.js';

export interface RequestFormState {
  /** This rendering's form visit, which the page's script reports deflection events under. */
  visit: string;
  values: Partial<Record<'name' | 'email' | 'language' | 'subject' | 'description', string>>;
  errors: FieldErrors;
}

export interface ArticleLink {
  id: string;
  title: string;
  locale: string;
}

/** The front page: search the articles, write to us (with suggestions as the subject is typed), or see one's requests. */
export function homePage(view: PortalView, form: RequestFormState, articles: readonly ArticleLink[]): string {
  const { t } = view;
  const { values, errors } = form;
  const content = html`<section class="hero">
  <h1>${t.t('home.title')}</h1>
  <p>${t.t('home.lead')}</p>
  <form class="search" method="get" action="/portal/kb" role="search">
    <label class="visually-hidden" for="kb-q">${t.t('kb.searchLabel')}</label>
    <input type="search" id="kb-q" name="q" maxlength="200">
    <button class="button" type="submit">${t.t('kb.searchButton')}</button>
  </form>
</section>
<div class="columns">
  <section class="card" aria-labelledby="form-title">
    <h2 id="form-title">${t.t('form.title')}</h2>
    <p class="lead">${t.t('form.lead')}</p>
    ${errorSummary(t, errors)}
    <form method="post" action="/portal/requests" enctype="multipart/form-data" data-visit="${form.visit}">
      <input type="hidden" name="visit" value="${form.visit}">
      <div class="two">
        ${inputField({ name: 'name', label: t.t('form.name'), value: values.name, error: errors.name, required: true, autocomplete: 'name', maxLength: 200 })}
        ${inputField({ name: 'email', type: 'email', label: t.t('form.email'), value: values.email, error: errors.email, required: true, autocomplete: 'email', maxLength: 320 })}
      </div>
      ${selectField({
        name: 'language',
        label: t.t('form.language'),
        value: values.language ?? t.locale,
        error: errors.language,
        options: customerLocales.map((code) => ({ value: code, label: languageNames[code], lang: code })),
      })}
      ${inputField({
        name: 'subject',
        label: t.t('form.subject'),
        hint: t.t('form.subjectHint'),
        value: values.subject,
        error: errors.subject,
        required: true,
        autocomplete: 'off',
        maxLength: SUBJECT_MAX,
        attributes: html` data-suggest-source`,
      })}
      <div aria-live="polite">
        <div class="suggestions" id="suggestions" hidden>
          <h3>${t.t('suggest.heading')}</h3>
          <ul></ul>
        </div>
      </div>
      ${textareaField({ name: 'description', label: t.t('form.description'), hint: t.t('form.descriptionHint'), value: values.description, error: errors.description, required: true, maxLength: TEXT_MAX, rows: 7 })}
      ${fileField({ name: 'attachments', label: t.t('form.attachments'), hint: t.plural('form.attachmentsHint', PORTAL_MAX_FILES, { size: t.size(PORTAL_MAX_FILE_BYTES) }), error: errors.attachments })}
      <button class="button" type="submit">${t.t('form.submit')}</button>
    </form>
  </section>
  <div>
    <section class="card" aria-labelledby="requests-title">
      <h2 id="requests-title">${t.t('home.requestsTitle')}</h2>
      <p>${t.t('home.requestsLead')}</p>
      <a class="button secondary" href="/portal/requests">${t.t('nav.requests')}</a>
    </section>
    ${
      articles.length > 0
        ? html`<section class="card" aria-labelledby="kb-title">
      <h2 id="kb-title">${t.t('kb.title')}</h2>
      <ul class="article-list">${articles.map((a) => html`<li lang="${a.locale}"><a href="/portal/kb/${encodeURIComponent(a.id)}">${a.title}</a></li>`)}</ul>
      <p><a href="/portal/kb">${t.t('kb.all')}</a></p>
    </section>`
        : ''
    }
  </div>
</div>`;
  return renderPage(view, t.t('home.title'), null, content);
}

/** After sending: the request's number and the acknowledgement the customer was also mailed (it says when to expect an answer). */
export function thanksPage(view: PortalView, request: { number: number; email: string; acknowledgement: string | null }): string {
  const { t } = view;
  return renderPage(
    view,
    t.t('thanks.title'),
    null,
    html`<div class="card narrow">
  <h1>${t.t('thanks.title')}</h1>
  <p class="notice" data-testid="request-number">${t.t('thanks.number', { number: request.number })}</p>
  ${request.acknowledgement ? html`<p>${t.t('thanks.sent', { email: request.email })}</p><blockquote class="quote" data-testid="acknowledgement">${request.acknowledgement}</blockquote>` : ''}
  <p class="actions"><a class="button" href="/portal/requests">${t.t('thanks.follow')}</a><a class="button secondary" href="/portal">${t.t('thanks.home')}</a></p>
</div>`,
  );
}
