import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnCallRotation } from '../../../../shared/domain/shifts.js';
import { weekdays } from '../../../../shared/sla/calendar-spec.js';
import { useDeskServices } from '../../services.js';
import { Field, PersonSelect, TierField, TimeZoneField } from './fields.js';
import { RotaForm } from './RotaForm.js';
import { localInputFromInstant, namesOf, useAgentTimeZone, weekdayName, weekFromMonday } from './rota-format.js';
import type { RotaView } from './use-rota.js';

/** Creates or replaces an on-call rotation: who takes the pager in what order, and the hand-over rhythm. */
export function OnCallRotationForm({ initial, view, onDone }: { initial: OnCallRotation | null; view: RotaView; onDone(): void }) {
  const { client } = useDeskServices();
  const { t, i18n } = useTranslation('shifts');
  const timeZone = useAgentTimeZone();
  const [rotation, setRotation] = useState<OnCallRotation>(
    () =>
      initial ?? {
        id: crypto.randomUUID(),
        name: '',
        tier: 2,
        memberIds: [],
        handover: { weekday: 'mon', time: '09:00', timeZone },
        lengthDays: 7,
        startDate: localInputFromInstant(Date.parse(view.board.at), timeZone).slice(0, 10),
      },
  );
  const [toAdd, setToAdd] = useState('');
  const nameOf = namesOf(view.agents);
  const change = (fields: Partial<OnCallRotation>) => setRotation((current) => ({ ...current, ...fields }));
  const changeHandover = (fields: Partial<OnCallRotation['handover']>) => change({ handover: { ...rotation.handover, ...fields } });
  const move = (index: number, by: -1 | 1) => {
    const members = [...rotation.memberIds];
    [members[index], members[index + by]] = [members[index + by]!, members[index]!];
    change({ memberIds: members });
  };

  return (
    <RotaForm
      heading={initial ? t('onCallForm.editHeading', { name: initial.name }) : t('onCallForm.createHeading')}
      save={() => client.call('admin.rota.saveOnCallRotation', { rotation, mode: initial ? 'replace' : 'create' })}
      onDone={onDone}
    >
      <div className="rota-form__row">
        <Field label={t('onCallForm.name')}>{(props) => <input {...props} required maxLength={120} value={rotation.name} onChange={(event) => change({ name: event.target.value })} />}</Field>
        <TierField value={rotation.tier} onChange={(tier) => change({ tier })} />
      </div>
      <fieldset className="rota-checks">
        <legend>{t('onCallForm.members')}</legend>
        <ol className="rota-turns rota-turns--editable">
          {rotation.memberIds.map((id, index) => (
            <li key={id}>
              <span className="channels__strong">{nameOf(id)}</span>
              <span className="channels__row-actions">
                <button type="button" className="icon-button" aria-label={t('onCallForm.moveUp', { name: nameOf(id) })} disabled={index === 0} onClick={() => move(index, -1)}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button type="button" className="icon-button" aria-label={t('onCallForm.moveDown', { name: nameOf(id) })} disabled={index === rotation.memberIds.length - 1} onClick={() => move(index, 1)}>
                  <span aria-hidden="true">↓</span>
                </button>
                <button type="button" className="icon-button" aria-label={t('onCallForm.takeOff', { name: nameOf(id) })} onClick={() => change({ memberIds: rotation.memberIds.filter((m) => m !== id) })}>
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          ))}
        </ol>
        <div className="rota-form__row rota-form__row--bottom">
          <PersonSelect label={t('onCallForm.personToAdd')} people={view.agents.filter((a) => !rotation.memberIds.includes(a.id))} value={toAdd} onChange={setToAdd} />
          <button
            type="button"
            className="button button--small"
            disabled={toAdd === ''}
            onClick={() => {
              change({ memberIds: [...rotation.memberIds, toAdd] });
              setToAdd('');
            }}
          >
            {t('onCallForm.add')}
          </button>
        </div>
      </fieldset>
      <div className="rota-form__row">
        <Field label={t('onCallForm.handoverDay')}>
          {(props) => (
            <select {...props} value={rotation.handover.weekday} onChange={(event) => changeHandover({ weekday: weekdays.find((day) => day === event.target.value)! })}>
              {weekFromMonday.map((day) => (
                <option key={day} value={day}>
                  {weekdayName(i18n.language, day, 'long')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('onCallForm.handoverTime')}>{(props) => <input {...props} type="time" required value={rotation.handover.time} onChange={(event) => changeHandover({ time: event.target.value })} />}</Field>
        <TimeZoneField label={t('onCallForm.timeZone')} value={rotation.handover.timeZone} onChange={(zone) => changeHandover({ timeZone: zone })} />
        <Field label={t('onCallForm.lengthDays')}>
          {(props) => <input {...props} type="number" min={1} max={28} required value={rotation.lengthDays} onChange={(event) => change({ lengthDays: Number(event.target.value) })} />}
        </Field>
        <Field label={t('onCallForm.startDate')}>{(props) => <input {...props} type="date" required value={rotation.startDate} onChange={(event) => change({ startDate: event.target.value })} />}</Field>
      </div>
    </RotaForm>
  );
}
