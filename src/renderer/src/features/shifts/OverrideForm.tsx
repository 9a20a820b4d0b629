import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices } from '../../services.js';
import { ChoiceSelect, Field, PersonSelect } from './fields.js';
import { RotaForm } from './RotaForm.js';
import { instantFromLocalInput, useAgentTimeZone } from './rota-format.js';
import type { RotaView } from './use-rota.js';

/** Everyone who works in a rotation, in any shift or in the on-call turn. */
export function rotationMembers(view: RotaView, rotationId: string, shiftId = ''): string[] {
  const shiftRotation = view.rota.rotations.find((r) => r.id === rotationId);
  if (shiftRotation) return [...new Set(shiftRotation.shifts.filter((s) => shiftId === '' || s.id === shiftId).flatMap((s) => s.memberIds))];
  return view.rota.onCallRotations.find((r) => r.id === rotationId)?.memberIds ?? [];
}

export function RotationSelect({ view, label, value, onChange }: { view: RotaView; label: string; value: string; onChange(id: string): void }) {
  const rotations = [...view.rota.rotations, ...view.rota.onCallRotations];
  return <ChoiceSelect label={label} options={rotations.map((rotation) => ({ value: rotation.id, label: rotation.name }))} value={value} onChange={onChange} />;
}

/** One person stands in for another between two instants, typed in the agent's time zone. */
export function OverrideForm({ view, onDone }: { view: RotaView; onDone(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('shifts');
  const timeZone = useAgentTimeZone();
  const [fields, setFields] = useState({ rotationId: '', shiftId: '', replacedUserId: '', replacementUserId: '', from: '', to: '', reason: '' });
  const change = (changed: Partial<typeof fields>) => setFields((current) => ({ ...current, ...changed }));
  const shifts = view.rota.rotations.find((r) => r.id === fields.rotationId)?.shifts ?? [];
  const members = rotationMembers(view, fields.rotationId, fields.shiftId);

  return (
    <RotaForm
      heading={t('overrideForm.heading')}
      submitLabel={t('overrideForm.submit')}
      save={() =>
        client.call('admin.rota.addOverride', {
          rotationId: fields.rotationId,
          ...(fields.shiftId ? { shiftId: fields.shiftId } : {}),
          replacedUserId: fields.replacedUserId,
          replacementUserId: fields.replacementUserId,
          start: instantFromLocalInput(fields.from, timeZone),
          end: instantFromLocalInput(fields.to, timeZone),
          reason: fields.reason,
        })
      }
      onDone={onDone}
    >
      <div className="rota-form__row">
        <RotationSelect view={view} label={t('overrideForm.rotation')} value={fields.rotationId} onChange={(rotationId) => change({ rotationId, shiftId: '', replacedUserId: '' })} />
        {shifts.length > 0 && (
          <ChoiceSelect
            label={t('overrideForm.shift')}
            options={shifts.map((shift) => ({ value: shift.id, label: shift.name }))}
            value={fields.shiftId}
            onChange={(shiftId) => change({ shiftId, replacedUserId: '' })}
            emptyLabel={t('overrideForm.everyShift')}
            required={false}
          />
        )}
      </div>
      <div className="rota-form__row">
        <PersonSelect label={t('overrideForm.replaced')} people={view.agents.filter((a) => members.includes(a.id))} value={fields.replacedUserId} onChange={(replacedUserId) => change({ replacedUserId })} />
        <PersonSelect label={t('overrideForm.replacement')} people={view.agents.filter((a) => a.id !== fields.replacedUserId)} value={fields.replacementUserId} onChange={(replacementUserId) => change({ replacementUserId })} />
      </div>
      <div className="rota-form__row">
        <Field label={t('overrideForm.from')} hint={t('timesIn', { zone: timeZone })}>{(props) => <input {...props} type="datetime-local" required value={fields.from} onChange={(event) => change({ from: event.target.value })} />}</Field>
        <Field label={t('overrideForm.to')}>{(props) => <input {...props} type="datetime-local" required value={fields.to} onChange={(event) => change({ to: event.target.value })} />}</Field>
      </div>
      <Field label={t('overrideForm.reason')}>{(props) => <input {...props} required maxLength={500} value={fields.reason} onChange={(event) => change({ reason: event.target.value })} />}</Field>
    </RotaForm>
  );
}
