import { CSAT_GOOD, scaleScores, type CsatScale } from '../../../shared/csat/survey.js';
import { COMMENT_MAX } from '../../../shared/portal/forms.js';
import { html } from '../html.js';
import { renderPage, type PortalView } from '../layout.js';
import { errorSummary, textareaField, type FieldErrors } from './fields.js';

/**
 * The satisfaction question on the desk's scale: five labelled choices or good / bad (radio buttons,
 * so arrows move between them), and a comment. The scale goes with the form, so the answer is checked
 * against what the customer saw.
 */
export function surveyPage(
  view: PortalView,
  survey: { ticketId: string; token: string; number: number; subject: string; scale: CsatScale },
  form: { score?: number | undefined; comment?: string | undefined; errors: FieldErrors },
): string {
  const { t } = view;
  const twoWay = survey.scale === 'good_bad';
  const label = (score: number) =>
    twoWay ? html`${t.t(score === CSAT_GOOD ? 'survey.good' : 'survey.bad')}` : html`<strong>${score}</strong>${t.t(`survey.score.${score as 1 | 2 | 3 | 4 | 5}`)}`;
  const content = html`<div class="card narrow">
  <h1>${t.t('survey.title')}</h1>
  <p class="lead">${t.t('survey.about', { number: survey.number, subject: survey.subject })}</p>
  ${errorSummary(t, form.errors)}
  <form method="post" action="/portal/survey/${survey.ticketId}">
    <input type="hidden" name="token" value="${survey.token}">
    <input type="hidden" name="scale" value="${survey.scale}">
    <fieldset class="scale${twoWay ? ' scale--two' : ''}" id="score" tabindex="-1"${form.errors.score ? html` aria-describedby="score-error"` : ''}>
      <legend>${t.t(twoWay ? 'survey.questionGoodBad' : 'survey.question')}</legend>
      ${form.errors.score ? html`<span class="error-text" id="score-error">${form.errors.score}</span>` : ''}
      <div class="options">
        ${scaleScores(survey.scale).map(
          (score) => html`<div>
          <input type="radio" name="score" id="score-${score}" value="${score}"${score === form.score ? html` checked` : ''} required>
          <label for="score-${score}">${label(score)}</label>
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
