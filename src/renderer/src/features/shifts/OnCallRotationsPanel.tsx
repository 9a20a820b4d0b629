import { useTranslation } from 'react-i18next';
import { useDeskServices } from '../../services.js';
import { EditableList } from './EditableList.js';
import { OnCallRotationForm } from './OnCallRotationForm.js';
import { namesOf, weekdayName } from './rota-format.js';
import type { RotaView } from './use-rota.js';

/** The on-call rotations: who holds each tier's pager, in turn, and when it changes hands. */
export function OnCallRotationsPanel({ view }: { view: RotaView }) {
  const { client } = useDeskServices();
  const { t, i18n } = useTranslation('shifts');
  const nameOf = namesOf(view.agents);

  return (
    <EditableList
      title={t('onCallRotations.heading')}
      count={(count) => t('onCallRotations.count', { count })}
      empty={t('onCallRotations.empty')}
      newLabel={t('onCallRotations.new')}
      columns={[t('onCallRotations.columns.name'), t('onCallRotations.columns.tier'), t('onCallRotations.columns.members'), t('onCallRotations.columns.handover')]}
      items={view.rota.onCallRotations}
      cells={(rotation) => (
        <>
          <td className="channels__strong">{rotation.name}</td>
          <td className="channels__nowrap">{t('tier', { tier: rotation.tier })}</td>
          <td>
            <ol className="rota-turns">
              {rotation.memberIds.map((id) => (
                <li key={id}>{nameOf(id)}</li>
              ))}
            </ol>
          </td>
          <td>
            {t('onCallRotations.handover', {
              weekday: weekdayName(i18n.language, rotation.handover.weekday, 'long'),
              time: rotation.handover.time,
              zone: rotation.handover.timeZone,
              count: rotation.lengthDays,
              date: rotation.startDate,
            })}
          </td>
        </>
      )}
      remove={(rotation) => client.call('admin.rota.removeOnCallRotation', { id: rotation.id })}
      form={(initial, done) => <OnCallRotationForm initial={initial} view={view} onDone={done} />}
    />
  );
}
