import type { Message, TicketStatus } from '../../../shared/domain/ticket.js';
import { PORTAL_MAX_FILE_BYTES, PORTAL_MAX_FILES, TEXT_MAX } from '../../../shared/portal/forms.js';
import { html } from '../html.js';
import type { Translator } from '../i18n/translator.js';
import { renderPage, type PortalView } from '../layout.js';
import { errorSummary, fileField, textareaField, type FieldErrors } from './fields.js';

export interface RequestSummary {
  number: number;
  subject: string;
  status: TicketStatus;
  createdAt: string;
  /** The latest thing the customer can see: a public message, or the request being solved. */
  lastUpdate: string;
}

/** Statuses in the customer's words: "on hold" is our business, to them the request is in progress. */
function statusBadge(t: Translator, status: TicketStatus) {
  return html`<span class="status ${status}">${t.t(`status.${status}`)}</span>`;
}

function when(t: Translator, iso: string) {
  return html`<time datetime="${iso}">${t.dateTime(iso)}</time>`;
}

export function requestListPage(view: PortalView, email: string, requests: readonly RequestSummary[]): string {
  const { t } = view;
  return renderPage(
    view,
    t.t('requests.title'),
    'requests',
    html`<div class="card">
  <h1>${t.t('requests.title')}</h1>
  <p class="meta">${t.t('requests.signedIn', { email })} · ${t.plural('requests.count', requests.length)}</p>
  ${
    requests.length === 0
      ? html`<p>${t.t('requests.none')}</p>`
      : html`<table>
    <thead><tr><th scope="col">${t.t('requests.number')}</th><th scope="col">${t.t('requests.subject')}</th><th scope="col">${t.t('requests.status')}</th><th scope="col">${t.t('requests.updated')}</th></tr></thead>
    <tbody>
      ${requests.map(
        (r) => html`<tr data-testid="request-row">
        <td><a href="/portal/requests/${r.number}">#${r.number}</a></td>
        <td>${r.subject}</td>
        <td>${statusBadge(t, r.status)}</td>
        <td>${when(t, r.lastUpdate)}</td>
      </tr>`,
      )}
    </tbody>
  </table>`
  }
  <p><a class="button secondary" href="/portal">${t.t('requests.new')}</a></p>
</div>`,
  );
}

export interface RequestDetail extends Omit<RequestSummary, 'lastUpdate'> {
  /** Public messages only: internal notes never reach this page. */
  messages: readonly Message[];
  surveyUrl: string | null;
}

/** One request: its public thread with downloadable files, and a reply box. */
export function requestPage(view: PortalView, request: RequestDetail, reply: { value?: string | undefined; errors: FieldErrors }): string {
  const { t } = view;
  const base = `/portal/requests/${request.number}`;
  const content = html`<p><a href="/portal/requests">← ${t.t('request.back')}</a></p>
<div class="card">
  <h1>${t.t('request.title', { number: request.number })}: ${request.subject}</h1>
  <p class="meta">${statusBadge(t, request.status)} · ${t.t('request.opened')} ${when(t, request.createdAt)}</p>
  ${request.status === 'solved' ? html`<p class="notice">${t.t('request.solved')}${request.surveyUrl ? html` <a href="${request.surveyUrl}">${t.t('request.rate')}</a>` : ''}</p>` : ''}
  ${request.status === 'closed' ? html`<p class="notice warn">${t.t('request.closed')}${request.surveyUrl ? html` <a href="${request.surveyUrl}">${t.t('request.rate')}</a>` : ''}</p>` : ''}
  <h2>${t.t('request.thread')}</h2>
  <ol class="thread">
    ${request.messages.map((m) => {
      const files = m.attachments ?? [];
      const mine = m.authorKind === 'customer';
      return html`<li class="message${mine ? ' mine' : ''}" data-testid="message">
      <header><strong>${mine ? t.t('request.you') : m.authorKind === 'agent' ? m.authorName : t.t('request.team')}</strong>${when(t, m.createdAt)}</header>
      <div class="body">${m.body}</div>
      ${
        files.length > 0
          ? html`<p class="meta">${t.plural('request.files', files.length)}</p><ul class="files">${files.map(
              (f) => html`<li><a href="${base}/files/${f.id}" download>${f.filename}</a> <span class="meta">(${t.size(f.size)})</span></li>`,
            )}</ul>`
          : ''
      }
    </li>`;
    })}
  </ol>
</div>
<section class="card" aria-labelledby="reply-title">
  <h2 id="reply-title">${t.t('request.replyTitle')}</h2>
  ${errorSummary(t, reply.errors)}
  <form method="post" action="${base}/reply" enctype="multipart/form-data">
    ${textareaField({ name: 'message', label: t.t('request.replyLabel'), value: reply.value, error: reply.errors.message, required: true, maxLength: TEXT_MAX })}
    ${fileField({ name: 'attachments', label: t.t('form.attachments'), hint: t.plural('form.attachmentsHint', PORTAL_MAX_FILES, { size: t.size(PORTAL_MAX_FILE_BYTES) }), error: reply.errors.attachments })}
    <button class="button" type="submit">${t.t('request.replySubmit')}</button>
  </form>
</section>`;
  return renderPage(view, t.t('request.title', { number: request.number }), 'requests', content);
}
