import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { channels, customerTiers, priorities, ticketTypes } from '../../../../shared/domain/ticket.js';
import type { QueueSettings } from '../../../../shared/routing/api.js';
import type { RuleDraft } from './rule-draft.js';
import { QueueOptions } from './QueueOptions.js';

type TextField = 'name' | 'id' | 'skills' | 'organisation' | 'keywords';
type ChoiceField = 'channel' | 'type' | 'priority' | 'customerTier';

const choices: { [F in ChoiceField]: readonly RuleDraft[F][number][] } = { channel: channels, type: ticketTypes, priority: priorities, customerTier: customerTiers };

/** One rule: its name and id, what it matches (ticked values, typed lists), the queue it picks and the skills it asks; moved and removed by buttons. */
export function RuleCard({
  draft,
  index,
  last,
  queues,
  onChange,
  onMove,
  onRemove,
}: {
  draft: RuleDraft;
  index: number;
  last: boolean;
  queues: readonly QueueSettings[];
  onChange(draft: RuleDraft): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const { t } = useTranslation('routing');
  const { t: labels } = useTranslation('labels');
  const base = useId();
  const idOf = (field: string) => `${base}-${field}`;
  const name = draft.name || draft.id;

  // Keywords run long (four languages' stems): a box that wraps, twice as wide.
  function text(field: TextField, hint?: string) {
    const control = {
      id: idOf(field),
      value: draft[field],
      required: field === 'name' || field === 'id',
      'aria-describedby': hint ? idOf(`${field}-hint`) : undefined,
      onChange: (event: { target: { value: string } }) => onChange({ ...draft, [field]: event.target.value }),
    };
    return (
      <div className={field === 'keywords' ? 'channels__field routing-rule__wide' : 'channels__field'}>
        <label htmlFor={idOf(field)}>{t(`rules.fields.${field}`)}</label>
        {field === 'keywords' ? <textarea rows={2} {...control} /> : <input {...control} />}
        {hint && (
          <span id={idOf(`${field}-hint`)} className="channels__hint">
            {hint}
          </span>
        )}
      </div>
    );
  }

  function choice<F extends ChoiceField>(field: F) {
    const chosen: readonly string[] = draft[field];
    return (
      <fieldset className="routing-choices">
        <legend>{t(`rules.fields.${field}`)}</legend>
        {choices[field].map((value) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={chosen.includes(value)}
              onChange={(event) => onChange({ ...draft, [field]: event.target.checked ? [...chosen, value] : chosen.filter((v) => v !== value) })}
            />
            {labels(`${field}.${value}` as `channel.${(typeof channels)[number]}`)}
          </label>
        ))}
      </fieldset>
    );
  }

  return (
    <article className="routing-rule" aria-labelledby={idOf('title')} data-rule={draft.id}>
      <div className="routing-rule__header">
        <h4 id={idOf('title')} className="routing-rule__title">
          {t('rules.rule', { index: index + 1, name })}
        </h4>
        {/* aria-disabled, not disabled: a rule moved to the top keeps the focus on the button that moved it. */}
        <button type="button" className="button button--small" aria-disabled={index === 0} aria-label={t('rules.upLabel', { name })} onClick={() => index > 0 && onMove(-1)}>
          {t('rules.up')}
        </button>
        <button type="button" className="button button--small" aria-disabled={last} aria-label={t('rules.downLabel', { name })} onClick={() => !last && onMove(1)}>
          {t('rules.down')}
        </button>
        <button type="button" className="button button--small button--danger" aria-label={t('rules.removeLabel', { name })} onClick={onRemove}>
          {t('rules.remove')}
        </button>
      </div>
      <div className="routing-rule__fields">
        {text('name')}
        {text('id')}
        <div className="channels__field">
          <label htmlFor={idOf('queue')}>{t('rules.fields.queue')}</label>
          <select id={idOf('queue')} value={draft.queueId} onChange={(event) => onChange({ ...draft, queueId: event.target.value })}>
            <QueueOptions queues={queues} />
          </select>
        </div>
        {text('skills', t('settings.listHint'))}
        {choice('channel')}
        {choice('type')}
        {choice('priority')}
        {choice('customerTier')}
        {text('organisation', t('rules.organisationHint'))}
        {text('keywords', t('rules.keywordsHint'))}
      </div>
    </article>
  );
}
