import { useTranslation } from 'react-i18next';
import { DialogButton } from '../../ui/DialogButton.js';
import { useSession } from '../../services.js';
import { RoutingSettingsDialog } from './RoutingSettingsDialog.js';
// The settings' tables and forms are built from the settings pieces of the channels' admin screens.
import '../channels/channels.css';
import './routing.css';

/** The top bar's way into routing's settings, for admins only (the server refuses everyone else anyway). */
export function RoutingSettingsButton() {
  const { t } = useTranslation('routing');
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  if (!isAdmin) return null;
  return <DialogButton label={t('settings.button')} testId="routing-settings-button" dialog={(close) => <RoutingSettingsDialog onClose={close} />} />;
}
