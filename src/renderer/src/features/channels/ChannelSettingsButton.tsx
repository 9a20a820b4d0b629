import { useTranslation } from 'react-i18next';
import { DialogButton } from '../../ui/DialogButton.js';
import { useSession } from '../../services.js';
import { ChannelSettingsDialog } from './ChannelSettingsDialog.js';
import './channels.css';

/** The top bar's way into the channels' settings, for admins only (the server refuses everyone else anyway). */
export function ChannelSettingsButton() {
  const { t } = useTranslation('channels');
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  if (!isAdmin) return null;
  return <DialogButton label={t('button')} testId="channel-settings-button" dialog={(close) => <ChannelSettingsDialog onClose={close} />} />;
}
