import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities, ticketStatuses, type Priority, type Ticket, type TicketStatus } from '../../../../shared/domain/ticket.js';
import { useDeskServices, useSession } from '../../services.js';
import { MAX_TAG_LENGTH, MAX_TAGS, TagSchema } from '../../../../shared/domain/tags.js';

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
      <TagEditor ticket={ticket} />
      {failed && (
        <p className="ticket__control-error" role="alert">
          {t('changeFailed')}
        </p>
      )}
    </div>
  );
}

/**
 * The ticket's tags as chips, each removable, and a box that adds one on Enter or a comma (Backspace
 * in the empty box removes the last). Each edit is queued as add/remove, never as the whole list, so a
 * colleague's edit at the same time is kept.
 */
function TagEditor({ ticket }: { ticket: Ticket }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('ticket');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();

  function change(add: string[], remove: string[]) {
    setProblem(null);
    client.call('mutations.enqueue', { name: 'ticket.setTags', args: { ticketId: ticket.id, add, remove } }).catch(() => setProblem(t('changeFailed')));
  }

  function addTyped(): boolean {
    const parsed = TagSchema.safeParse(text);
    if (text.trim() === '') return false;
    if (!parsed.success) {
      setProblem(t('tags.invalid'));
      return false;
    }
    setText('');
    if (ticket.tags.includes(parsed.data)) return true;
    if (ticket.tags.length >= MAX_TAGS) {
      setProblem(t('tags.tooMany', { count: MAX_TAGS }));
      return false;
    }
    change([parsed.data], []);
    return true;
  }

  return (
    <div className="ticket__control ticket__tags" role="group" aria-labelledby={`${inputId}-label`}>
      <label id={`${inputId}-label`} htmlFor={inputId}>
        {t('tags.label')}
      </label>
      <ul className="chip-list" aria-label={t('tags.label')} data-testid="ticket-tags">
        {ticket.tags.map((tag) => (
          <li key={tag} className="chip chip--tag">
            <span>{tag}</span>
            <button type="button" className="chip__remove" aria-label={t('tags.remove', { tag })} title={t('tags.remove', { tag })} onClick={() => change([], [tag])}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        className="text-box ticket__tag-input"
        value={text}
        placeholder={t('tags.add')}
        aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
        aria-invalid={problem ? true : undefined}
        maxLength={MAX_TAG_LENGTH + 10}
        onChange={(event) => {
          setProblem(null);
          const typed = event.target.value;
          // A comma ends a tag, as in most tag boxes.
          if (typed.endsWith(',')) {
            setText(typed.slice(0, -1));
            return;
          }
          setText(typed);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            addTyped();
          } else if (event.key === 'Backspace' && text === '' && ticket.tags.length > 0) {
            event.preventDefault();
            change([], [ticket.tags.at(-1)!]);
          }
        }}
      />
      <span id={hintId} className="visually-hidden">
        {t('tags.hint')}
      </span>
      {problem && (
        <span id={problemId} className="ticket__control-error" role="alert">
          {problem}
        </span>
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
