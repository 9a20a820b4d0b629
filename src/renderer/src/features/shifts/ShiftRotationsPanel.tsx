import { useTranslation } from 'react-i18next';
import { useDeskServices } from '../../services.js';
import { EditableList } from './EditableList.js';
import { daysLabel, namesOf } from './rota-format.js';
import { ShiftRotationForm } from './ShiftRotationForm.js';
import type { RotaView } from './use-rota.js';

/** The shift rotations: working hours of each tier, shift by shift, in each shift's own zone. */
export function ShiftRotationsPanel({ view }: { view: RotaView }) {
  const { client } = useDeskServices();
  const { t, i18n } = useTranslation('shifts');
  const nameOf = namesOf(view.agents);
  const queueName = (id: string) => view.queues.find((q) => q.id === id)?.name ?? id;

  return (
    <EditableList
      title={t('shiftRotations.heading')}
      count={(count) => t('shiftRotations.count', { count })}
      empty={t('shiftRotations.empty')}
      newLabel={t('shiftRotations.new')}
      columns={[t('shiftRotations.columns.name'), t('shiftRotations.columns.tier'), t('shiftRotations.columns.queues'), t('shiftRotations.columns.shifts')]}
      items={view.rota.rotations}
      cells={(rotation) => (
        <>
          <td className="channels__strong">{rotation.name}</td>
          <td className="channels__nowrap">{t('tier', { tier: rotation.tier })}</td>
          <td>{rotation.queueIds.map(queueName).join(', ')}</td>
          <td>
            <ul className="rota-shifts">
              {rotation.shifts.map((shift) => (
                <li key={shift.id}>
                  {t('shiftRotations.shift', { name: shift.name, start: shift.start, end: shift.end, zone: shift.timeZone, days: daysLabel(i18n.language, shift.weekdays) })}
                  {' — '}
                  {shift.memberIds.length > 0 ? shift.memberIds.map(nameOf).join(', ') : <span className="muted">{t('vacant')}</span>}
                </li>
              ))}
            </ul>
          </td>
        </>
      )}
      remove={(rotation) => client.call('admin.rota.removeShiftRotation', { id: rotation.id })}
      form={(initial, done) => <ShiftRotationForm initial={initial} view={view} onDone={done} />}
    />
  );
}
