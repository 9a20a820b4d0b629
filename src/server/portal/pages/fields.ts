import type { z } from 'zod';
import { html, type SafeHtml } from '../html.js';
import type { TextKey } from '../i18n/dictionary.js';
import type { Translator } from '../i18n/translator.js';

/** A message per field that needs fixing, in the customer's language. */
export type FieldErrors = Partial<Record<string, string>>;

/** Zod's findings as one sentence per field a customer can act on; the field's own message says what is expected. */
export function fieldErrors(t: Translator, error: z.ZodError, messages: Readonly<Record<string, TextKey>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    const key = messages[field];
    if (key && !errors[field]) errors[field] = t.t(key);
  }
  return errors;
}

interface Field {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

/** The ids a field's description is read from, so a screen reader says the hint and the error with the label. */
function described(field: Field): SafeHtml {
  const ids = [field.error ? `${field.name}-error` : '', field.hint ? `${field.name}-hint` : ''].filter(Boolean);
  return html`${ids.length > 0 ? html` aria-describedby="${ids.join(' ')}"` : ''}${field.error ? html` aria-invalid="true"` : ''}${field.required ? html` required` : ''}`;
}

function frame(field: Field, control: SafeHtml): SafeHtml {
  return html`<div class="field">
  <label for="${field.name}">${field.label}</label>
  ${field.hint ? html`<span class="hint" id="${field.name}-hint">${field.hint}</span>` : ''}
  ${field.error ? html`<span class="error-text" id="${field.name}-error">${field.error}</span>` : ''}
  ${control}
</div>`;
}

export function inputField(field: Field & { type?: 'text' | 'email' | 'search'; value?: string | undefined; autocomplete?: string; maxLength?: number; attributes?: SafeHtml }): SafeHtml {
  return frame(
    field,
    html`<input type="${field.type ?? 'text'}" id="${field.name}" name="${field.name}" value="${field.value ?? ''}"${field.autocomplete ? html` autocomplete="${field.autocomplete}"` : ''}${field.maxLength ? html` maxlength="${field.maxLength}"` : ''}${described(field)}${field.attributes ?? ''}>`,
  );
}

export function textareaField(field: Field & { value?: string | undefined; maxLength?: number; rows?: number }): SafeHtml {
  return frame(field, html`<textarea id="${field.name}" name="${field.name}" rows="${field.rows ?? 6}"${field.maxLength ? html` maxlength="${field.maxLength}"` : ''}${described(field)}>${field.value ?? ''}</textarea>`);
}

export function selectField(field: Field & { value: string; options: readonly { value: string; label: string; lang?: string }[] }): SafeHtml {
  return frame(
    field,
    html`<select id="${field.name}" name="${field.name}"${described(field)}>
  ${field.options.map((o) => html`<option value="${o.value}"${o.lang ? html` lang="${o.lang}"` : ''}${o.value === field.value ? html` selected` : ''}>${o.label}</option>`)}
</select>`,
  );
}

export function fileField(field: Field): SafeHtml {
  return frame(field, html`<input type="file" id="${field.name}" name="${field.name}" multiple${described(field)}>`);
}

/** The list at the top of a refused form, each entry a link to its field, focused so it is read first. */
export function errorSummary(t: Translator, errors: FieldErrors): SafeHtml {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title" data-error-summary>
  <h2 id="error-summary-title">${t.t('errors.summary')}</h2>
  <ul>${entries.map(([name, message]) => html`<li><a href="#${name}">${message}</a></li>`)}</ul>
</div>`;
}
