import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { routingCauses, type CandidateView, type QueueStep, type RoutingCause, type RoutingDecision } from '../../../../shared/routing/decision.js';
import { attributeLabel, isOneOf } from '../../ui/attribute-label.js';
import { useDateTimeFormat } from '../../ui/format.js';

const causeKeys: Record<RoutingCause, 'ticketNew' | 'capacityFreed' | 'agentOffline' | 'placementRequested'> = {
  'ticket.new': 'ticketNew',
  'capacity.freed': 'capacityFreed',
  'agent.offline': 'agentOffline',
  'placement.requested': 'placementRequested',
};

/** One routing decision: what started it, how the queue was chosen, each queue tried with every candidate's load then, and the outcome. */
export function RoutingDecisionView({ decision }: { decision: RoutingDecision }) {
  const { t } = useTranslation('routing');
  const { t: labels } = useTranslation('labels');
  const formatDateTime = useDateTimeFormat();
  const valueLabel = (field: string, value: string) => attributeLabel(labels, field, value);
  // A cause from elsewhere (an escalation's reason) is shown as written.
  const cause = isOneOf(routingCauses, decision.cause) ? t(`why.cause.${causeKeys[decision.cause]}`) : decision.cause;
  const firstQueue = decision.steps[0]?.queueName ?? decision.queueId;
  const finalQueue = decision.steps.find((step) => step.queueId === decision.queueId)?.queueName ?? decision.queueId;
  const name = decision.assigneeName ?? decision.assigneeId ?? '';

  return (
    <article className="routing-decision" data-outcome={decision.outcome}>
      <p className="routing-decision__when">
        {cause} · <time dateTime={decision.at}>{formatDateTime(decision.at)}</time>
        {decision.actorName && <> · {t('why.askedBy', { name: decision.actorName })}</>}
      </p>
      <p>
        {decision.queueChoice === 'rule' && decision.rule
          ? t('why.queue.rule', { rule: decision.rule.name, version: decision.rule.version, queue: firstQueue })
          : t(`why.queue.${decision.queueChoice === 'rule' ? 'default' : decision.queueChoice}`, { queue: firstQueue })}
      </p>
      {decision.reasons.length > 0 && (
        <ul className="routing-decision__reasons">
          {decision.reasons.map(({ field, value, oneOf }) => (
            <li key={field}>
              {field === 'keywords'
                ? t('why.reasonKeyword', { value, values: oneOf.join(', ') })
                : oneOf.length === 1
                  ? t('why.reasonIs', { field: t(`why.field.${field}`), value: valueLabel(field, value) })
                  : t('why.reasonOneOf', { field: t(`why.field.${field}`), value: valueLabel(field, value), values: oneOf.map((option) => valueLabel(field, option)).join(', ') })}
            </li>
          ))}
        </ul>
      )}
      {decision.steps.map((step) => (
        <Step key={step.queueId} step={step} channel={valueLabel('channel', decision.channel)} />
      ))}
      <p className="routing-decision__outcome">{t(`why.outcome.${decision.outcome}`, { name, queue: finalQueue })}</p>
    </article>
  );
}

function Step({ step, channel }: { step: QueueStep; channel: string }) {
  const { t } = useTranslation('routing');
  const headingId = useId();
  return (
    <section className="routing-step" aria-labelledby={headingId} data-queue={step.queueId}>
      <h4 id={headingId} className="routing-step__title">
        {step.queueName}
      </h4>
      <p className="muted">{step.requiredSkills.length > 0 ? t('why.skills', { skills: step.requiredSkills.join(', ') }) : t('why.noSkills')}</p>
      {!step.open ? (
        <p>{t('why.closed')}</p>
      ) : step.candidates.length === 0 ? (
        <p>{t('why.nobody')}</p>
      ) : (
        <table className="routing-step__table">
          <thead>
            <tr>
              <th scope="col">{t('why.columns.agent')}</th>
              <th scope="col">{t('why.columns.status')}</th>
              <th scope="col">{t('why.columns.shift')}</th>
              <th scope="col" className="routing-step__number">
                {t('why.columns.load', { channel })}
              </th>
              <th scope="col">{t('why.columns.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {step.candidates.map((candidate) => (
              <CandidateRow key={candidate.agentId} candidate={candidate} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CandidateRow({ candidate }: { candidate: CandidateView }) {
  const { t } = useTranslation('routing');
  return (
    <tr data-agent={candidate.agentId} data-verdict={candidate.verdict}>
      <th scope="row">{candidate.name}</th>
      <td>{t(`status.${candidate.status}`)}</td>
      <td>{candidate.onShift ? t('why.onShift') : t('why.offShift')}</td>
      <td className="routing-step__number">{t('why.load', { load: candidate.load, capacity: candidate.capacity })}</td>
      <td className={`routing-verdict--${candidate.verdict}`}>{t(`why.verdict.${candidate.verdict}`, { skills: candidate.missingSkills.join(', ') })}</td>
    </tr>
  );
}
