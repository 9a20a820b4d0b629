import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RotaDialog } from './RotaDialog.js';
// The rota's tables and forms are built from the settings pieces of the channels' admin screens.
import '../channels/channels.css';
import './shifts.css';

/** The top bar's way to who is on shift and on call now (everyone) and to the rota's editor (admins). */
export function RotaButton() {
  const { t } = useTranslation('shifts');
  const [open, setOpen] = useState(false);

  return (
    <>
      <button type="button" className="button" data-testid="rota-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open && <RotaDialog onClose={() => setOpen(false)} />}
    </>
  );
}
