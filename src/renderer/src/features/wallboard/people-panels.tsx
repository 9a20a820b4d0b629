import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '../../../../shared/domain/people.js';
import type { WallboardAgent, WallboardSnapshot } from '../../../../shared/wallboard/snapshot.js';
import { useDateTimeFormat, useMinute } from '../../ui/format.js';
import { Panel } from './desk-panels.js';
import { useWallboardFormats } from './wallboard-format.js';

const timeOnly: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

/** Filled, half, empty: the status reads from its shape as well as its word. */
const statusMark: Record<AgentStatus, string> = { online: '●', away: '◐', offline: '○' };

function AgentLoad({ agent }: { agent: WallboardAgent }) {
  const { t } = useTranslation(['wallboard', 'labels']);
  const { percent } = useWallboardFormats();
  const full = agent.utilisation >= 1;
  const busiest = agent.channels[0];
  return (
    <div className={`wallboard-load${full ? ' wallboard-load--full' : ''}`}>
      <span className="wallboard-load__bar" aria-hidden="true">
        <span className="wallboard-load__fill" style={{ width: `${Math.min(100, Math.round(agent.utilisation * 100))}%` }} />
      </span>
      <span className="wallboard-load__text">
        {full ? (
          <strong className="wallboard-load__full">
            <span aria-hidden="true">■ </span>
            {t('agents.full')}
          </strong>
        ) : (
          t('agents.capacity', { percent: percent(agent.utilisation) })
        )}
        {busiest && <span className="wallboard-table__sub">{t('agents.load', { channel: t(`labels:channel.${busiest.channel}`), load: busiest.load, capacity: busiest.capacity })}</span>}
      </span>
    </div>
  );
}

export function AgentsPanel({ snapshot }: { snapshot: WallboardSnapshot }) {
  const { t } = useTranslation('wallboard');
  const time = useDateTimeFormat(timeOnly);
  return (
    <Panel title={t('panels.agents')} className="wallboard-panel--agents" testId="wallboard-agents">
      {snapshot.agents.length === 0 ? (
        <p className="wallboard-panel__empty">{t('agents.nobody')}</p>
      ) : (
        <ul className="wallboard-agents" aria-label={t('agents.count', { count: snapshot.agents.length })}>
          {snapshot.agents.map((agent) => (
            <li key={agent.id} className="wallboard-agent" data-testid="wallboard-agent" data-status={agent.status}>
              <span className="wallboard-agent__name">{agent.name}</span>
              <span className={`wallboard-status wallboard-status--${agent.status}`}>
                <span aria-hidden="true">{statusMark[agent.status]} </span>
                {t(`agents.status.${agent.status}`)}
              </span>
              <span className="wallboard-agent__shift">{agent.shiftEndsAt ? t('agents.until', { time: time(agent.shiftEndsAt) }) : t('agents.noRotation')}</span>
              <span className="wallboard-agent__tickets">{t('agents.tickets', { count: agent.tickets })}</span>
              <AgentLoad agent={agent} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function AttentionPanel({ snapshot }: { snapshot: WallboardSnapshot }) {
  const { t } = useTranslation('wallboard');
  const { age } = useWallboardFormats();
  const time = useDateTimeFormat(timeOnly);
  const now = useMinute();
  const moreEscalations = snapshot.escalationCount - snapshot.escalations.length;
  const moreHandoffs = snapshot.handoffCount - snapshot.handoffs.length;
  return (
    <Panel title={t('panels.attention')} className="wallboard-panel--attention" testId="wallboard-attention">
      <h4 className="wallboard-panel__subtitle" data-testid="wallboard-escalation-count">
        {snapshot.escalationCount > 0 && <span aria-hidden="true">⚑ </span>}
        {snapshot.escalationCount === 0 ? t('attention.noEscalations') : t('attention.escalations', { count: snapshot.escalationCount })}
      </h4>
      <ul className="wallboard-list">
        {snapshot.escalations.map((escalation) => (
          <li key={escalation.id} className={`wallboard-list__item${escalation.state === 'exhausted' ? ' wallboard-list__item--alarm' : ''}`}>
            <span className="wallboard-list__main">
              #{escalation.ticketNumber} {escalation.ticketSubject}
            </span>
            <span className="wallboard-list__detail">
              {t('attention.to', { queue: escalation.toQueueName, tier: escalation.toTier })}
              {' · '}
              {escalation.state === 'exhausted' ? (
                <strong>
                  <span aria-hidden="true">! </span>
                  {t('attention.exhausted')}
                </strong>
              ) : (
                t('attention.paging', { names: escalation.paged.join(', ') })
              )}
              {' · '}
              {t('attention.waited', { age: age(now - Date.parse(escalation.escalatedAt)) })}
            </span>
          </li>
        ))}
        {moreEscalations > 0 && <li className="wallboard-list__more">{t('attention.more', { count: moreEscalations })}</li>}
      </ul>
      <h4 className="wallboard-panel__subtitle" data-testid="wallboard-handoff-count">
        {snapshot.handoffCount > 0 && <span aria-hidden="true">⇄ </span>}
        {snapshot.handoffCount === 0 ? t('attention.noHandoffs') : t('attention.handoffs', { count: snapshot.handoffCount })}
      </h4>
      <ul className="wallboard-list">
        {snapshot.handoffs.map((handoff) => {
          const overdue = Date.parse(handoff.acknowledgeBy) <= now;
          return (
            <li key={handoff.id} className={`wallboard-list__item${overdue ? ' wallboard-list__item--alarm' : ''}`}>
              <span className="wallboard-list__main">{t('attention.handoff', { author: handoff.authorName, queue: handoff.queueName ?? t('attention.anyQueue') })}</span>
              <span className="wallboard-list__detail">
                {overdue ? (
                  <strong>
                    <span aria-hidden="true">! </span>
                    {t('attention.overdue', { time: time(handoff.acknowledgeBy) })}
                  </strong>
                ) : (
                  t('attention.dueBy', { time: time(handoff.acknowledgeBy) })
                )}
              </span>
            </li>
          );
        })}
        {moreHandoffs > 0 && <li className="wallboard-list__more">{t('attention.more', { count: moreHandoffs })}</li>}
      </ul>
    </Panel>
  );
}
