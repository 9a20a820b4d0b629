import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices } from '../../services.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { CallForm } from './CallForm.js';
import { PendingCalls } from './PendingCalls.js';

/**
 * A modal dialog: the browser keeps the keyboard inside it and closes it on Escape. Closing keeps
 * the draft (a call cut short is not lost) and gives the focus back to the button that opened it.
 */
export function LogCallDialog({ onLogged }: { onLogged(): void }) {
  const { calls } = useDeskServices();
  const { t } = useTranslation('phone');
  const headingId = useId();
  // The caller's name first.
  const dialogRef = useModalDialog('input, textarea, select');

  return (
    <dialog ref={dialogRef} className="modal-dialog call-dialog" aria-labelledby={headingId} data-testid="log-call-dialog" onClose={() => calls.getState().close()}>
      <div className="modal-dialog__header">
        <h2 id={headingId} className="call-dialog__title">
          <span className="call-dialog__icon" aria-hidden="true">
            ☎
          </span>
          {t('title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('close')} title={t('close')} onClick={() => calls.getState().close()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <CallForm onLogged={onLogged} />
      <PendingCalls />
    </dialog>
  );
}
