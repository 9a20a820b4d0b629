import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueSettings } from '../../../../shared/routing/api.js';
import { useDeskServices, useSession } from '../../services.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { FailureMessage } from '../channels/FailureMessage.js';
import { SectionHeading } from '../channels/SectionHeading.js';
import { ServerDataView } from '../channels/ServerDataView.js';
import { useServerData } from '../channels/use-server-data.js';
import { fromQueueDraft, toQueueDraft, weekOrder, type QueueDraft } from './queue-draft.js';
import { QueueOptions } from './QueueOptions.js';

/** Every queue's routing settings, each saved on its own. */
export function QueuesPanel() {
  const { t } = useTranslation('routing');
  const { client } = useDeskServices();
  const queues = useServerData('routing-queues', () => client.call('admin.routing.queues', {}));
  const headingId = useId();
  return (
    <section className="channels__section" aria-labelledby={headingId}>
      <SectionHeading id={headingId} title={t('queues.heading')} count={null} />
      <p className="muted">{t('queues.intro')}</p>
      <ServerDataView data={queues}>
        {(list) => (
          <div className="routing-rules">
            {list.map((queue) => (
              <QueueForm key={queue.id} queue={queue} queues={list} />
            ))}
          </div>
        )}
      </ServerDataView>
    </section>
  );
}

/** Local weekday names, Monday first: 30 November 2026 is a Monday. */
function useWeekdayNames(): string[] {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
    return weekOrder.map((_, index) => format.format(Date.UTC(2026, 10, 30 + index)));
  }, [i18n.language]);
}

/** One queue's settings: skills, overflow queue and hours, saved as a whole; the form keeps what the admin typed. */
function QueueForm({ queue, queues }: { queue: QueueSettings; queues: readonly QueueSettings[] }) {
  const { t } = useTranslation('routing');
  const { client } = useDeskServices();
  const zone = useSession((state) => state.user?.timeZone ?? 'UTC');
  const [draft, setDraft] = useState<QueueDraft>(() => toQueueDraft(queue, zone));
  const { busy, failure, run } = useServerAction();
  const [saved, setSaved] = useState(false);
  const days = useWeekdayNames();
  const base = useId();
  const idOf = (field: string) => `${base}-${field}`;
  const update = (change: Partial<QueueDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setSaved(false);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (await run(() => client.call('admin.routing.saveQueue', { id: queue.id, settings: fromQueueDraft(draft) }))) setSaved(true);
  }

  return (
    <form className="routing-queue" aria-labelledby={idOf('title')} data-queue={queue.id} onSubmit={(event) => void save(event)}>
      <h4 id={idOf('title')} className="routing-queue__title">
        {queue.name} <span className="muted">· {t('settings.tier', { tier: queue.tier })}</span>
      </h4>
      <div className="routing-rule__fields">
        <div className="channels__field">
          <label htmlFor={idOf('skills')}>{t('queues.skills')}</label>
          <input id={idOf('skills')} value={draft.skills} aria-describedby={idOf('skills-hint')} onChange={(event) => update({ skills: event.target.value })} />
          <span id={idOf('skills-hint')} className="channels__hint">
            {t('settings.listHint')}
          </span>
        </div>
        <div className="channels__field">
          <label htmlFor={idOf('overflow')}>{t('queues.overflow')}</label>
          <select id={idOf('overflow')} value={draft.overflowQueueId} onChange={(event) => update({ overflowQueueId: event.target.value })}>
            <option value="">{t('queues.none')}</option>
            <QueueOptions queues={queues.filter((other) => other.id !== queue.id)} />
          </select>
        </div>
      </div>
      <fieldset className="routing-choices">
        <legend>{t('queues.hours')}</legend>
        <label>
          <input type="checkbox" checked={draft.alwaysOpen} onChange={(event) => update({ alwaysOpen: event.target.checked })} />
          {t('queues.always')}
        </label>
      </fieldset>
      <div className="routing-hours">
        <div className="channels__field">
          <label htmlFor={idOf('zone')}>{t('queues.timeZone')}</label>
          <input id={idOf('zone')} value={draft.timeZone} onChange={(event) => update({ timeZone: event.target.value })} />
        </div>
        {!draft.alwaysOpen &&
          weekOrder.map((day, index) => (
            <div key={day} className="channels__field">
              <label htmlFor={idOf(day)}>{t('queues.day', { day: days[index] })}</label>
              <input id={idOf(day)} value={draft.hours[day]} aria-describedby={idOf('hours-hint')} onChange={(event) => update({ hours: { ...draft.hours, [day]: event.target.value } })} />
            </div>
          ))}
        <div className="channels__field">
          <label htmlFor={idOf('holidays')}>{t('queues.holidays')}</label>
          <input id={idOf('holidays')} value={draft.holidays} aria-describedby={idOf('holidays-hint')} onChange={(event) => update({ holidays: event.target.value })} />
          <span id={idOf('holidays-hint')} className="channels__hint">
            {t('queues.holidaysHint')}
          </span>
        </div>
      </div>
      {!draft.alwaysOpen && (
        <span id={idOf('hours-hint')} className="channels__hint">
          {t('queues.hoursHint')}
        </span>
      )}
      <div className="channels__actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-label={t('queues.saveLabel', { name: queue.name })}>
          {busy ? t('settings.saving') : t('settings.save')}
        </button>
        <span className="channels__ok" role="status">
          {saved ? t('settings.saved') : ''}
        </span>
      </div>
      {failure && <FailureMessage failure={failure} />}
    </form>
  );
}
