import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices } from '../../services.js';
import { Field, PersonSelect } from './fields.js';
import { rotationMembers, RotationSelect } from './OverrideForm.js';
import { RotaForm } from './RotaForm.js';
import { instantFromLocalInput, useAgentTimeZone } from './rota-format.js';
import type { RotaView } from './use-rota.js';

const emptyLeg = { userId: '', from: '', to: '' };
type Leg = typeof emptyLeg;

/** Two people of one rotation trade: each gives away a window, and works the other's. */
export function SwapForm({ view, onDone }: { view: RotaView; onDone(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('shifts');
  const timeZone = useAgentTimeZone();
  const [rotationId, setRotationId] = useState('');
  const [legs, setLegs] = useState({ first: emptyLeg, second: emptyLeg });
  const [reason, setReason] = useState('');
  const members = view.agents.filter((agent) => rotationMembers(view, rotationId).includes(agent.id));
  const leg = ({ userId, from, to }: Leg) => ({ userId, start: instantFromLocalInput(from, timeZone), end: instantFromLocalInput(to, timeZone) });

  return (
    <RotaForm heading={t('swapForm.heading')} submitLabel={t('swapForm.submit')} save={() => client.call('admin.rota.addSwap', { rotationId, first: leg(legs.first), second: leg(legs.second), reason })} onDone={onDone}>
      <p className="channels__hint">
        {t('swapForm.hint')} {t('timesIn', { zone: timeZone })}
      </p>
      <RotationSelect view={view} label={t('overrideForm.rotation')} value={rotationId} onChange={(id) => {
        setRotationId(id);
        setLegs({ first: emptyLeg, second: emptyLeg });
      }} />
      {(['first', 'second'] as const).map((side) => {
        const change = (changed: Partial<Leg>) => setLegs((current) => ({ ...current, [side]: { ...current[side], ...changed } }));
        return (
          <fieldset key={side} className="rota-form__shift">
            <legend>{t(`swapForm.${side}`)}</legend>
            <div className="rota-form__row">
              <PersonSelect label={t(`swapForm.${side}`)} people={members} value={legs[side].userId} onChange={(userId) => change({ userId })} />
              <Field label={`${t('swapForm.gives')}: ${t('swapForm.from')}`}>{(props) => <input {...props} type="datetime-local" required value={legs[side].from} onChange={(event) => change({ from: event.target.value })} />}</Field>
              <Field label={`${t('swapForm.gives')}: ${t('swapForm.to')}`}>{(props) => <input {...props} type="datetime-local" required value={legs[side].to} onChange={(event) => change({ to: event.target.value })} />}</Field>
            </div>
          </fieldset>
        );
      })}
      <Field label={t('swapForm.reason')}>{(props) => <input {...props} required maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />}</Field>
    </RotaForm>
  );
}
