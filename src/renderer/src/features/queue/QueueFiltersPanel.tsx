import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../../shared/domain/people.js';
import { channels, customerTiers, priorities, ticketStatuses } from '../../../../shared/domain/ticket.js';
import { slaStates, type QueueFilters } from '../../../../shared/queue/queue-view.js';
import { useDeskServices, useQueue, useSession } from '../../services.js';

type TextFilter = 'number' | 'subject' | 'requester';
type ChoiceFilter = 'channel' | 'priority' | 'customerTier' | 'status' | 'assignee' | 'queue' | 'sla';

/** How many filters have a value: shown on the Filters button, so a narrowed queue is never a surprise. */
export function activeFilterCount(filters: QueueFilters): number {
  return Object.values(filters).filter((value) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value === true)).length;
}

/**
 * A filter for every column: words for number, subject and requester; a list to tick for the others.
 * Plain form controls in fieldsets, so Tab, Space and a screen reader's form mode all work.
 */
export function QueueFiltersPanel({ id }: { id: string }) {
  const { t } = useTranslation('queue');
  const { t: tl } = useTranslation('labels');
  const { queue, client } = useDeskServices();
  const filters = useQueue((state) => state.spec.filters);
  const queues = useQueue((state) => state.queues);
  const myId = useSession((session) => session.user?.id ?? null);
  const [colleagues, setColleagues] = useState<readonly Agent[]>([]);
  useEffect(() => {
    let stale = false;
    client.call('agents.list', {}).then(
      (agents) => {
        if (!stale) setColleagues(agents.filter((agent) => agent.id !== myId).sort((a, b) => a.name.localeCompare(b.name)));
      },
      () => undefined, // without the list, "me" and "unassigned" still filter
    );
    return () => {
      stale = true;
    };
  }, [client, myId]);

  const setFilter = queue.getState().setFilter;
  const choices: Record<ChoiceFilter, { value: string; label: string }[]> = {
    channel: channels.map((value) => ({ value, label: tl(`channel.${value}`) })),
    priority: priorities.map((value) => ({ value, label: tl(`priority.${value}`) })),
    customerTier: customerTiers.map((value) => ({ value, label: tl(`customerTier.${value}`) })),
    status: ticketStatuses.map((value) => ({ value, label: tl(`status.${value}`) })),
    assignee: [
      { value: 'me', label: t('assignee.me') },
      { value: 'unassigned', label: t('assignee.unassigned') },
      ...colleagues.map((agent) => ({ value: `user:${agent.id}`, label: agent.name })),
    ],
    queue: queues.map((q) => ({ value: q.id, label: q.name })),
    sla: slaStates.map((value) => ({ value, label: t(`slaState.${value}`) })),
  };

  return (
    <div id={id} className="queue-filters" role="group" aria-label={t('filters.title')} data-testid="queue-filters">
      <div className="queue-filters__texts">
        {(['number', 'subject', 'requester'] as const).map((key) => (
          <TextField key={key} name={key} label={t(`column.${key}`)} value={filters[key] ?? ''} onChange={(value) => setFilter(key, value)} />
        ))}
      </div>
      <div className="queue-filters__choices">
        {(Object.keys(choices) as ChoiceFilter[]).map((key) => (
          <ChoiceField
            key={key}
            legend={t(`column.${key}`)}
            options={choices[key]}
            chosen={(filters[key] as readonly string[] | undefined) ?? []}
            onChange={(values) => setFilter(key, values as never)}
          />
        ))}
      </div>
      <button type="button" className="button button--small" disabled={activeFilterCount(filters) === 0} onClick={() => queue.getState().clearFilters()}>
        {t('filters.clear')}
      </button>
    </div>
  );
}

function TextField({ name, label, value, onChange }: { name: TextFilter; label: string; value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <label className="queue-filters__text" htmlFor={id}>
      <span>{label}</span>
      <input id={id} className="text-box" type="search" name={name} value={value} onChange={(event) => onChange(event.target.value)} autoComplete="off" />
    </label>
  );
}

function ChoiceField({ legend, options, chosen, onChange }: { legend: string; options: { value: string; label: string }[]; chosen: readonly string[]; onChange(values: string[]): void }) {
  return (
    <fieldset className="queue-filters__choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="queue-filters__option">
          <input
            type="checkbox"
            checked={chosen.includes(option.value)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value))}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
