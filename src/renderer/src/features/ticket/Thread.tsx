import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain/ticket.js';
import { useDateTimeFormat } from '../../ui/format.js';

/** How a message looks: the customer, an agent's public reply, an internal note, or a system line. */
export function messageKind(message: Pick<Message, 'authorKind' | 'isPublic'>): 'customer' | 'agent' | 'internal' | 'system' {
  if (message.authorKind === 'system') return 'system';
  if (!message.isPublic) return 'internal';
  return message.authorKind;
}

export function Thread({ messages }: { messages: readonly Message[] }) {
  const { t } = useTranslation('ticket');
  const inOrder = useMemo(() => [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)), [messages]);

  return (
    <section className="thread" aria-labelledby="thread-title">
      <h3 id="thread-title" className="thread__title">
        {t('conversation')} <span className="muted">· {t('messageCount', { count: messages.length })}</span>
      </h3>
      {inOrder.length === 0 ? (
        <p className="muted">{t('noMessages')}</p>
      ) : (
        <ol className="thread__messages">
          {inOrder.map((message) => (
            <ThreadMessage key={message.id} message={message} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ThreadMessage({ message }: { message: Message }) {
  const { t } = useTranslation(['ticket', 'labels']);
  const formatDateTime = useDateTimeFormat();
  const kind = messageKind(message);

  return (
    <li className={`message message--${kind}`} data-message-kind={kind}>
      <header className="message__meta">
        <span className="message__author">{message.authorName}</span>
        <span className="message__role">
          {kind === 'internal' ? t('internalNote') : t(`labels:authorKind.${message.authorKind}`)}
        </span>
        <time className="message__time" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt)}
        </time>
      </header>
      <p className="message__body">{message.body}</p>
    </li>
  );
}
