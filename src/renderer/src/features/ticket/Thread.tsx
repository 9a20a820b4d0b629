import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain/ticket.js';
import type { TicketEvent } from '../../../../shared/domain/ticket-event.js';
import { useConnectionStatus } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { CallSummary } from '../phone/CallSummary.js';
import { BodyViewToggle, MessageBody, type BodyView } from './MessageBody.js';
import { AttachmentList, OriginalButton } from './MessageFiles.js';
import { describeEvent } from './event-line.js';

/** How a message looks: the customer, an agent's public reply, an internal note, or a system line. */
export function messageKind(message: Pick<Message, 'authorKind' | 'isPublic'>): 'customer' | 'agent' | 'internal' | 'system' {
  if (message.authorKind === 'system') return 'system';
  if (!message.isPublic) return 'internal';
  return message.authorKind;
}

/** Written here, not yet confirmed by the server: on its way, or waiting for a connection. */
type Pending = 'sending' | 'waiting';

/** The thread's entries in time order: messages and the history lines between them. */
type Entry = { at: string; message: Message; event?: never } | { at: string; event: TicketEvent; message?: never };

export function Thread({ messages, events = [], pendingMessageIds = [] }: { messages: readonly Message[]; events?: readonly TicketEvent[]; pendingMessageIds?: readonly string[] }) {
  const { t } = useTranslation('ticket');
  const connection = useConnectionStatus();
  const inOrder = useMemo(() => {
    const entries: Entry[] = [...messages.map((message) => ({ at: message.createdAt, message })), ...events.map((event) => ({ at: event.at, event }))];
    // A change made with a reply (a macro's status) comes after it: messages first at the same instant.
    return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.message ? 0 : 1) - (b.message ? 0 : 1));
  }, [messages, events]);
  const pendingIds = useMemo(() => new Set(pendingMessageIds), [pendingMessageIds]);
  const pending: Pending = connection === 'offline' || connection === 'signedOut' ? 'waiting' : 'sending';

  // A message this console just wrote comes into view, even when the thread is scrolled up.
  const newest = [...inOrder].reverse().find((entry) => entry.message)?.message;
  const newestPending = newest && pendingIds.has(newest.id) ? newest.id : null;
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (newestPending) listRef.current?.querySelector(`[data-message-id="${newestPending}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [newestPending]);

  return (
    <section className="thread" aria-labelledby="thread-title">
      <h3 id="thread-title" className="thread__title">
        {t('conversation')} <span className="muted">· {t('messageCount', { count: messages.length })}{events.length > 0 ? ` · ${t('eventCount', { count: events.length })}` : ''}</span>
      </h3>
      {inOrder.length === 0 ? (
        <p className="muted">{t('noMessages')}</p>
      ) : (
        <ol className="thread__messages" ref={listRef}>
          {inOrder.map((entry) =>
            entry.message ? (
              <ThreadMessage key={entry.message.id} message={entry.message} pending={pendingIds.has(entry.message.id) ? pending : null} />
            ) : (
              <ThreadEvent key={entry.event.id} event={entry.event} />
            ),
          )}
        </ol>
      )}
    </section>
  );
}

/** An audit line: what changed, who did it (or Shiftdesk itself), and when, in the agent's time zone. */
function ThreadEvent({ event }: { event: TicketEvent }) {
  const { t } = useTranslation(['ticket', 'labels']);
  const formatDateTime = useDateTimeFormat();
  return (
    <li className="thread-event" data-event-kind={event.kind}>
      <span className="thread-event__marker" aria-hidden="true">
        ●
      </span>
      <span className="thread-event__what">
        {describeEvent(event, t).map((line) => (
          <span key={line} className="thread-event__line">
            {line}
          </span>
        ))}
      </span>
      <span className="thread-event__who">{t('events.by', { name: event.actor?.name ?? t('events.system') })}</span>
      <time className="thread-event__time" dateTime={event.at}>
        {formatDateTime(event.at)}
      </time>
    </li>
  );
}

function ThreadMessage({ message, pending }: { message: Message; pending: Pending | null }) {
  const { t } = useTranslation(['ticket', 'labels']);
  const formatDateTime = useDateTimeFormat();
  const kind = messageKind(message);
  const [view, setView] = useState<BodyView>('plain');
  const attachments = message.attachments ?? [];

  return (
    <li
      className={`message message--${kind}${pending ? ' message--pending' : ''}`}
      data-message-kind={kind}
      data-message-id={message.id}
      data-pending={pending ?? undefined}
    >
      <header className="message__meta">
        <span className="message__author">{message.authorName}</span>
        <span className="message__role">
          {kind === 'internal' ? t('internalNote') : t(`labels:authorKind.${message.authorKind}`)}
        </span>
        {message.via && (
          <span className="message__via" data-testid="message-via">
            {t('via', { channel: t(`labels:channel.${message.via}`) })}
          </span>
        )}
        {pending ? (
          <span className={`message__pending message__pending--${pending}`} data-testid="message-pending">
            <span className="message__pending-icon" aria-hidden="true">
              {pending === 'sending' ? '↻' : '◷'}
            </span>
            {t(`pending.${pending}`)}
          </span>
        ) : null}
        <time className="message__time" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt)}
        </time>
      </header>
      {message.call && <CallSummary call={message.call} />}
      <MessageBody message={message} view={view} />
      {attachments.length > 0 && <AttachmentList ticketId={message.ticketId} attachments={attachments} />}
      {(message.html || message.hasOriginal) && (
        <footer className="message__tools">
          {message.html && <BodyViewToggle view={view} onChange={setView} />}
          {message.hasOriginal && <OriginalButton message={message} />}
        </footer>
      )}
    </li>
  );
}
