import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { errorMessage } from '../../ui/format.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';

/** Names a new view, or renames one: the only thing a view asks of the agent besides what the table shows. */
export function ViewNameDialog({ title, initialName, onSave, onClose }: { title: string; initialName: string; onSave(name: string): Promise<void>; onClose(): void }) {
  const { t } = useTranslation('queue');
  const headingId = useId();
  const inputId = useId();
  const dialogRef = useModalDialog('input');
  const [name, setName] = useState(initialName);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '' || busy) return;
    setBusy(true);
    try {
      await onSave(name.trim());
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="modal-dialog view-name-dialog" aria-labelledby={headingId} data-testid="view-name-dialog" onClose={onClose}>
      <DialogHeader id={headingId} title={title} closeLabel={t('views.cancel')} onClose={onClose} />
      <form className="view-name-dialog__form" onSubmit={(event) => void submit(event)}>
        <label htmlFor={inputId}>{t('views.name')}</label>
        <input id={inputId} className="text-box" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} autoComplete="off" />
        {failure && (
          <p className="banner banner--warning" role="alert">
            {t('views.saveFailed', { message: failure })}
          </p>
        )}
        <div className="view-name-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('views.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={name.trim() === '' || busy}>
            {t('views.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
