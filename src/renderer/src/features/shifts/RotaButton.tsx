import { useTranslation } from 'react-i18next';
import { DialogButton } from '../../ui/DialogButton.js';
import { RotaDialog } from './RotaDialog.js';
// The rota's tables and forms are built from the settings pieces of the channels' admin screens.
import '../channels/channels.css';
import './shifts.css';

/** The top bar's way to who is on shift and on call now (everyone) and to the rota's editor (admins). */
export function RotaButton() {
  const { t } = useTranslation('shifts');
  return <DialogButton label={t('button')} testId="rota-button" dialog={(close) => <RotaDialog onClose={close} />} />;
}
