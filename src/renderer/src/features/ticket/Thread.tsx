import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain/ticket.js';
import { useConnectionStatus } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { CallSummary } from '../phone/CallSummary.js';
import { BodyViewToggle, MessageBody, type BodyView } from './MessageBody.js';
import { AttachmentList, OriginalButton } from './MessageFiles.js';

/** How a message looks: the customer, an agent's public reply, an internal note, or a system line. */
export function messageKind(message: Pick<Message, 'authorKind' | 'isPublic'>): 'customer' | 'agent' | 'internal' | 'system' {
  if (message.authorKind === 'system') return 'system';
  if (!message.isPublic) return 'internal';
  return message.authorKind;
}

/** Written here, not yet confirmed by the server: on its way, or waiting for a connection. */
type Pending = 'sending' | 'waiting';

export function Thread({ messages, pendingMessageIds = [] }: { messages: readonly Message[]; pendingMessageIds?: readonly string[] }) {
  const { t } = useTranslation('ticket');
  const connection = useConnectionStatus();
  const inOrder = useMemo(() => [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)), [messages]);
  const pendingIds = useMemo(() => new Set(pendingMessageIds), [pendingMessageIds]);
  const pending: Pending = connection === 'offline' || connection === 'signedOut' ? 'waiting' : 'sending';

  // A message this console just wrote comes into view, even when the thread is scrolled up.
  const newest = inOrder.at(-1);
  const newestPending = newest && pendingIds.has(newest.id) ? newest.id : null;
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (newestPending) listRef.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [newestPending]);

  return (
    <section className="thread" aria-labelledby="thread-title">
      <h3 id="thread-title" className="thread__title">
        {t('conversation')} <span className="muted">· {t('messageCount', { count: messages.length })}</span>
      </h3>
      {inOrder.length === 0 ? (
        <p className="muted">{t('noMessages')}</p>
      ) : (
        <ol className="thread__messages" ref={listRef}>
          {inOrder.map((message) => (
            <ThreadMessage key={message.id} message={message} pending={pendingIds.has(message.id) ? pending : null} />
          ))}
        </ol>
      )}
    </section>
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
