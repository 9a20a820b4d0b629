import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices, useHandoffs, useSession } from '../../services.js';
import { useMinute } from '../../ui/format.js';
import { isDraftOffered, unacknowledgedCount } from './handoff-store.js';
import { HandoffPanel } from './HandoffPanel.js';
import './handoff.css';

/**
 * The top bar's way into the shift handoff: a disclosure button with a count of colleagues' notes
 * this agent has not acknowledged, and a mark while their shift's handoff draft waits. The count
 * follows the notes even while the panel is closed; the shift-end prompt and the supervisors' alert
 * open the same panel.
 */
export function HandoffButton() {
  const { handoffs } = useDeskServices();
  const { t } = useTranslation('handoff');
  const agentId = useSession((state) => state.user?.id ?? '');
  const unacknowledged = useHandoffs((state) => unacknowledgedCount(state.notes, agentId));
  const open = useHandoffs((state) => state.panelOpen);
  const shiftEnd = useHandoffs((state) => state.shiftEnd);
  const shiftRead = useHandoffs((state) => state.shiftRead);
  const draftReady = isDraftOffered(shiftEnd, useMinute());
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  function close() {
    handoffs.getState().closePanel();
    buttonRef.current?.focus();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`button handoff-button${draftReady ? ' handoff-button--draft' : ''}`}
        data-testid="handoff-button"
        // Whether the handovers to the agent's shift (and so the start-of-shift dialog) are known yet.
        data-shift-read={shiftRead || undefined}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : handoffs.getState().openPanel())}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault();
            close();
          }
        }}
      >
        {draftReady && (
          <span className="handoff-button__draft" aria-hidden="true">
            ✎
          </span>
        )}
        {t('button')}
        {unacknowledged > 0 && (
          <>
            <span className="count-badge" data-testid="handoff-badge" aria-hidden="true">
              {unacknowledged}
            </span>
            <span className="visually-hidden">, {t('unacknowledged', { count: unacknowledged })}</span>
          </>
        )}
        {draftReady && <span className="visually-hidden">, {t('draftReady')}</span>}
      </button>
      {open && <HandoffPanel id={panelId} onClose={close} />}
    </>
  );
}
