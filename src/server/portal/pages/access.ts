import { html } from '../html.js';
import { renderPage, type PortalView } from '../layout.js';
import { errorSummary, inputField, type FieldErrors } from './fields.js';

/** Asking for a sign-in link: one field, the address the customer wrote from. */
export function accessPage(view: PortalView, form: { email?: string | undefined; errors: FieldErrors }): string {
  const { t } = view;
  return renderPage(
    view,
    t.t('access.title'),
    'requests',
    html`<div class="card narrow">
  <h1>${t.t('access.title')}</h1>
  <p class="lead">${t.t('access.lead')}</p>
  ${errorSummary(t, form.errors)}
  <form method="post" action="/portal/access">
    ${inputField({ name: 'email', type: 'email', label: t.t('form.email'), value: form.email, error: form.errors.email, required: true, autocomplete: 'email', maxLength: 320 })}
    <button class="button" type="submit">${t.t('access.submit')}</button>
  </form>
</div>`,
  );
}

/**
 * Where a mailed link lands. Signing in takes a press of Continue (a POST): mail scanners that open
 * every link in a message would otherwise use the one-time link up before the customer does.
 */
export function linkLandingPage(view: PortalView, token: string): string {
  const { t } = view;
  return renderPage(
    view,
    t.t('link.title'),
    'requests',
    html`<div class="card narrow">
  <h1>${t.t('link.title')}</h1>
  <p>${t.t('link.lead')}</p>
  <form method="post" action="/portal/link">
    <input type="hidden" name="token" value="${token}">
    <button class="button" type="submit">${t.t('link.continue')}</button>
  </form>
</div>`,
  );
}
