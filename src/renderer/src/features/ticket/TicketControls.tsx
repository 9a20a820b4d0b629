import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities, ticketStatuses, type Priority, type Ticket, type TicketStatus } from '../../../../shared/domain/ticket.js';
import { useDeskServices, useSession } from '../../services.js';

/**
 * A choice the agent just made, shown until the ticket is read again (the overlay then shows it).
 * Tied to the ticket object it was made on: any newer read, even one that rolled the change back,
 * replaces it, and the next change starts `from` the value on screen.
 */
interface Chosen<T> {
  value: T;
  on: Ticket;
}

/** Status and priority as labelled selects: each change is queued with `from` = the value shown. */
export function TicketControls({ ticket }: { ticket: Ticket }) {
  const { client } = useDeskServices();
  const { t } = useTranslation(['ticket', 'labels']);
  const [status, setStatus] = useState<Chosen<TicketStatus> | null>(null);
  const [priority, setPriority] = useState<Chosen<Priority> | null>(null);
  const [failed, setFailed] = useState(false);
  const statusId = useId();
  const priorityId = useId();
  const shownStatus = status?.on === ticket ? status.value : ticket.status;
  const shownPriority = priority?.on === ticket ? priority.value : ticket.priority;

  function changeStatus(to: TicketStatus) {
    if (to === shownStatus) return;
    const from = shownStatus;
    setStatus({ value: to, on: ticket });
    setFailed(false);
    client.call('mutations.enqueue', { name: 'ticket.setStatus', args: { ticketId: ticket.id, from, to } }).catch(() => {
      setStatus(null);
      setFailed(true);
    });
  }

  function changePriority(to: Priority) {
    if (to === shownPriority) return;
    const from = shownPriority;
    setPriority({ value: to, on: ticket });
    setFailed(false);
    client.call('mutations.enqueue', { name: 'ticket.setPriority', args: { ticketId: ticket.id, from, to } }).catch(() => {
      setPriority(null);
      setFailed(true);
    });
  }

  return (
    <div className="ticket__controls">
      <span className="ticket__control">
        <label htmlFor={statusId}>{t('status')}</label>
        <select
          id={statusId}
          className={`ticket__select status--${shownStatus}`}
          value={shownStatus}
          data-testid="status-select"
          onChange={(event) => changeStatus(event.target.value as TicketStatus)}
        >
          {ticketStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`labels:status.${value}`)}
            </option>
          ))}
        </select>
      </span>
      <span className="ticket__control">
        <label htmlFor={priorityId}>{t('priority')}</label>
        <span className={`priority priority--${shownPriority}`}>
          <span className="priority__marker" aria-hidden="true" />
          <select
            id={priorityId}
            className="ticket__select"
            value={shownPriority}
            data-testid="priority-select"
            onChange={(event) => changePriority(event.target.value as Priority)}
          >
            {priorities.map((value) => (
              <option key={value} value={value}>
                {t(`labels:priority.${value}`)}
              </option>
            ))}
          </select>
        </span>
      </span>
      {failed && (
        <p className="ticket__control-error" role="alert">
          {t('changeFailed')}
        </p>
      )}
    </div>
  );
}

/** Who has the ticket, and "Assign to me" while it is not the signed-in agent. */
export function AssigneeFact({ ticket }: { ticket: Ticket }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('ticket');
  const user = useSession((state) => state.user);
  const [claimed, setClaimed] = useState<Ticket | null>(null);
  const [failed, setFailed] = useState(false);
  const factRef = useRef<HTMLElement>(null);
  const mine = user !== null && (ticket.assigneeId === user.id || claimed === ticket);
  const assigneeId = claimed === ticket && user ? user.id : ticket.assigneeId;

  function assignToMe(focusAfter: boolean) {
    if (!user) return;
    setClaimed(ticket);
    setFailed(false);
    // The button goes away: keep the keyboard where it was rather than drop it on the page.
    if (focusAfter) factRef.current?.focus();
    client
      .call('mutations.enqueue', { name: 'ticket.assign', args: { ticketId: ticket.id, expectedAssignee: ticket.assigneeId, assignee: user.id } })
      .catch(() => {
        setClaimed(null);
        setFailed(true);
      });
  }

  return (
    <>
      <dt>{t('assignee')}</dt>
      <dd className="ticket__assignee" ref={factRef} tabIndex={-1} data-testid="assignee">
        <span>{assigneeId === null ? t('assigneeNone') : assigneeId === user?.id ? t('assigneeMe') : t('assigneeOther')}</span>
        {!mine && user && (
          <button
            type="button"
            className="button button--small"
            onClick={(event) => assignToMe(event.currentTarget === document.activeElement)}
          >
            {t('assignToMe')}
          </button>
        )}
        {failed && (
          <span className="ticket__control-error" role="alert">
            {t('changeFailed')}
          </span>
        )}
      </dd>
    </>
  );
}
