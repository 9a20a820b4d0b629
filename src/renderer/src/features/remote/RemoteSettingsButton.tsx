import { useTranslation } from 'react-i18next';
import { DialogButton } from '../../ui/DialogButton.js';
import { useSession } from '../../services.js';
import { RemoteSettingsDialog } from './RemoteSettingsDialog.js';
// The settings' forms are built from the settings pieces of the channels' admin screens.
import '../channels/channels.css';
import './remote.css';

/** The top bar's way into the remote tools and allowlist, for admins only (the server refuses everyone else anyway). */
export function RemoteSettingsButton() {
  const { t } = useTranslation('remote');
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  if (!isAdmin) return null;
  return <DialogButton label={t('settings.button')} testId="remote-settings-button" dialog={(close) => <RemoteSettingsDialog onClose={close} />} />;
}
