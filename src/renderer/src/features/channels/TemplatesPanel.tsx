import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerLocales, templateKinds, type CustomerLocale, type Template, type TemplateKind } from '../../../../shared/notifications/templates.js';
import { useDeskServices } from '../../services.js';
import { languageNames } from '../../ui/language-names.js';
import { ServerDataView } from './ServerDataView.js';
import { TemplateEditor } from './TemplateEditor.js';
import { useServerData } from './use-server-data.js';

/** What the desk says to customers by itself: pick a notice and a language, then edit its text. */
export function TemplatesPanel() {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const templates = useServerData('templates', () => client.call('admin.templates.list', {}));
  const [kind, setKind] = useState<TemplateKind>('ack.open');
  const [locale, setLocale] = useState<CustomerLocale>('en');
  const ids = { kind: useId(), locale: useId(), hint: useId() };

  return (
    <section className="channels__section" aria-label={t('sections.templates')}>
      <div className="channels__pickers">
        <div className="channels__row">
          <label htmlFor={ids.kind}>{t('templates.kind')}</label>
          <select id={ids.kind} value={kind} aria-describedby={ids.hint} onChange={(event) => setKind(event.target.value as TemplateKind)}>
            {templateKinds.map((option) => (
              <option key={option} value={option}>
                {t(`templates.kinds.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="channels__row">
          <label htmlFor={ids.locale}>{t('templates.locale')}</label>
          <select id={ids.locale} value={locale} onChange={(event) => setLocale(event.target.value as CustomerLocale)}>
            {customerLocales.map((option) => (
              <option key={option} value={option} lang={option}>
                {languageNames[option]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={ids.hint} className="channels__hint">
        {t(`templates.when.${kind}`)}
      </p>
      <ServerDataView data={templates}>
        {(items) => {
          const template = items.find((candidate: Template) => candidate.kind === kind && candidate.locale === locale);
          // Keyed: another notice or language starts from its own saved text.
          return template ? <TemplateEditor key={`${kind}|${locale}`} template={template} onSaved={templates.reload} /> : <p className="muted">{t('templates.missing')}</p>;
        }}
      </ServerDataView>
    </section>
  );
}
