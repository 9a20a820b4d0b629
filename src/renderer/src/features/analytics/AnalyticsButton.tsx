import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../services.js';
import { AnalyticsDialog } from './AnalyticsDialog.js';
import './analytics.css';

/** The top bar's way into analytics, for supervisors and admins (the server refuses agents anyway). */
export function AnalyticsButton() {
  const { t } = useTranslation('analytics');
  const allowed = useSession((state) => state.user?.role === 'supervisor' || state.user?.role === 'admin');
  const [open, setOpen] = useState(false);
  if (!allowed) return null;

  return (
    <>
      <button type="button" className="button" data-testid="analytics-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open && <AnalyticsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
