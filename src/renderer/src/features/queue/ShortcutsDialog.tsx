import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';

const shortcuts = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['r'], action: 'reply' },
  { keys: ['n'], action: 'note' },
  { keys: ['e'], action: 'escalate' },
  { keys: ['/'], action: 'search' },
  { keys: ['Esc'], action: 'close' },
  { keys: ['?'], action: 'help' },
] as const;

/** The same marks SlaCountdown draws, so the list explains what the queue shows without colour. */
const slaMarks = [
  { mark: '◔', state: 'dueSoon' },
  { mark: '!', state: 'breached' },
  { mark: '❚❚', state: 'paused' },
  { mark: '✓', state: 'met' },
  { mark: '—', state: 'none' },
] as const;

/** "?": what the keys do, and what the SLA marks mean. Esc or the close button puts it away. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('queue');
  const headingId = useId();
  const dialogRef = useModalDialog('h2');
  return (
    <dialog ref={dialogRef} className="modal-dialog shortcuts-dialog" aria-labelledby={headingId} data-testid="shortcuts-dialog" onClose={onClose}>
      <DialogHeader id={headingId} title={t('shortcuts.title')} closeLabel={t('shortcuts.close')} onClose={onClose} />
      <div className="shortcuts-dialog__body">
        <table className="shortcuts-dialog__table">
          <caption className="visually-hidden">{t('shortcuts.title')}</caption>
          <tbody>
            {shortcuts.map(({ keys, action }) => (
              <tr key={action}>
                <th scope="row">
                  {keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && <span className="shortcuts-dialog__or"> {t('shortcuts.or')} </span>}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>{t(`shortcuts.action.${action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="shortcuts-dialog__note">{t('shortcuts.notWhileTyping')}</p>
        <h3 className="shortcuts-dialog__subtitle">{t('shortcuts.slaTitle')}</h3>
        <ul className="shortcuts-dialog__marks">
          {slaMarks.map(({ mark, state }) => (
            <li key={state}>
              <span className={`sla sla--${state}`} aria-hidden="true">
                <span className="sla__icon">{mark}</span>
              </span>
              {t(`slaState.${state}`)}
            </li>
          ))}
        </ul>
      </div>
    </dialog>
  );
}
