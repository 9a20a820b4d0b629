import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { agentStatuses, AgentStatusSchema } from '../../../../shared/domain/people.js';
import { useMyStatus } from './use-my-status.js';
import './routing.css';

/**
 * The agent's own status in the top bar: a native select (arrows, type-ahead and Enter work as
 * anywhere), the dot's colour repeated in words. A choice made offline shows at once and says it is
 * still to be sent.
 */
export function StatusControl() {
  const { t } = useTranslation('routing');
  const { view, failure, choose } = useMyStatus();
  const id = useId();
  const status = view?.status ?? 'offline';

  return (
    <span className={`my-status my-status--${status}`} data-testid="my-status" data-status={view ? status : 'loading'}>
      <span className="my-status__dot" aria-hidden="true" />
      <label htmlFor={id} className="visually-hidden">
        {t('status.label')}
      </label>
      <select
        id={id}
        value={status}
        disabled={!view}
        title={t('status.hint')}
        aria-describedby={view?.pending ? `${id}-pending` : undefined}
        onChange={(event) => {
          const chosen = AgentStatusSchema.safeParse(event.target.value);
          if (chosen.success) void choose(chosen.data);
        }}
      >
        {agentStatuses.map((option) => (
          <option key={option} value={option}>
            {t(`status.${option}`)}
          </option>
        ))}
      </select>
      {view?.pending && (
        <span id={`${id}-pending`} className="my-status__pending">
          {t('status.pending')}
        </span>
      )}
      {failure && (
        <span className="top-bar__error" role="alert">
          {t('status.failed', { message: failure })}
        </span>
      )}
    </span>
  );
}
