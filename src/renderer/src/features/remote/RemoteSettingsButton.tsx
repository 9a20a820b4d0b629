import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../services.js';
import { RemoteSettingsDialog } from './RemoteSettingsDialog.js';
// The settings' forms are built from the settings pieces of the channels' admin screens.
import '../channels/channels.css';
import './remote.css';

/** The top bar's way into the remote tools and allowlist, for admins only (the server refuses everyone else anyway). */
export function RemoteSettingsButton() {
  const { t } = useTranslation('remote');
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  const [open, setOpen] = useState(false);
  if (!isAdmin) return null;

  return (
    <>
      <button type="button" className="button" data-testid="remote-settings-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('settings.button')}
      </button>
      {open && <RemoteSettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
