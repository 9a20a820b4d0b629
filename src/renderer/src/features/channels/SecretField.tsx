import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A value shown once (a token, a signing secret): read-only, selected on focus, with a Copy button. */
export function SecretField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('channels');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard (a browser that refuses it): the value is selected for Ctrl+C instead.
      inputRef.current?.select();
      setCopied('no');
    }
  }

  return (
    <div className="secret-field">
      <label htmlFor={id}>{label}</label>
      <input ref={inputRef} id={id} className="secret-field__value" readOnly spellCheck={false} value={value} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" className="button button--small" aria-label={t('secret.copyLabel', { what: label })} onClick={() => void copy()}>
        {t('secret.copy')}
      </button>
      <span className="secret-field__status" role="status">
        {copied === 'yes' ? t('secret.copied') : copied === 'no' ? t('secret.copyByHand') : ''}
      </span>
    </div>
  );
}
