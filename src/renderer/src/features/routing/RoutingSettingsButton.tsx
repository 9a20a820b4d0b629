import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../services.js';
import { RoutingSettingsDialog } from './RoutingSettingsDialog.js';
// The settings' tables and forms are built from the settings pieces of the channels' admin screens.
import '../channels/channels.css';
import './routing.css';

/** The top bar's way into routing's settings, for admins only (the server refuses everyone else anyway). */
export function RoutingSettingsButton() {
  const { t } = useTranslation('routing');
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  const [open, setOpen] = useState(false);
  if (!isAdmin) return null;

  return (
    <>
      <button type="button" className="button" data-testid="routing-settings-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('settings.button')}
      </button>
      {open && <RoutingSettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
