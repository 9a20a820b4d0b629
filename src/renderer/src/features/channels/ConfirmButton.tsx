import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button for something that cannot be undone (revoke, remove, reset): the first press asks, in place,
 * and moves the keyboard to the answer; Escape or Cancel goes back to the button without closing the
 * dialog around it.
 */
export function ConfirmButton({
  label,
  description,
  question,
  confirmLabel,
  busy = false,
  onConfirm,
}: {
  label: string;
  /** The accessible name where the visible label alone is ambiguous (a Revoke on every row). */
  description?: string;
  question: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
}) {
  const { t } = useTranslation('channels');
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returning.current) {
      returning.current = false;
      triggerRef.current?.focus();
    }
  }, [asking]);

  function cancel() {
    returning.current = true;
    setAsking(false);
  }

  if (!asking) {
    return (
      <button ref={triggerRef} type="button" className="button button--small" aria-label={description} disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span
      className="confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Only the question closes, not the dialog it is in.
        event.preventDefault();
        event.stopPropagation();
        cancel();
      }}
    >
      <span className="confirm__question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button button--small button--danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--small" onClick={cancel}>
        {t('cancel')}
      </button>
    </span>
  );
}
