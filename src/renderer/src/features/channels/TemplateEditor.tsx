import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../shared/notifications/templates.js';
import { useDeskServices } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { ConfirmButton } from './ConfirmButton.js';
import { FailureMessage } from './FailureMessage.js';

/**
 * One template's subject and body with the placeholders its kind offers. Saving sends it as written:
 * the server judges the placeholders, and its refusal (naming the unknown one) shows under the form.
 */
export function TemplateEditor({ template, onSaved }: { template: Template; onSaved(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const formatDateTime = useDateTimeFormat();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [announcement, setAnnouncement] = useState('');
  const save = useServerAction();
  const reset = useServerAction();
  const ids = { subject: useId(), body: useId(), placeholders: useId() };
  const subjectRef = useRef<HTMLInputElement>(null);
  const changed = subject !== template.subject || body !== template.body;
  const { kind, locale } = template;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAnnouncement('');
    if (await save.run(() => client.call('admin.templates.save', { kind, locale, subject, body }))) {
      setAnnouncement(t('templates.saved'));
      onSaved();
    }
  }

  async function resetToBuiltIn() {
    setAnnouncement('');
    const builtIn = await reset.run(() => client.call('admin.templates.reset', { kind, locale }));
    if (!builtIn) return;
    setSubject(builtIn.value.subject);
    setBody(builtIn.value.body);
    setAnnouncement(t('templates.resetDone'));
    // Reset is gone with the customised text: the keyboard goes back to the text.
    subjectRef.current?.focus();
    onSaved();
  }

  return (
    <form className="channels__form template-editor" data-testid="template-editor" onSubmit={(event) => void submit(event)}>
      <p className="channels__hint">
        {template.customised && template.updatedAt ? t('templates.customised', { time: formatDateTime(template.updatedAt) }) : t('templates.builtIn')}
      </p>
      <div className="channels__field">
        <label htmlFor={ids.subject}>{t('templates.subject')}</label>
        <input ref={subjectRef} id={ids.subject} value={subject} maxLength={300} aria-describedby={ids.placeholders} onChange={(event) => setSubject(event.target.value)} />
      </div>
      <div className="channels__field">
        <label htmlFor={ids.body}>{t('templates.body')}</label>
        <textarea id={ids.body} className="text-box" value={body} rows={9} maxLength={20_000} aria-describedby={ids.placeholders} onChange={(event) => setBody(event.target.value)} />
      </div>
      <div id={ids.placeholders} className="template-editor__placeholders">
        <span className="channels__hint">{t('templates.placeholders')}</span>
        <ul className="template-editor__names">
          {template.placeholders.map((name) => (
            <li key={name}>
              <code>{`{{${name}}}`}</code>
            </li>
          ))}
        </ul>
      </div>
      <div className="channels__actions">
        <button type="submit" className="button button--primary" disabled={save.busy || !changed}>
          {t('templates.save')}
        </button>
        {template.customised && (
          <ConfirmButton
            label={t('templates.reset')}
            question={t('templates.resetQuestion')}
            confirmLabel={t('templates.resetConfirm')}
            busy={reset.busy}
            onConfirm={() => void resetToBuiltIn()}
          />
        )}
        <span className="channels__status" role="status">
          {announcement}
        </span>
      </div>
      {save.failure && <FailureMessage failure={save.failure} />}
      {reset.failure && <FailureMessage failure={reset.failure} />}
    </form>
  );
}
