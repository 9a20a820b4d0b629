import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffs, useSession } from '../../services.js';
import { unacknowledgedCount } from './handoff-store.js';
import { HandoffPanel } from './HandoffPanel.js';
import './handoff.css';

/**
 * The top bar's way into the shift handoff: a disclosure button with a count of colleagues' notes
 * this agent has not acknowledged. The count follows the notes even while the panel is closed.
 */
export function HandoffButton() {
  const { t } = useTranslation('handoff');
  const agentId = useSession((state) => state.user?.id ?? '');
  const unacknowledged = useHandoffs((state) => unacknowledgedCount(state.notes, agentId));
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button handoff-button"
        data-testid="handoff-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault();
            close();
          }
        }}
      >
        {t('button')}
        {unacknowledged > 0 && (
          <>
            <span className="count-badge" data-testid="handoff-badge" aria-hidden="true">
              {unacknowledged}
            </span>
            <span className="visually-hidden">, {t('unacknowledged', { count: unacknowledged })}</span>
          </>
        )}
      </button>
      {open && <HandoffPanel id={panelId} onClose={close} />}
    </>
  );
}
