import { useTranslation } from 'react-i18next';
import { DialogButton } from '../../ui/DialogButton.js';
import { useSession } from '../../services.js';
import { AnalyticsDialog } from './AnalyticsDialog.js';
import './analytics.css';

/** The top bar's way into analytics, for supervisors and admins (the server refuses agents anyway). */
export function AnalyticsButton() {
  const { t } = useTranslation('analytics');
  const allowed = useSession((state) => state.user?.role === 'supervisor' || state.user?.role === 'admin');
  if (!allowed) return null;
  return <DialogButton label={t('button')} testId="analytics-button" dialog={(close) => <AnalyticsDialog onClose={close} />} />;
}
