import { useId, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import './send-box.css';

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className' | 'onKeyDown' | 'onChange' | 'value' | 'aria-describedby' | 'aria-invalid' | 'aria-keyshortcuts'>;

export interface SendBoxProps extends TextareaProps {
  value: string;
  onChange(value: string): void;
  /** Said under the text, as an alert, when the last send failed; null otherwise. */
  failure: string | null;
  /** The hint beside the button, given the shortcut in this platform's words ("Ctrl+Enter", "⌘+Enter"). */
  hint(keys: string): string;
  submitLabel: string;
  submitClassName?: string;
  canSend: boolean;
  /** Ctrl/⌘+Enter in the text sends; so does the button, as the form's submit. */
  onSend(): void;
  /** Escape leaves the text box (the ticket pane's way back to the queue). */
  blurOnEscape?: boolean;
}

/**
 * The part of a writing form the ticket composer and the handoff form share: a text box that sends
 * with Ctrl/⌘+Enter, the line that says a send failed (the text stays), and the row with the shortcut
 * hint and the send button. It sits inside the caller's <form>, whose submit the button is.
 */
export function SendBox({ value, onChange, failure, hint, submitLabel, submitClassName = 'button button--primary', canSend, onSend, blurOnEscape = false, ...textarea }: SendBoxProps) {
  const hintId = useId();
  const errorId = useId();

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (canSend) onSend();
    } else if (event.key === 'Escape' && blurOnEscape) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  }

  return (
    <>
      <textarea
        {...textarea}
        className="text-box"
        aria-describedby={failure ? `${hintId} ${errorId}` : hintId}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        aria-invalid={failure ? true : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {failure && (
        <p id={errorId} className="send-box__error" role="alert">
          {failure}
        </p>
      )}
      <div className="send-box__actions">
        <span id={hintId} className="send-box__hint">
          {hint(onMac ? '⌘+Enter' : 'Ctrl+Enter')}
        </span>
        <button type="submit" className={submitClassName} disabled={!canSend}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
