import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain/ticket.js';
import { MailFrame } from './MailFrame.js';

export type BodyView = 'plain' | 'formatted';

/** The message's text, or (for an email with HTML, when asked) its formatted version. */
export function MessageBody({ message, view }: { message: Message; view: BodyView }) {
  const { t } = useTranslation('ticket');
  if (view === 'formatted' && message.html) {
    return <MailFrame html={message.html} text={message.body} title={t('html.frameTitle', { name: message.authorName })} />;
  }
  return <p className="message__body">{message.body}</p>;
}

/** "Formatted | Plain text" for an email that came with HTML; plain text is the default (and always complete). */
export function BodyViewToggle({ view, onChange }: { view: BodyView; onChange(view: BodyView): void }) {
  const { t } = useTranslation('ticket');
  const labelId = useId();
  return (
    <span className="body-view" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="visually-hidden">
        {t('html.label')}
      </span>
      {(['formatted', 'plain'] as const).map((option) => (
        <button key={option} type="button" className="body-view__option" aria-pressed={view === option} onClick={() => onChange(option)}>
          {t(`html.${option}`)}
        </button>
      ))}
    </span>
  );
}
