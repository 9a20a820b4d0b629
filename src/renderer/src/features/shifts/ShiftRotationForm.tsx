import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift, ShiftRotation } from '../../../../shared/domain/shifts.js';
import { useDeskServices } from '../../services.js';
import { CheckboxGroup, Field, TierField, TimeZoneField, WeekdayChecks } from './fields.js';
import { RotaForm } from './RotaForm.js';
import { useAgentTimeZone } from './rota-format.js';
import type { RotaView } from './use-rota.js';

function newShift(timeZone: string): Shift {
  return { id: crypto.randomUUID(), name: '', timeZone, start: '08:00', end: '16:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], memberIds: [] };
}

/** Creates or replaces a shift rotation whole: its tier, the queues it covers and its shifts. */
export function ShiftRotationForm({ initial, view, onDone }: { initial: ShiftRotation | null; view: RotaView; onDone(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('shifts');
  const timeZone = useAgentTimeZone();
  const [rotation, setRotation] = useState<ShiftRotation>(
    () => initial ?? { id: crypto.randomUUID(), name: '', tier: 1, queueIds: [], shifts: [newShift(timeZone)] },
  );
  const change = (fields: Partial<ShiftRotation>) => setRotation((current) => ({ ...current, ...fields }));
  const changeShift = (index: number, fields: Partial<Shift>) => change({ shifts: rotation.shifts.map((shift, i) => (i === index ? { ...shift, ...fields } : shift)) });

  return (
    <RotaForm
      heading={initial ? t('rotationForm.editHeading', { name: initial.name }) : t('rotationForm.createHeading')}
      save={() => client.call('admin.rota.saveShiftRotation', { rotation, mode: initial ? 'replace' : 'create' })}
      onDone={onDone}
    >
      <div className="rota-form__row">
        <Field label={t('rotationForm.name')}>{(props) => <input {...props} required maxLength={120} value={rotation.name} onChange={(event) => change({ name: event.target.value })} />}</Field>
        <TierField value={rotation.tier} onChange={(tier) => change({ tier })} />
      </div>
      <CheckboxGroup legend={t('rotationForm.queues')} options={view.queues.map((q) => ({ value: q.id, label: q.name }))} chosen={rotation.queueIds} onChange={(queueIds) => change({ queueIds })} />
      {rotation.shifts.map((shift, index) => (
        <fieldset key={shift.id} className="rota-form__shift" data-testid="shift-fields">
          <legend>{t('rotationForm.shiftLegend', { number: index + 1 })}</legend>
          <div className="rota-form__row">
            <Field label={t('rotationForm.shiftName')}>{(props) => <input {...props} required maxLength={80} value={shift.name} onChange={(event) => changeShift(index, { name: event.target.value })} />}</Field>
            <TimeZoneField label={t('rotationForm.timeZone')} value={shift.timeZone} onChange={(zone) => changeShift(index, { timeZone: zone })} />
            <Field label={t('rotationForm.start')}>{(props) => <input {...props} type="time" required value={shift.start} onChange={(event) => changeShift(index, { start: event.target.value })} />}</Field>
            <Field label={t('rotationForm.end')} hint={t('rotationForm.endHint')}>
              {(props) => <input {...props} type="time" required value={shift.end} onChange={(event) => changeShift(index, { end: event.target.value })} />}
            </Field>
          </div>
          <WeekdayChecks legend={t('rotationForm.days')} chosen={shift.weekdays} onChange={(weekdays) => changeShift(index, { weekdays })} />
          <CheckboxGroup legend={t('rotationForm.members')} options={view.agents.map((a) => ({ value: a.id, label: a.name }))} chosen={shift.memberIds} onChange={(memberIds) => changeShift(index, { memberIds })} />
          {rotation.shifts.length > 1 && (
            <div className="channels__actions">
              <button type="button" className="button button--small" onClick={() => change({ shifts: rotation.shifts.filter((_, i) => i !== index) })}>
                {t('rotationForm.removeShift', { number: index + 1 })}
              </button>
            </div>
          )}
        </fieldset>
      ))}
      <div className="channels__actions">
        <button type="button" className="button button--small" onClick={() => change({ shifts: [...rotation.shifts, newShift(timeZone)] })}>
          {t('rotationForm.addShift')}
        </button>
      </div>
    </RotaForm>
  );
}
