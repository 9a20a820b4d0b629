import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MacroManager } from './MacroManager.js';
import './macros.css';

/** The top bar's way into the macros: everyone keeps their own, supervisors and admins the shared ones. */
export function MacrosButton() {
  const { t } = useTranslation('macros');
  const [open, setOpen] = useState(false);

  return (
    <>
      <button type="button" className="button" data-testid="macros-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open && <MacroManager onClose={() => setOpen(false)} />}
    </>
  );
}
