import { useTranslation } from 'react-i18next';
import { DialogButton } from '../../ui/DialogButton.js';
import { MacroManager } from './MacroManager.js';
import './macros.css';

/** The top bar's way into the macros: everyone keeps their own, supervisors and admins the shared ones. */
export function MacrosButton() {
  const { t } = useTranslation('macros');
  return <DialogButton label={t('button')} testId="macros-button" dialog={(close) => <MacroManager onClose={close} />} />;
}
