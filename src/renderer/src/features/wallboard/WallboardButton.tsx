import { useTranslation } from 'react-i18next';
import { seesAllQueues } from '../../../../shared/domain/people.js';
import { useSession } from '../../services.js';
import { WALLBOARD_SHORTCUT, wallboardOpening } from './wallboard-store.js';

/** Under the top bar's "More", for supervisors and admins: the wallboard, also on Alt+Shift+W. */
export function WallboardButton() {
  const { t } = useTranslation('wallboard');
  const user = useSession((state) => state.user);
  if (!user || !seesAllQueues(user)) return null;
  return (
    <button type="button" className="button" data-testid="wallboard-button" aria-haspopup="dialog" aria-keyshortcuts={WALLBOARD_SHORTCUT} title={WALLBOARD_SHORTCUT} onClick={() => wallboardOpening.getState().show()}>
      {t('button')}
    </button>
  );
}
