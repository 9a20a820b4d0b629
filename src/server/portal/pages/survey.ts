import { COMMENT_MAX } from '../../../shared/portal/forms.js';
import { html } from '../html.js';
import { renderPage, type PortalView } from '../layout.js';
import { errorSummary, textareaField, type FieldErrors } from './fields.js';

const scores = [1, 2, 3, 4, 5] as const;

/** The satisfaction question: five labelled choices (radio buttons, so arrows move between them) and a comment. */
export function surveyPage(
  view: PortalView,
  survey: { ticketId: string; token: string; number: number; subject: string },
  form: { score?: number | undefined; comment?: string | undefined; errors: FieldErrors },
): string {
  const { t } = view;
  const content = html`<div class="card narrow">
  <h1>${t.t('survey.title')}</h1>
  <p class="lead">${t.t('survey.about', { number: survey.number, subject: survey.subject })}</p>
  ${errorSummary(t, form.errors)}
  <form method="post" action="/portal/survey/${survey.ticketId}">
    <input type="hidden" name="token" value="${survey.token}">
    <fieldset class="scale" id="score" tabindex="-1"${form.errors.score ? html` aria-describedby="score-error"` : ''}>
      <legend>${t.t('survey.question')}</legend>
      ${form.errors.score ? html`<span class="error-text" id="score-error">${form.errors.score}</span>` : ''}
      <div class="options">
        ${scores.map(
          (score) => html`<div>
          <input type="radio" name="score" id="score-${score}" value="${score}"${score === form.score ? html` checked` : ''} required>
          <label for="score-${score}"><strong>${score}</strong>${t.t(`survey.score.${score}`)}</label>
        </div>`,
        )}
      </div>
    </fieldset>
    ${textareaField({ name: 'comment', label: t.t('survey.comment'), value: form.comment, error: form.errors.comment, maxLength: COMMENT_MAX, rows: 4 })}
    <button class="button" type="submit">${t.t('survey.submit')}</button>
  </form>
</div>`;
  return renderPage(view, t.t('survey.title'), null, content);
}
