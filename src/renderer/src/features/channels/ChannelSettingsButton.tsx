import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../services.js';
import { ChannelSettingsDialog } from './ChannelSettingsDialog.js';
import './channels.css';

/** The top bar's way into the channels' settings, for admins only (the server refuses everyone else anyway). */
export function ChannelSettingsButton() {
  const { t } = useTranslation('channels');
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  const [open, setOpen] = useState(false);
  if (!isAdmin) return null;

  return (
    <>
      <button type="button" className="button" data-testid="channel-settings-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open && <ChannelSettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
