import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { csatScales, type CsatScale, type CsatSettings } from '../../../../shared/csat/survey.js';
import { useDeskServices } from '../../services.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { FailureMessage } from './FailureMessage.js';
import { ServerDataView } from './ServerDataView.js';
import { useServerData } from './use-server-data.js';

/** The satisfaction survey's scale, which every channel's survey (mail link, portal, chat) uses. */
export function SurveyPanel() {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const settings = useServerData('csat', () => client.call('admin.csat.get', {}));
  return (
    <section className="channels__section" aria-label={t('sections.survey')}>
      <ServerDataView data={settings}>{(saved) => <ScaleForm saved={saved} onSaved={settings.reload} />}</ServerDataView>
    </section>
  );
}

function ScaleForm({ saved, onSaved }: { saved: CsatSettings; onSaved(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const [scale, setScale] = useState<CsatScale>(saved.scale);
  const [announcement, setAnnouncement] = useState('');
  const save = useServerAction();
  const hint = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAnnouncement('');
    if (await save.run(() => client.call('admin.csat.save', { scale }))) {
      setAnnouncement(t('survey.saved'));
      onSaved();
    }
  }

  return (
    <form className="channels__form" data-testid="survey-settings" onSubmit={(event) => void submit(event)}>
      <fieldset className="channels__choices" aria-describedby={hint}>
        <legend>{t('survey.scale')}</legend>
        {csatScales.map((option) => (
          <label key={option} className="channels__choice">
            <input type="radio" name="csat-scale" value={option} checked={scale === option} onChange={() => setScale(option)} />
            {t(`survey.scales.${option}`)}
          </label>
        ))}
      </fieldset>
      <p id={hint} className="channels__hint">
        {t('survey.hint')}
      </p>
      <div className="channels__actions">
        <button type="submit" className="button button--primary" disabled={save.busy || scale === saved.scale}>
          {t('survey.save')}
        </button>
        <span className="channels__status" role="status">
          {announcement}
        </span>
      </div>
      {save.failure && <FailureMessage failure={save.failure} />}
    </form>
  );
}
